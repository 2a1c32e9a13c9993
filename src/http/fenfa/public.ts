import express, { type Request, type Response, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { publicRelease } from '../../core/fenfa/downloads.js';
import { recordPageEvent } from '../../core/fenfa/events.js';
import { packageMimeType } from '../../core/fenfa/packages.js';
import { findPublicProduct, type ProductRow, releasesOf, variantsOf } from '../../core/fenfa/products.js';
import { releaseActions } from '../../core/fenfa/settings.js';
import { databaseProblem } from '../../core/health.js';
import { addressKey, RateLimiter } from '../../core/rate-limit.js';
import { findStoredFile, StoredFileGoneError, type Visibility } from '../../core/stored-files.js';
import { clientViewer } from '../../core/visibility.js';
import { sendPage } from '../console/index.js';
import { type IosAction, NOT_FOUND, renderProductPage } from '../console/products.js';
import { STALE_HEADER } from '../hot/response.js';
import { sendObject } from '../shared/ranges.js';
import { strictJson } from '../shared/text.js';
import { routeInput } from '../shared/validate.js';
import { FenfaError, fenfaErrorHandler, ok } from './envelope.js';
import { visitorBound } from './ios.js';
import { basesFor, requestOrigin } from './origin.js';
import { presentProductTree } from './presenters.js';
import { MAX_EVENT_BYTES, FENFA_ROUTES as R } from './schemas/routes.js';

const EVENTS_PER_MINUTE = 60;

const notFound = (what: string) => new FenfaError(404, 'NOT_FOUND', `${what} not found`);

/** A published, public product for the public routes, or undefined. */
async function shownProduct(ctx: AppContext, req: Request, idOrSlug: string, by: 'id-or-slug' | 'slug') {
  const product = await findPublicProduct(ctx.database.db, idOrSlug, requestOrigin(req).host, by);
  return product?.published && !product.private ? product : undefined;
}

/** Streams a stored object (Range, conditional requests) with Fenfa's headers, or answers Fenfa's 404. */
async function sendStored(
  ctx: AppContext,
  req: Request,
  res: Response,
  object: { key: string; visibility: Visibility; name?: string; contentType?: string; cacheControl?: string },
): Promise<void> {
  const file = await findStoredFile(ctx.store, object.key, object.visibility, object.name);
  if (!file) throw notFound('file');
  if (object.contentType) file.contentType = object.contentType;
  if (object.cacheControl) file.headers['Cache-Control'] = object.cacheControl;
  try {
    await sendObject(req, res, file);
  } catch (err) {
    if (err instanceof StoredFileGoneError) throw notFound('file');
    throw err;
  }
}

/** Fenfa's public routes: product JSON, downloads, icons, the download page and the health check. */
export function fenfaPublicRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;

  const productJson = async (req: Request, res: Response, product: ProductRow | undefined) => {
    if (!product) throw notFound('product');
    const viewer = clientViewer(product.tenantId);
    const variants = (await variantsOf(db, product.tenantId, product.appId)).filter((v) => v.published);
    const releases = await releasesOf(
      db,
      viewer,
      variants.map((v) => v.id),
    );
    const tree = presentProductTree(
      product,
      variants,
      releases,
      await basesFor(db, product.tenantId, req),
      'public',
    );
    const { id, slug, name, icon_url, published } = tree.product;
    ok(res, { product: { id, slug, name, icon_url, published }, variants: tree.variants });
  };

  router.get('/api/products/slug/:slug', async (req, res) => {
    const { slug } = routeInput(R.productJsonBySlug, req).params;
    await productJson(req, res, await shownProduct(ctx, req, slug, 'slug'));
  });
  router.get('/api/products/:idOrSlug', async (req, res) => {
    const { idOrSlug } = routeInput(R.productJson, req).params;
    await productJson(req, res, await shownProduct(ctx, req, idOrSlug, 'id-or-slug'));
  });

  router.get('/d/:releaseID', async (req, res) => {
    const askedAt = Date.now();
    const found = await publicRelease(ctx.releases, routeInput(R.download, req).params.releaseID);
    if (!found) throw notFound('release');
    const { artifact } = found;
    // Which file the id names came from the last known state while the database or the listener is away.
    const stale = ctx.releases.staleSeconds(found.index, askedAt);
    if (stale > 0) res.setHeader(STALE_HEADER, String(Math.ceil(stale)));
    const range = req.headers.range;
    // A resumed download (a later range) is the same download: counted once, at its first byte.
    if (req.method === 'GET' && (range === undefined || /^bytes=0-/.test(range))) {
      const agent = req.headers['user-agent'];
      ctx.counters.fenfaDownloads.count({
        release: found,
        ip: req.ip ?? null,
        ua: typeof agent === 'string' ? agent : null,
      });
    }
    // Public files on S3 are fetched from the bucket, as the other faces link them.
    if (ctx.store.driver === 's3') {
      res.redirect(302, ctx.store.publicUrl(artifact.storageKey));
      return;
    }
    await sendStored(ctx, req, res, {
      key: artifact.storageKey,
      visibility: artifact.visibility,
      name: artifact.fileName,
      contentType: packageMimeType(artifact.fileName),
      cacheControl: 'no-transform',
    });
  });

  router.get('/icon/products/:productID', async (req, res) => {
    const { productID } = routeInput(R.icon, req).params;
    const product = await shownProduct(ctx, req, productID, 'id-or-slug');
    if (!product?.logoKey) throw notFound('icon');
    await sendStored(ctx, req, res, { key: product.logoKey, visibility: 'public' });
  });

  router.get('/healthz', async (req, res) => {
    const problem = await databaseProblem(db);
    if (problem) {
      req.log.warn({ reason: problem }, 'healthz: database down');
      throw new FenfaError(503, 'DB_DOWN', problem);
    }
    ok(res, { status: 'ok' });
  });

  /** By artifact id, what the page's iOS files do: "Bind device" until the visitor bound one, then "Install". */
  const iosActions = async (req: Request, product: ProductRow) => {
    const actions = new Map<string, IosAction>();
    const variants = (await variantsOf(db, product.tenantId, product.appId)).filter(
      (v) => v.published && v.platform === 'ios',
    );
    if (variants.length === 0) return actions;
    const releases = await releasesOf(
      db,
      clientViewer(product.tenantId),
      variants.map((v) => v.id),
    );
    const bases = await basesFor(db, product.tenantId, req, { https: ctx.config.env === 'production' });
    for (const variant of variants) {
      const bound = await visitorBound(ctx, req, variant.id);
      for (const release of releases.get(variant.id) ?? []) {
        const { ios_install } = releaseActions(bases, {
          id: release.id,
          platform: 'ios',
          productSlug: product.slug,
        });
        actions.set(
          release.artifactId,
          bound && ios_install
            ? { kind: 'install', href: ios_install }
            : {
                kind: 'bind',
                href: `${bases.page}/udid/profile.mobileconfig?${new URLSearchParams({ variant: variant.id })}`,
              },
        );
      }
    }
    return actions;
  };

  router.get('/products/:idOrSlug', async (req, res) => {
    const { idOrSlug } = routeInput(R.productPage, req).params;
    const product = await shownProduct(ctx, req, idOrSlug, 'id-or-slug');
    const catalog = product && (await ctx.releases.catalog(product.tenantId));
    const app = product && catalog?.apps.get(product.appName);
    if (!product || !catalog || !app || app.private) {
      sendPage(res, 404, NOT_FOUND);
      return;
    }
    await renderProductPage(
      ctx,
      req,
      res,
      { owner: product.owner, appName: app.name, catalog, app },
      await iosActions(req, product),
    );
  });

  // Anyone may post page events: per address, a page's worth of visits and clicks a minute, then 429.
  const limiter = new RateLimiter(10_000);
  router.post('/events', strictJson({ limit: MAX_EVENT_BYTES, type: () => true }), async (req, res) => {
    const verdict = limiter.hit(addressKey(req.ip), EVENTS_PER_MINUTE, 60);
    if (!verdict.allowed) {
      res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      throw new FenfaError(429, 'RATE_LIMITED', 'too many events from this address: try again later');
    }
    const { body } = routeInput(R.postEvent, req);
    const agent = req.headers['user-agent'];
    const found = await recordPageEvent(db, body, {
      ip: req.ip ?? null,
      ua: typeof agent === 'string' ? agent : null,
    });
    if (!found) throw notFound('product, variant or release');
    res.status(201).json({ ok: true });
  });

  router.use(['/api/products', '/d', '/icon/products', '/healthz', '/events'], fenfaErrorHandler);
  return router;
}
