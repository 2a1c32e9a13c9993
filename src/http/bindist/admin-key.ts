import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { actorFromSession } from '../../core/auth/actor.js';
import { callerFromKey, keyFromHeader } from '../../core/bindist/customer-keys.js';
import { regenerateAdminKey } from '../../core/commands/regenerate-admin-key.js';
import { requireAdmin } from '../../core/permissions.js';
import { requestOrigin } from './auth.js';
import { BindistError, ok } from './envelope.js';

/** A JWT has three dot-separated parts; a BinDist key has at most one dot. */
function looksLikeJwt(credential: string): boolean {
  return credential.split('.').length === 3;
}

/**
 * `POST /management/admin/regenerate-key`, mounted before key authentication: the tenant admin bootstraps its
 * first key with its Updraft JWT (from /login), and rotates it with either the JWT or the current key.
 */
export function adminKeyRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;
  router.post('/management/admin/regenerate-key', async (req, res) => {
    const credential = keyFromHeader(req.headers.authorization);
    let tenantId: string;
    let actorId: string;
    if (looksLikeJwt(credential)) {
      const actor = await actorFromSession(db, credential, ctx.config.jwtSecret);
      requireAdmin(actor);
      tenantId = actor.tenantId;
      actorId = actor.userId;
    } else {
      const caller = await callerFromKey(db, credential);
      if (caller.kind !== 'admin') throw new BindistError(403, 'FORBIDDEN', 'Admin access required');
      tenantId = caller.tenantId;
      actorId = 'admin';
    }
    ok(res, await regenerateAdminKey(db, { tenantId, actorId, origin: requestOrigin(req) }));
  });
  return router;
}
