import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { regenerateDownloadToken } from '../../core/commands/regenerate-download-token.js';
import { revokeDownloadToken } from '../../core/commands/revoke-download-token.js';
import { listDownloadTokens } from '../../core/download-tokens.js';
import { actorOf, authenticate } from '../shared/auth.js';
import { jsonBody } from '../shared/body.js';
import { routeInput } from '../shared/validate.js';
import { FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

/**
 * Download tokens of private apps, with the routes and answers of FaynoSync's newer versions (its dashboard's
 * "Download tokens" section), plus a revoke FaynoSync does not have.
 */
export function downloadTokensRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const auth = authenticate(ctx);
  const json = jsonBody(ctx.config.jsonMaxBytes);

  router.post('/download-tokens/regenerate', auth, json, async (req, res) => {
    const actor = actorOf(res);
    const { body } = routeInput(R.regenerateDownloadToken, req);
    const minted = await regenerateDownloadToken(ctx, actor, {
      appId: body.app_id,
      channelId: body.channel_id,
    });
    // The secret must not linger in any cache between the server and whoever minted it.
    res.setHeader('Cache-Control', 'no-store');
    res.json({ app_id: minted.appId, channel_id: minted.channelId ?? '', token: minted.token });
  });

  router.get('/download-tokens/list', auth, async (_req, res) => {
    const tokens = await listDownloadTokens(db, actorOf(res));
    res.json({
      download_tokens: tokens.map((t) => ({
        id: t.id,
        app_id: t.appId,
        app_name: t.appName,
        channel_id: t.channelId ?? '',
        channel_name: t.channelName ?? '',
        token_prefix: t.tokenPrefix,
        updated_at: t.updatedAt.toISOString(),
      })),
    });
  });

  router.delete('/download-tokens/delete', auth, async (req, res) => {
    const actor = actorOf(res);
    await revokeDownloadToken(ctx, actor, routeInput(R.revokeDownloadToken, req).query.id);
    res.json({ message: 'Download token revoked' });
  });

  return router;
}
