import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { listActivity, listAudit } from '../../core/bindist/reporting.js';
import { routeInput } from '../shared/validate.js';
import { adminOnly, requireBindistAdmin } from './auth.js';
import { ok } from './envelope.js';
import { BINDIST_ROUTES as R } from './schemas/routes.js';

/** The admin's activity list and audit log. */
export function reportingRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;

  router.get('/activity', adminOnly, async (req, res) => {
    const { query } = routeInput(R.activity, req);
    const { page, ...data } = await listActivity(db, requireBindistAdmin(res).tenantId, {
      ...query,
      limit: query.limit ?? query.pageSize ?? 50,
    });
    ok(res, data, page ? { pagination: page } : {});
  });

  router.get('/audit', adminOnly, async (req, res) => {
    ok(res, await listAudit(db, requireBindistAdmin(res).tenantId, routeInput(R.audit, req).query));
  });

  return router;
}
