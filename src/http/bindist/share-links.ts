import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { paginationOf } from '../../core/bindist/paging.js';
import { listShareLinks } from '../../core/bindist/share-links.js';
import { revokeShareLink } from '../../core/commands/revoke-share-link.js';
import { routeInput } from '../shared/validate.js';
import { adminAct, adminOnly, requireBindistAdmin } from './auth.js';
import { ok } from './envelope.js';
import { pageOf } from './schemas/fields.js';
import { BINDIST_ROUTES as R } from './schemas/routes.js';

/**
 * The admin's view of share links (Updraft's own; BinDist has none): list them, and revoke one. Links also die with
 * their customer's access (see followShareLink) and with its key.
 */
export function shareLinksRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;
  router.use('/management/share-links', adminOnly);

  router.get('/management/share-links', async (req, res) => {
    const { query } = routeInput(R.listShareLinks, req);
    const { customerId, applicationId, includeExpired } = query;
    const filter = { customerId, applicationId, includeExpired };
    const page = pageOf(query, 50);
    const { shareLinks, total } = await listShareLinks(db, requireBindistAdmin(res).tenantId, filter, page);
    ok(res, { shareLinks }, { pagination: paginationOf(page, total) });
  });

  router.delete('/management/share-links/:shareLinkId', async (req, res) => {
    const { params } = routeInput(R.revokeShareLink, req);
    const revoked = await revokeShareLink(db, adminAct(req, res), params.shareLinkId);
    ok(res, {
      message: 'Share link revoked',
      shareLinkId: revoked.shareLinkId,
      revokedAt: revoked.revokedAt.toISOString(),
    });
  });

  return router;
}
