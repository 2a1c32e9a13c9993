import express, { type Request, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { isTestChannel } from '../../core/bindist/releases.js';
import { readSettings } from '../../core/bindist/settings.js';
import { createApplication } from '../../core/commands/create-application.js';
import { deleteApplication } from '../../core/commands/delete-application.js';
import { changeApplicationCustomers } from '../../core/commands/link-application-customers.js';
import { updateApplication } from '../../core/commands/update-application.js';
import { updateSettings } from '../../core/commands/update-bindist-settings.js';
import { updateBindistVersion } from '../../core/commands/update-bindist-version.js';
import { routeInput } from '../shared/validate.js';
import { adminAct, adminOnly, bindistCaller } from './auth.js';
import { ok } from './envelope.js';
import { presentApp } from './presenters.js';
import { BINDIST_ROUTES as R } from './schemas/routes.js';

/**
 * Application management, the version PATCH and the tenant's settings (admin key only; a customer key gets 403).
 * Every change is audited by its command, in the change's own transaction; the commands bump the generations.
 */
export function managementAppsRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;

  router.post('/management/applications', adminOnly, async (req, res) => {
    const { body } = routeInput(R.createApplication, req);
    const app = await createApplication(ctx, bindistCaller(res), adminAct(req, res), body);
    ok(res, { ...presentApp(app), customerIds: app.customerIds }, { status: 201 });
  });

  router.patch('/management/applications/:applicationId', adminOnly, async (req, res) => {
    const caller = bindistCaller(res);
    const { params, body } = routeInput(R.updateApplication, req);
    ok(res, presentApp(await updateApplication(ctx, caller, params.applicationId, body)));
  });

  router.delete('/management/applications/:applicationId', adminOnly, async (req, res) => {
    const { params } = routeInput(R.deleteApplication, req);
    const deleted = await deleteApplication(
      ctx,
      bindistCaller(res),
      adminAct(req, res),
      params.applicationId,
    );
    ok(res, {
      message: 'Application deleted successfully',
      applicationId: deleted.applicationId,
      deletedAt: deleted.deletedAt.toISOString(),
    });
  });

  router.put('/management/applications/:applicationId/customers', adminOnly, async (req, res) => {
    const { params, body } = routeInput(R.applicationCustomers, req);
    const result = await changeApplicationCustomers(
      ctx,
      bindistCaller(res),
      adminAct(req, res),
      params.applicationId,
      body,
    );
    const { applicationId } = result.app;
    ok(res, { applicationId, customerIds: result.customerIds, added: result.added, removed: result.removed });
  });

  // BinDist serves the version PATCH outside /management; the /management form is accepted too.
  const patchVersion = async (req: Request, res: express.Response) => {
    const { params, body } = routeInput(R.updateVersion, req);
    const updated = await updateBindistVersion(
      ctx,
      bindistCaller(res),
      adminAct(req, res),
      params.applicationId,
      params.version,
      body,
      { testChannel: isTestChannel(req.headers['x-channel']) },
    );
    ok(res, {
      message: 'Version updated successfully',
      ...updated,
      updatedAt: updated.updatedAt.toISOString(),
    });
  };
  router.patch('/applications/:applicationId/versions/:version', adminOnly, patchVersion);
  router.patch('/management/applications/:applicationId/versions/:version', adminOnly, patchVersion);

  router.get('/management/settings', adminOnly, async (_req, res) => {
    ok(res, await readSettings(db, bindistCaller(res).tenantId));
  });

  router.patch('/management/settings', adminOnly, async (req, res) => {
    ok(res, await updateSettings(db, adminAct(req, res), routeInput(R.updateSettings, req).body));
  });

  return router;
}
