import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { listActivity, listAudit } from '../../core/bindist/reporting.js';
import { adminOnly, requireBindistAdmin } from './auth.js';
import { ok } from './envelope.js';

/** The admin's activity list and audit log. */
export function reportingRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;

  router.get('/activity', adminOnly, async (req, res) => {
    const { page, ...data } = await listActivity(db, requireBindistAdmin(res).tenantId, req.query);
    ok(res, data, page ? { pagination: page } : {});
  });

  router.get('/audit', adminOnly, async (req, res) => {
    ok(res, await listAudit(db, requireBindistAdmin(res).tenantId, req.query));
  });

  return router;
}
