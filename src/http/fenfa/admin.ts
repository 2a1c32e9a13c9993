import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { createFenfaToken } from '../../core/commands/create-fenfa-token.js';
import { createProduct } from '../../core/commands/create-product.js';
import { createVariant } from '../../core/commands/create-variant.js';
import { deleteApp } from '../../core/commands/delete-app.js';
import { deleteFenfaRelease } from '../../core/commands/delete-fenfa-release.js';
import { deleteVariant } from '../../core/commands/delete-variant.js';
import { revokeFenfaToken } from '../../core/commands/revoke-fenfa-token.js';
import { updateFenfaSettings } from '../../core/commands/update-fenfa-settings.js';
import { updateProduct } from '../../core/commands/update-product.js';
import { updateRetention } from '../../core/commands/update-retention.js';
import { updateVariant } from '../../core/commands/update-variant.js';
import { notFound } from '../../core/errors.js';
import { eachFenfaEvent, queryFenfaEvents } from '../../core/fenfa/events.js';
import { PREFIX } from '../../core/fenfa/ids.js';
import { findProduct, findVariant, listProducts, releasesOf, variantsOf } from '../../core/fenfa/products.js';
import { previewRetention, readRetention } from '../../core/fenfa/retention.js';
import { readFenfaSettings } from '../../core/fenfa/settings.js';
import { listFenfaTokens } from '../../core/fenfa/tokens.js';
import { managerViewer } from '../../core/visibility.js';
import { actorOf, adminOnly, authenticate } from '../shared/auth.js';
import { jsonBody } from '../shared/body.js';
import { routeInput } from '../shared/validate.js';
import { fenfaAuth, fenfaCallerOf } from './auth.js';
import { sendCsv } from './csv-export.js';
import { fenfaErrorHandler, fenfaNotFound, ok } from './envelope.js';
import { basesFor } from './origin.js';
import {
  presentProductTree,
  presentRelease,
  presentRetainedRelease,
  presentRetention,
  presentVariant,
} from './presenters.js';
import { FENFA_ROUTES as R } from './schemas/routes.js';

/**
 * Fenfa's admin API below /admin/api: tokens are managed with the tenant admin's login (Bearer JWT), all else
 * takes an admin-scoped `X-Auth-Token`. Every write is a core command; reads go through core/fenfa.
 */
