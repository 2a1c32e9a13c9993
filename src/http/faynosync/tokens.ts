import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { listApiTokens } from '../../core/api-token-list.js';
import { createApiToken } from '../../core/commands/create-api-token.js';
import { revokeApiToken } from '../../core/commands/revoke-api-token.js';
import { actorOf, adminOnly, authenticate } from '../shared/auth.js';
import { jsonBody } from '../shared/body.js';
import { routeInput } from '../shared/validate.js';
import { FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

/** CI tokens (admins only), answered as FaynoSync does: 201 with the secret once, then never again. */
export function tokensRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const auth = authenticate(ctx);
  const json = jsonBody(ctx.config.jsonMaxBytes);

  router.post('/token/create', auth, adminOnly, json, async (req, res) => {
    const { body } = routeInput(R.createToken, req);
    const created = await createApiToken(db, actorOf(res), {
      name: body.name,
      allowedApps: body.allowed_apps,
      expiresAt: body.expires_at,
    });
    // The secret must not linger in any cache between the server and the admin.
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({
      id: created.id,
      name: created.name,
      token: created.token,
      token_prefix: created.tokenPrefix,
      allowed_apps: created.allowedApps,
      expires_at: created.expiresAt?.toISOString() ?? null,
      created_at: created.createdAt.toISOString(),
    });
  });

  router.get('/token/list', auth, adminOnly, async (_req, res) => {
    const tokens = await listApiTokens(db, actorOf(res));
    res.json({
      tokens: tokens.map((t) => ({
        id: t.id,
        name: t.name,
        token_prefix: t.tokenPrefix,
        allowed_apps: t.allowedApps,
        ...(t.expiresAt ? { expires_at: t.expiresAt.toISOString() } : {}),
        created_at: t.createdAt.toISOString(),
        ...(t.lastUsedAt ? { last_used_at: t.lastUsedAt.toISOString() } : {}),
      })),
    });
  });

  router.delete('/token/delete', auth, adminOnly, json, async (req, res) => {
    await revokeApiToken(db, actorOf(res), routeInput(R.revokeToken, req).body.id);
    res.json({ message: 'Token revoked' });
  });

  return router;
}
