import express, { type Request, type Response, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { readDeviceAttributes } from '../../core/apple/device-attributes.js';
import { OTA_MANIFEST_CONTENT_TYPE, otaManifest } from '../../core/apple/ota-manifest.js';
import {
  MOBILECONFIG_CONTENT_TYPE,
  profileServiceConfig,
  udidCallbackUrl,
} from '../../core/apple/profile-service.js';
import { bindIosDevice } from '../../core/commands/bind-ios-device.js';
import { issueUdidNonce, NONCE_LIFETIME_MINUTES } from '../../core/commands/issue-udid-nonce.js';
import { enrollmentTarget, nonceBound } from '../../core/fenfa/ios-devices.js';
import { otaRelease } from '../../core/fenfa/ota-release.js';
import { readFenfaSettings, releaseActions } from '../../core/fenfa/settings.js';
import { addressKey, RateLimiter } from '../../core/rate-limit.js';
import { cookieValue } from '../shared/session-cookie.js';
import { routeInput } from '../shared/validate.js';
import { FenfaError, fenfaErrorHandler, ok } from './envelope.js';
import { basesFor } from './origin.js';
import { FENFA_ROUTES as R } from './schemas/routes.js';

export const NONCE_COOKIE = 'udid_nonce';
export const BOUND_COOKIE = 'udid_bound';
/** The signed device attributes are a few kilobytes; anything much larger is not iOS answering. */
const MAX_CALLBACK_BYTES = 64 * 1024;
const YEAR_SECONDS = 365 * 24 * 3600;
const PROFILES_PER_MINUTE = 20;

function cookie(
  name: string,
  value: string,
  options: { maxAge: number; httpOnly: boolean; secure: boolean },
) {
  const attributes = ['Path=/', 'SameSite=Lax', `Max-Age=${options.maxAge}`];
  if (options.httpOnly) attributes.push('HttpOnly');
  if (options.secure) attributes.push('Secure');
  return `${name}=${value}; ${attributes.join('; ')}`;
}

/** Whether the visitor bound a device for this variant: the redirect's query, Fenfa's cookie, or its nonce. */
export async function visitorBound(ctx: AppContext, req: Request, variantId: string): Promise<boolean> {
  if (req.query.udid_bound === '1' && req.query.variant === variantId) return true;
  if (cookieValue(req, BOUND_COOKIE) === '1') return true;
  const nonce = cookieValue(req, NONCE_COOKIE);
  return nonce !== undefined && (await nonceBound(ctx.database.db, nonce, variantId));
}

/**
 * iOS over the air (docs/ios.md): the install manifest, and UDID binding through Apple's Profile Service (the
 * profile, the callback iOS posts the signed attributes to, the status the page asks).
 */
export function fenfaIosRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;
  // iOS refuses anything but https: in production every link given to a device is https.
  const https = ctx.config.env === 'production';
  const notFound = (what: string) => new FenfaError(404, 'NOT_FOUND', `${what} not found`);
  const target = async (variantId: string) => {
    const found = await enrollmentTarget(db, variantId);
    if (!found) throw notFound(`published iOS variant ${variantId}`);
    return found;
  };

  router.get('/ios/:releaseID/manifest.plist', async (req: Request, res: Response) => {
    const { releaseID } = routeInput(R.iosManifest, req).params;
    const ota = await otaRelease(db, ctx.releases, releaseID, req.headers['user-agent']);
    const bases = await basesFor(db, ota.tenantId, req, { https });
    const { download } = releaseActions(bases, {
      id: ota.release.id,
      platform: 'ios',
      productSlug: ota.productSlug,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.type(OTA_MANIFEST_CONTENT_TYPE).send(
      otaManifest({
        downloadUrl: download,
        bundleId: ota.bundleId,
        version: ota.release.version,
        build: ota.release.build,
        title: ota.title,
      }),
    );
  });

  // Anyone may ask for a profile, and each one stores a nonce: per address, a few a minute, then 429.
  const limiter = new RateLimiter(10_000);
  router.get('/udid/profile.mobileconfig', async (req, res) => {
    const verdict = limiter.hit(addressKey(req.ip), PROFILES_PER_MINUTE, 60);
    if (!verdict.allowed) {
      res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      throw new FenfaError(
        429,
        'RATE_LIMITED',
        'too many profiles asked for from this address: try again later',
      );
    }
    const { variant } = routeInput(R.udidProfile, req).query;
    const found = await target(variant);
    const settings = await readFenfaSettings(db, found.variant.tenantId);
    const bases = await basesFor(db, found.variant.tenantId, req, { https });
    const nonce = await issueUdidNonce(ctx, {
      tenantId: found.variant.tenantId,
      variantId: found.variant.id,
    });
    // Readable by the page's script, which asks /udid/status with it.
    res.setHeader(
      'Set-Cookie',
      cookie(NONCE_COOKIE, nonce, {
        maxAge: NONCE_LIFETIME_MINUTES * 60,
        httpOnly: false,
        secure: req.secure,
      }),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${found.product.slug.replace(/[^\w.-]/g, '_')}.mobileconfig"`,
    );
    res.type(MOBILECONFIG_CONTENT_TYPE).send(
      profileServiceConfig({
        callbackUrl: udidCallbackUrl(bases.page, nonce, found.variant.id),
        challenge: nonce,
        organization: settings.organization,
        productName: found.product.name,
        bundleId: found.variant.identifier,
      }),
    );
  });

  router.post(
    '/udid/callback',
    express.raw({ type: () => true, limit: MAX_CALLBACK_BYTES }),
    async (req, res) => {
      const { nonce, variant } = routeInput(R.udidCallback, req).query;
      const found = await target(variant);
      const body: unknown = req.body;
      await bindIosDevice(ctx, {
        nonce,
        variantId: found.variant.id,
        readBody: () => readDeviceAttributes(Buffer.isBuffer(body) ? body : Buffer.alloc(0)),
        ip: req.ip ?? null,
      });
      const bases = await basesFor(db, found.variant.tenantId, req, { https });
      const query = new URLSearchParams({ udid_bound: '1', variant: found.variant.id });
      res.setHeader(
        'Set-Cookie',
        cookie(BOUND_COOKIE, '1', { maxAge: YEAR_SECONDS, httpOnly: true, secure: req.secure }),
      );
      // A 301 and nothing else: iOS reports a 302 or a 200 as an invalid profile; the 301 reopens Safari.
      res.redirect(301, `${bases.page}/products/${encodeURIComponent(found.product.slug)}?${query}`);
    },
  );

  router.get('/udid/status', async (req, res) => {
    const { variant, nonce } = routeInput(R.udidStatus, req).query;
    if (!variant) {
      ok(res, { bound: cookieValue(req, BOUND_COOKIE) === '1' });
      return;
    }
    // Deliberately not "any device bound for this variant": that would tell every visitor they are bound.
    const asked = nonce || cookieValue(req, NONCE_COOKIE);
    ok(res, { bound: asked !== undefined && (await nonceBound(db, asked, variant)) });
  });

  router.use(['/ios', '/udid'], fenfaErrorHandler);
  return router;
}