export function fenfaAdminRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;
  router.use(['/admin/api', '/admin/exports'], jsonBody(ctx.config.jsonMaxBytes));

  const login = [authenticate(ctx), adminOnly];
  router.post('/admin/api/tokens', ...login, async (req, res) => {
    const { body } = routeInput(R.createToken, req);
    ok(res, await createFenfaToken(ctx, actorOf(res), body), 201);
  });
  router.get('/admin/api/tokens', ...login, async (_req, res) => {
    const items = await listFenfaTokens(db, actorOf(res).tenantId);
    ok(res, { items, total: items.length });
  });
  router.delete('/admin/api/tokens/:id', ...login, async (req, res) => {
    await revokeFenfaToken(ctx, actorOf(res), routeInput(R.deleteToken, req).params.id);
    ok(res, { deleted: true });
  });

  router.use(['/admin/api', '/admin/exports'], fenfaAuth(ctx, 'admin'));
  const actor = (res: express.Response) => fenfaCallerOf(res).actor;
  const product = async (res: express.Response, id: string) => {
    const found = await findProduct(db, actor(res).tenantId, id);
    if (!found) throw notFound(`product ${id} not found`);
    return found;
  };
  const variant = async (res: express.Response, id: string) => {
    const found = await findVariant(db, actor(res).tenantId, id);
    if (!found) throw notFound(`variant ${id} not found`);
    return found;
  };
  /** The product with its variants and every release the admin sees (unpublished ones too). */
  const tree = async (req: express.Request, res: express.Response, id: string) => {
    const found = await product(res, id);
    const variants = await variantsOf(db, found.tenantId, found.appId);
    const releases = await releasesOf(
      db,
      await managerViewer(db, actor(res)),
      variants.map((v) => v.id),
    );
    return presentProductTree(found, variants, releases, await basesFor(db, found.tenantId, req), 'admin');
  };

  router.get('/admin/api/products', async (req, res) => {
    const { query } = routeInput(R.listProducts, req);
    ok(res, await listProducts(db, actor(res).tenantId, query));
  });
  router.post('/admin/api/products', async (req, res) => {
    const id = await createProduct(ctx, actor(res), routeInput(R.createProduct, req).body);
    ok(res, await tree(req, res, id), 201);
  });
  router.get('/admin/api/products/:productID', async (req, res) => {
    ok(res, await tree(req, res, routeInput(R.getProduct, req).params.productID));
  });
  router.put('/admin/api/products/:productID', async (req, res) => {
    const { params, body } = routeInput(R.updateProduct, req);
    await updateProduct(ctx, actor(res), (await product(res, params.productID)).appId, body);
    ok(res, await tree(req, res, params.productID));
  });
  router.delete('/admin/api/products/:productID', async (req, res) => {
    const { params } = routeInput(R.deleteProduct, req);
    await deleteApp(ctx, actor(res), (await product(res, params.productID)).appId, { withReleases: true });
    ok(res, { deleted: true });
  });

  router.post('/admin/api/products/:productID/variants', async (req, res) => {
    const { params, body } = routeInput(R.createVariant, req);
    const id = await createVariant(ctx, actor(res), (await product(res, params.productID)).appId, body);
    ok(res, { variant: presentVariant(await variant(res, id)) }, 201);
  });
  router.put('/admin/api/variants/:variantID', async (req, res) => {
    const { params, body } = routeInput(R.updateVariant, req);
    await updateVariant(ctx, actor(res), params.variantID, body);
    ok(res, { variant: presentVariant(await variant(res, params.variantID)) });
  });
  router.delete('/admin/api/variants/:variantID', async (req, res) => {
    const { params } = routeInput(R.deleteVariant, req);
    await deleteVariant(ctx, actor(res), params.variantID);
    ok(res, { deleted: true });
  });
  router.get('/admin/api/variants/:variantID/stats', async (req, res) => {
    const found = await variant(res, routeInput(R.variantStats, req).params.variantID);
    const owner = await product(res, found.product_id);
    const bases = await basesFor(db, found.tenantId, req);
    const releases =
      (await releasesOf(db, await managerViewer(db, actor(res)), [found.id])).get(found.id) ?? [];
    ok(res, {
      product: { id: owner.id, slug: owner.slug, name: owner.name },
      variant: presentVariant(found),
      total_downloads: releases.reduce((sum, r) => sum + r.download_count, 0),
      releases: releases.map((r) =>
        presentRelease(r, { bases, platform: found.platform, productSlug: owner.slug, audience: 'admin' }),
      ),
    });
  });

  router.get('/admin/api/variants/:variantID/retention', async (req, res) => {
    const { variantID } = routeInput(R.getRetention, req).params;
    ok(res, presentRetention(variantID, await readRetention(db, actor(res).tenantId, variantID)));
  });
  router.put('/admin/api/variants/:variantID/retention', async (req, res) => {
    const { params, body } = routeInput(R.updateRetention, req);
    const done = await updateRetention(ctx, actor(res), params.variantID, body);
    ok(res, {
      ...presentRetention(params.variantID, done.policy),
      deleted: done.removed.map(presentRetainedRelease),
    });
  });
  router.get('/admin/api/variants/:variantID/retention/preview', async (req, res) => {
    const { params, query } = routeInput(R.previewRetention, req);
    const asked =
      query.keep_last === undefined && query.keep_days === undefined
        ? undefined
        : { keep_last: query.keep_last ?? null, keep_days: query.keep_days ?? null };
    const preview = await previewRetention(db, actor(res).tenantId, params.variantID, { policy: asked });
    ok(res, {
      ...presentRetention(params.variantID, preview.policy),
      keep: preview.keep,
      remove: preview.remove.map(presentRetainedRelease),
    });
  });

  router.delete('/admin/api/releases/:releaseID', async (req, res) => {
    await deleteFenfaRelease(ctx, actor(res), routeInput(R.deleteRelease, req).params.releaseID);
    ok(res, { deleted: true });
  });

  for (const published of [true, false]) {
    router.put(`/admin/api/apps/:appID/${published ? 'publish' : 'unpublish'}`, async (req, res) => {
      const { appID } = routeInput(R.publish, req).params;
      if (appID.startsWith(PREFIX.variant)) {
        await updateVariant(ctx, actor(res), appID, { published });
      } else {
        await updateProduct(ctx, actor(res), (await product(res, appID)).appId, { published });
      }
      ok(res, { id: appID, published });
    });
  }

  router.get('/admin/api/settings', async (_req, res) => {
    const { apple_issuer_id: _issuer, ...settings } = await readFenfaSettings(db, actor(res).tenantId);
    ok(res, { ...settings, ...storageSettings(ctx) });
  });
  router.put('/admin/api/settings', async (req, res) => {
    await updateFenfaSettings(ctx, actor(res), routeInput(R.updateSettings, req).body);
    const { apple_issuer_id: _issuer, ...settings } = await readFenfaSettings(db, actor(res).tenantId);
    ok(res, { ...settings, ...storageSettings(ctx) });
  });
  router.get('/admin/api/upload-config', async (_req, res) => {
    const { storage_type, upload_domain } = storageSettings(ctx);
    ok(res, { storage_type, upload_domain, max_upload_bytes: ctx.config.uploadMaxBytes });
  });

  router.get('/admin/api/events', async (req, res) => {
    ok(res, await queryFenfaEvents(db, actor(res).tenantId, routeInput(R.listEvents, req).query));
  });

  router.get('/admin/exports/events.csv', async (req, res) => {
    const filter = routeInput(R.exportEvents, req).query;
    await sendCsv(res, 'events.csv', EVENT_COLUMNS, async function* () {
      for await (const event of eachFenfaEvent(db, actor(res).tenantId, filter)) {
        yield EVENT_COLUMNS.map((c) => event[c]);
      }
    });
  });

  router.get('/admin/exports/releases.csv', async (req, res) => {
    const filter = routeInput(R.exportReleases, req).query;
    const tenantId = actor(res).tenantId;
    const viewer = await managerViewer(db, actor(res));
    const from = filter.from ? Date.parse(`${filter.from}T00:00:00Z`) : -Infinity;
    const to = filter.to ? Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000 : Infinity;
    await sendCsv(res, 'releases.csv', RELEASE_COLUMNS, async function* () {
      // One product and one variant at a time: the export never holds the tenant's whole catalog.
      for (const appId of await productIds(db, tenantId, filter.app_id)) {
        for (const variant of await variantsOf(db, tenantId, appId)) {
          if (filter.variant_id && variant.id !== filter.variant_id) continue;
          const releases = (await releasesOf(db, viewer, [variant.id])).get(variant.id) ?? [];
          for (const r of releases.slice().reverse()) {
            const at = r.created_at.getTime();
            if (at < from || at >= to) continue;
            yield [
              variant.product_id,
              variant.id,
              r.id,
              r.version,
              r.build,
              r.created_at,
              r.size_bytes,
              r.sha256,
              r.download_count,
              r.channel,
            ];
          }
        }
      }
    });
  });

  router.use(['/admin/api', '/admin/exports'], fenfaNotFound);
  router.use(fenfaErrorHandler);
  return router;
}

