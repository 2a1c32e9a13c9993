import { type RequestHandler, type Response, Router } from 'express';
import type { AppContext } from '../../context.js';
import { DOWNLOAD_TOKEN_HEADER } from '../../core/download-tokens.js';
import { downloadUrl, downloadUrlForAnyone, downloadUrlForToken } from '../../core/release-downloads.js';
import { actorOf, authenticate, bearerToken, permit } from '../shared/auth.js';
import { routeInput } from '../shared/validate.js';
import { FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

function answer(res: Response, url: string, redirect: boolean): void {
  // A signed URL is a permission for whoever holds it: no shared cache may hand it to the next caller.
  res.setHeader('Cache-Control', 'private, no-store');
  if (redirect) {
    res.redirect(302, url);
    return;
  }
  res.json({ download_url: url });
}

/**
 * `GET /download?key=…`. With a person's login: FaynoSync's JSON answer `{"download_url"}` by default, or with
 * `redirect=1` the same URL as a 302, for updaters that send credentials and follow redirects but cannot read
 * JSON. Clients drop the Authorization header when a redirect leaves the origin (S3), and with the local driver
 * the target is this server; the target is always built by the store, never taken from the request.
 *
 * Without a login, FaynoSync's newer private-app access model: a shipped app shows its download token in
 * `X-Download-Token`, or, for an app whose download mode is `unlisted`, nothing at all. Those clients expect
 * FaynoSync's 302 (its newer `/download` always redirects), so that is their default; `redirect=0` gives JSON.
 */
export function downloadsRouter(ctx: AppContext): Router {
  const router = Router();

  const withoutLogin: RequestHandler = async (req, res, next) => {
    if (req.headers.authorization !== undefined) {
      next();
      return;
    }
    const { query } = routeInput(R.download, req);
    const token = req.headers[DOWNLOAD_TOKEN_HEADER];
    const url =
      token === undefined
        ? // Refused with the very answer a request without credentials always got.
          await downloadUrlForAnyone(ctx, query.key, () => bearerToken(undefined) as never)
        : await downloadUrlForToken(ctx, Array.isArray(token) ? '' : token, query.key);
    answer(res, url, query.redirect ?? true);
  };

  router.get('/download', withoutLogin, authenticate(ctx), permit('apps', 'download'), async (req, res) => {
    const { query } = routeInput(R.download, req);
    answer(res, await downloadUrl(ctx, actorOf(res), query.key), query.redirect ?? false);
  });

  return router;
}
