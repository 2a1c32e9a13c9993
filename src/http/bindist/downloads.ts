import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { downloadUrl, followShareLink } from '../../core/bindist/download-links.js';
import { isTestChannel } from '../../core/bindist/releases.js';
import { createShareLink } from '../../core/commands/create-share-link.js';
import { routeInput } from '../shared/validate.js';
import { bindistCaller, requestOrigin } from './auth.js';
import { BindistError, ok } from './envelope.js';
import { BINDIST_ROUTES as R } from './schemas/routes.js';

/** Download URLs and share links for entitled callers. */
export function downloadsRouter(ctx: AppContext): Router {
  const router = express.Router();

  router.get('/downloads/url', async (req, res) => {
    const issued = await downloadUrl(ctx, bindistCaller(res), routeInput(R.downloadUrl, req).query, {
      testChannel: isTestChannel(req.headers['x-channel']),
      origin: requestOrigin(req),
    });
    ok(res, {
      downloadId: issued.downloadId,
      // `url` is what the SDKs read, `downloadUrl` what the docs show.
      url: issued.url,
      downloadUrl: issued.url,
      expiresAt: issued.expiresAt,
      applicationId: issued.app.applicationId,
      version: issued.version.version,
      fileId: issued.file.fileId,
      fileName: issued.file.fileName,
      fileSize: issued.file.fileSize,
      checksum: issued.file.checksum,
      checksumAlgorithm: 'sha256',
    });
  });

  router.post('/downloads/share', async (req, res) => {
    const link = await createShareLink(ctx, bindistCaller(res), routeInput(R.createShareLink, req).body);
    ok(res, {
      shareUrl: `${ctx.config.apiUrl}/v1/downloads/d/${link.token}`,
      token: link.token,
      expiresAt: link.expiresAt,
      expiresInMinutes: link.expiresInMinutes,
      applicationId: link.app.applicationId,
      version: link.version.version,
      fileId: link.file.fileId,
      fileName: link.file.fileName,
    });
  });

  return router;
}

/**
 * The public end of a share link (no credentials): 302 to a fresh pre-signed URL, 404 for an unknown link,
 * 410 for an expired one. Served at BinDist's `/downloads/d/{token}` and the docs' `/downloads/share/{token}`.
 */
export function publicShareRouter(ctx: AppContext): Router {
  const router = express.Router();
  router.get(['/downloads/d/:token', '/downloads/share/:token'], async (req, res) => {
    const { params } = routeInput(R.followShareLink, req);
    const result = await followShareLink(ctx, params.token, requestOrigin(req));
    if (result.kind === 'not_found')
      throw new BindistError(404, 'NOT_FOUND', 'Invalid or expired download link');
    if (result.kind === 'expired') throw new BindistError(410, 'EXPIRED', 'This download link has expired');
    res.setHeader('Cache-Control', 'no-cache, no-store, must-revalidate');
    res.redirect(302, result.download.url);
  });
  return router;
}