/** Storage is Updraft's configuration (STORAGE_DRIVER, S3_*), shown as Fenfa's settings fields, secrets left out. */
function storageSettings(ctx: AppContext) {
  const s3 = ctx.config.s3;
  return {
    storage_type: ctx.config.storageDriver,
    upload_domain: '',
    s3_configured: s3 !== undefined,
    s3_endpoint: s3 ? `${s3.useSSL ? 'https' : 'http'}://${s3.endPoint}${s3.port ? `:${s3.port}` : ''}` : '',
    s3_bucket: s3?.publicBucket ?? '',
    s3_public_url: s3?.publicUrlBase ?? '',
  };
}

const EVENT_COLUMNS = ['ts', 'type', 'app_id', 'variant_id', 'release_id', 'ip', 'ua', 'extra'] as const;
const RELEASE_COLUMNS = [
  'app_id',
  'variant_id',
  'release_id',
  'version',
  'build',
  'created_at',
  'size_bytes',
  'sha256',
  'download_count',
  'channel',
] as const;

/** The tenant's product app ids, oldest first, or the one a filter names (a `prd_` id). */
async function productIds(db: AppContext['database']['db'], tenantId: string, filter: string | undefined) {
  if (filter !== undefined) {
    const found = await findProduct(db, tenantId, filter);
    return found ? [found.appId] : [];
  }
  const rows = await db
    .selectFrom('apps')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
