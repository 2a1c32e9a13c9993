import { type RequestHandler, Router } from 'express';
import type { AppContext } from '../../context.js';
import { deleteGroup } from '../../core/commands/delete-report-group.js';
import { regenerateReportKey } from '../../core/commands/regenerate-report-key.js';
import { updateGroup } from '../../core/commands/update-report-group.js';
import { notFound } from '../../core/errors.js';
import {
  listGroupBlobs,
  listGroups,
  type ReportBlobItem,
  type ReportGroupItem,
} from '../../core/reports/groups.js';
import { ingestReport, parseDeviceId } from '../../core/reports/ingest.js';
import { listReportKeys, type ReportKeyOwner, resolveReportKey } from '../../core/reports/report-keys.js';
import { actorOf, authenticate, bearerToken, permit } from '../shared/auth.js';
import { jsonBody } from '../shared/body.js';
import { routeInput } from '../shared/validate.js';
import type { ReportBlobDoc, ReportGroupDoc } from './schemas/responses.js';
import { FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

/** A group as FaynoSync's JSON shows it (its dashboard's ReportGroup); empty tags and note are left out, as in Go. */
function presentGroup(group: ReportGroupItem): ReportGroupDoc {
  return {
    id: group.id,
    group_hash: group.groupHash,
    app_id: group.appId,
    application: { name: group.appName, version: group.version, channel: group.channel },
    system: { platform: group.platform, arch: group.arch },
    event: { type: group.type, reason: group.reason },
    stats: {
      count: group.count,
      first_seen: group.firstSeen.toISOString(),
      last_seen: group.lastSeen.toISOString(),
      details_stored: group.detailsStored,
      details_rejected: group.detailsRejected,
    },
    status: group.status,
    ...(group.tags.length > 0 ? { tags: group.tags } : {}),
    ...(group.note ? { note: group.note } : {}),
    ...(group.resolvedAt ? { resolved_at: group.resolvedAt.toISOString() } : {}),
    ...(group.resolvedBy ? { resolved_by: group.resolvedBy } : {}),
    created_at: group.createdAt.toISOString(),
    updated_at: group.updatedAt.toISOString(),
  };
}

function presentBlob(blob: ReportBlobItem): ReportBlobDoc {
  const group = presentGroup(blob.group);
  return {
    id: blob.id,
    group_hash: group.group_hash,
    app_id: group.app_id,
    application: group.application,
    system: group.system,
    event: group.event,
    storage: {
      driver: blob.driver,
      key: blob.storageKey,
      compressed_size: blob.compressedSize,
      decompressed_size: blob.decompressedSize,
      content_type: 'application/json',
      encoding: 'gzip',
    },
    created_at: blob.createdAt.toISOString(),
    expires_at: blob.expiresAt.toISOString(),
    url: blob.url,
  };
}

/** `Authorization: Bearer rpk_…` and `X-Device-ID`, checked before the body is read (FaynoSync's order). */
function reportKeyAuth(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const key = bearerToken(req.headers.authorization);
    res.locals.deviceId = parseDeviceId(req.get('x-device-id'));
    res.locals.reportKey = await resolveReportKey(ctx.database.db, key);
    next();
  };
}

/**
 * Crash and event reports with FaynoSync's routes and answers (v2.1): report keys for the dashboard, ingest for
 * shipped apps, and the management of report groups. REPORTS_ENABLED=false turns `/reports/*` off, as in FaynoSync.
 */
export function reportsRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const auth = authenticate(ctx);
  const json = jsonBody(ctx.config.jsonMaxBytes);
  const secret = ctx.config;

  router.get('/report-keys/list', auth, permit('apps', 'edit'), async (_req, res) => {
    const keys = await listReportKeys(db, secret, actorOf(res));
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      report_keys: keys.map((k) => ({
        id: k.id,
        app_id: k.appId,
        app_name: k.appName,
        key_value: k.key,
        updated_at: k.updatedAt.toISOString(),
      })),
    });
  });

  router.post('/report-keys/regenerate', auth, permit('apps', 'edit'), json, async (req, res) => {
    const { appId, key } = await regenerateReportKey(
      db,
      secret,
      actorOf(res),
      routeInput(R.regenerateReportKey, req).body.app_id,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json({ app_id: appId, key_value: key });
  });

  if (!ctx.config.reports.enabled) {
    router.use('/reports', () => {
      throw notFound('crash and event reports are turned off on this server (REPORTS_ENABLED=false)');
    });
    return router;
  }

  router.post(
    '/reports/ingest',
    reportKeyAuth(ctx),
    jsonBody(ctx.config.reports.maxBodyBytes),
    async (req, res) => {
      const result = await ingestReport(
        ctx,
        res.locals.reportKey as ReportKeyOwner,
        res.locals.deviceId as string,
        routeInput(R.ingestReport, req).body,
      );
      res
        .status(202)
        .json({ status: 'accepted', group_hash: result.groupHash, stored_details: result.storedDetails });
    },
  );

  router.get('/reports/groups', auth, permit('apps', 'download'), async (req, res) => {
    const page = await listGroups(db, actorOf(res), routeInput(R.listGroups, req).query);
    res.json({ items: page.items.map(presentGroup), total: page.total, page: page.page, limit: page.limit });
  });

  router.get('/reports/groups/:hash/blobs', auth, permit('apps', 'download'), async (req, res) => {
    const blobs = await listGroupBlobs(ctx, actorOf(res), routeInput(R.groupBlobs, req).params.hash);
    // The signed URLs are credentials for 15 minutes.
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items: blobs.map(presentBlob) });
  });

  router.patch('/reports/groups/:hash', auth, permit('apps', 'edit'), json, async (req, res) => {
    const { params, body } = routeInput(R.updateGroup, req);
    const hash = await updateGroup(db, actorOf(res), params.hash, body);
    res.json({ group_hash: hash, updated: true });
  });

  router.delete('/reports/groups/:hash', auth, permit('apps', 'delete'), async (req, res) => {
    const hash = await deleteGroup(ctx, actorOf(res), routeInput(R.deleteGroup, req).params.hash);
    res.json({ group_hash: hash, deleted: true });
  });

  return router;
}
