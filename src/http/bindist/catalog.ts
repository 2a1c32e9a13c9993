import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { customersOfApps, findApp, listApps } from '../../core/bindist/catalog.js';
import { paginationOf } from '../../core/bindist/paging.js';
import { filesOf, findVersion, isTestChannel, listVersions, viewerOf } from '../../core/bindist/releases.js';
import { appStats } from '../../core/bindist/reporting.js';
import { routeInput } from '../shared/validate.js';
import { bindistCaller } from './auth.js';
import { ok } from './envelope.js';
import { presentApp, presentFile, presentVersion } from './presenters.js';
import { pageOf } from './schemas/fields.js';
import { BINDIST_ROUTES as R } from './schemas/routes.js';

/**
 * The customer face's catalog (admin keys see every application): applications, versions (the Test channel
 * shows disabled ones and every channel's), a version's files, and download statistics.
 */
export function catalogRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;

  router.get('/applications', async (req, res) => {
    const caller = bindistCaller(res);
    const { query } = routeInput(R.listApplications, req);
    const { search, tags, isActive, sortBy, sortOrder } = query;
    const filter = { search, tags, isActive, sortBy, sortOrder };
    const page = pageOf(query, 20);
    const { apps, total } = await listApps(db, caller, filter, page);
    const customers =
      caller.kind === 'admin'
        ? await customersOfApps(
            db,
            caller.tenantId,
            apps.map((a) => a.id),
          )
        : undefined;
    const applications = apps.map((app) => ({
      ...presentApp(app),
      ...(customers ? { customers: customers.get(app.id) ?? [] } : {}),
    }));
    const isAdmin = caller.kind === 'admin';
    ok(res, { applications, isAdmin, isFinancialAdmin: isAdmin }, { pagination: paginationOf(page, total) });
  });

  router.get('/applications/:applicationId', async (req, res) => {
    const { params } = routeInput(R.getApplication, req);
    ok(res, presentApp(await findApp(db, bindistCaller(res), params.applicationId)));
  });

  router.get('/applications/:applicationId/versions', async (req, res) => {
    const caller = bindistCaller(res);
    const { params, query } = routeInput(R.listVersions, req);
    const app = await findApp(db, caller, params.applicationId);
    const viewer = await viewerOf(db, caller, isTestChannel(req.headers['x-channel']));
    const versions = await listVersions(db, viewer, app, { changelog: query.changelog });
    ok(res, { applicationId: app.applicationId, versions: versions.map((v) => presentVersion(app, v)) });
  });

  router.get('/applications/:applicationId/versions/:version/files', async (req, res) => {
    const caller = bindistCaller(res);
    const { params } = routeInput(R.versionFiles, req);
    const app = await findApp(db, caller, params.applicationId);
    const viewer = await viewerOf(db, caller, isTestChannel(req.headers['x-channel']));
    const version = await findVersion(db, viewer, app, params.version);
    const files = await filesOf(db, [version.id]);
    ok(res, { applicationId: app.applicationId, version: version.version, files: files.map(presentFile) });
  });

  router.get('/applications/:applicationId/stats', async (req, res) => {
    const caller = bindistCaller(res);
    const { params, query } = routeInput(R.appStats, req);
    const app = await findApp(db, caller, params.applicationId);
    ok(res, await appStats(db, caller, app, query.version));
  });

  return router;
}
