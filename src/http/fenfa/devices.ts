import express, { type Response, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { registerAppleDevice, registerAppleDevices } from '../../core/commands/register-apple-devices.js';
import { tenantAppleClient, tenantAppleStatus } from '../../core/fenfa/apple-account.js';
import { eachIosDevice, listIosDevices, listIosVariants } from '../../core/fenfa/ios-devices.js';
import { jsonBody } from '../shared/body.js';
import { routeInput } from '../shared/validate.js';
import { fenfaAuth, fenfaCallerOf } from './auth.js';
import { sendCsv } from './csv-export.js';
import { fenfaErrorHandler, ok } from './envelope.js';
import { FENFA_ROUTES as R } from './schemas/routes.js';

const DEVICE_COLUMNS = ['udid', 'device_name', 'model', 'os_version', 'created_at', 'verified_at'] as const;

/**
 * Fenfa's admin routes for iOS devices (admin-scoped `X-Auth-Token`): the devices that bound a UDID, their
 * registration with the tenant's Apple developer account through App Store Connect, and their CSV export.
 */
export function fenfaDevicesRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;
  const admin = fenfaAuth(ctx, 'admin');
  const tenantId = (res: Response) => fenfaCallerOf(res).actor.tenantId;
  const apple = { jwtSecret: ctx.config.jwtSecret, appleApiUrl: ctx.config.appleApiUrl };
  const deps = { ...ctx, config: apple };

  router.get('/admin/api/ios_devices', admin, async (req, res) => {
    ok(res, await listIosDevices(db, tenantId(res), routeInput(R.listIosDevices, req).query));
  });
  router.get('/admin/api/ios_variants', admin, async (_req, res) => {
    ok(res, await listIosVariants(db, tenantId(res)));
  });

  router.post(
    '/admin/api/devices/register-apple',
    admin,
    jsonBody(ctx.config.jsonMaxBytes),
    async (req, res) => {
      const { device_ids } = routeInput(R.registerAppleDevices, req).body;
      ok(res, await registerAppleDevices(deps, fenfaCallerOf(res).actor, device_ids));
    },
  );
  router.post('/admin/api/devices/:deviceID/register-apple', admin, async (req, res) => {
    const { deviceID } = routeInput(R.registerAppleDevice, req).params;
    ok(res, await registerAppleDevice(deps, fenfaCallerOf(res).actor, deviceID));
  });

  router.get('/admin/api/apple/status', admin, async (_req, res) => {
    ok(res, await tenantAppleStatus(db, tenantId(res), apple));
  });
  router.get('/admin/api/apple/devices', admin, async (_req, res) => {
    const items = await (await tenantAppleClient(db, tenantId(res), apple)).listDevices();
    ok(res, { items, total: items.length });
  });

  router.get('/admin/exports/ios_devices.csv', admin, async (req, res) => {
    const filter = routeInput(R.exportIosDevices, req).query;
    await sendCsv(res, 'ios_devices.csv', DEVICE_COLUMNS, async function* () {
      for await (const device of eachIosDevice(db, tenantId(res), filter)) {
        yield DEVICE_COLUMNS.map((c) => device[c]);
      }
    });
  });

  router.use(
    [
      '/admin/api/ios_devices',
      '/admin/api/ios_variants',
      '/admin/api/devices',
      '/admin/api/apple',
      '/admin/exports/ios_devices.csv',
    ],
    fenfaErrorHandler,
  );
  return router;
}
