import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import { DownloadAccess } from '../../core/download-access.js';
import { faultError } from '../../core/faults.js';
import { velopackAlias, velopackPackage } from '../../core/feeds/velopack.js';
import type { RouteCounts } from '../../metrics/counts.js';
import { cors } from '../shared/cors.js';
import { STATUS } from '../shared/errors.js';
import { HSTS, overHttps, type TrustProxy } from '../shared/security-headers.js';
import { urlTextProblem } from '../shared/text.js';
import { appsLatestRoute } from './apps-latest.js';
import { beaconRoute } from './beacon.js';
import { checkVersionRoute } from './check-version.js';
import { feedsRoute } from './feeds.js';
import { hotRequest } from './request.js';
import { prepareJson, prepareRedirect, send } from './response.js';

const INTERNAL_ERROR = prepareJson(500, { error: 'internal server error' });

/**
 * Answers `GET|HEAD /checkVersion`, `GET|HEAD /apps/latest`, the feeds and `GET /telemetry/beacon` without
 * Express; returns false for every other request. There is no per-request log line here (at thousands of checks a second it would cost more
 * than the answer); failures are logged, and everything else about a check is in the telemetry.
 */
export function hotPath(
  ctx: AppContext,
  trustProxy: TrustProxy = () => false,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const releases = ctx.releases;
  const access = new DownloadAccess(ctx.database.db, ctx.changes);
  const checkVersion = checkVersionRoute(ctx, releases, access);
  const appsLatest = appsLatestRoute(ctx, releases, access);
  const feeds = feedsRoute(ctx, releases);
  const beacon = beaconRoute(ctx, releases);
  ctx.edge.start();
  const corsHeaders = cors(ctx.config.allowedCors);
  const allowedOrigins = ctx.config.allowedCors.length > 0;
  // Timed only when the metrics can be read: with METRICS=off a request costs not even a clock read more.
  const timed = ctx.config.metrics.enabled;
  const { metrics } = ctx;
  const counts = {
    checkVersion: metrics.route('checkVersion'),
    appsLatest: metrics.route('apps_latest'),
    beacon: metrics.route('beacon'),
    feeds: metrics.route('feeds'),
  };
  const checkErrors = metrics.checks('checkVersion');

  const fail = (res: ServerResponse, path: string, err: unknown) => {
    if (path === '/checkVersion') checkErrors.error += 1;
    // A database outage with nothing kept to answer from (or a full disk) is a 503 (507) to retry, not a 500.
    const fault = faultError(err);
    let answer = INTERNAL_ERROR;
    if (fault) {
      ctx.logger.warn({ path, reason: (err as Error).message }, fault.message);
      const retry = fault.extra.retryAfterSeconds;
      answer = prepareJson(
        STATUS[fault.kind],
        { error: fault.message },
        retry === undefined ? [] : ['Retry-After', String(retry)],
      );
    } else ctx.logger.error({ err, path }, 'hot path request failed');
    if (res.headersSent) res.destroy();
    else {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    }
  };

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const route =
      path === '/checkVersion'
        ? checkVersion
        : path === '/apps/latest'
          ? appsLatest
          : path === '/telemetry/beacon' && req.method === 'GET'
            ? beacon
            : undefined;
    // FaynoSync's Velopack routes: the feed is an /update/ feed; a package is a redirect to its /update/ URL.
    const alias = path.startsWith('/velopack/') ? velopackAlias(path) : undefined;
    if (!route && !alias && !path.startsWith('/update/')) return false;
    // Rare (Updraft itself speaks no TLS): the header then merges into the prepared ones in Node's slower path.
    if (overHttps(req, trustProxy)) res.setHeader(HSTS[0], HSTS[1]);
    const badText = urlTextProblem(url);
    if (badText) {
      const bad = prepareJson(400, { error: badText });
      res.writeHead(bad.status, bad.headers);
      res.end(req.method === 'HEAD' ? undefined : bad.body);
      return true;
    }
    const started = timed ? performance.now() : 0;
    const group =
      route === checkVersion
        ? counts.checkVersion
        : route === appsLatest
          ? counts.appsLatest
          : route === beacon
            ? counts.beacon
            : counts.feeds;
    try {
      const hot = hotRequest(req, q === -1 ? '' : url.slice(q + 1));
      // The same allow-list as the rest of the API; it only sets headers for a GET, so it runs outside Express too.
      // (Feed paths that are not feed documents go on to Express, which sets the same headers again.)
      if (allowedOrigins) corsHeaders(req as Request, res as Response, () => {});
      const answered = route
        ? route(hot, res)
        : typeof alias === 'object'
          ? velopackPackage(releases, ctx.config.apiUrl, alias).then((a) =>
              send(
                hot,
                res,
                a.status === 302 ? prepareRedirect(a.location) : prepareJson(a.status, { error: a.error }),
              ),
            )
          : feeds(hot, alias ?? path, res);
      if (answered === false) return false;
      if (!timed) answered?.catch((err: unknown) => fail(res, path, err));
      else if (answered === undefined) finished(group, res, started);
      else {
        answered.then(
          () => finished(group, res, started),
          (err: unknown) => {
            fail(res, path, err);
            finished(group, res, started);
          },
        );
      }
    } catch (err) {
      fail(res, path, err);
      if (timed) finished(group, res, started);
    }
    return true;
  };
}

/**
 * Counts a request once its route has written the answer (synchronously for a cached one: no listener per request).
 * A response cut off after its headers counts with the status it had.
 */
function finished(group: RouteCounts, res: ServerResponse, started: number): void {
  group.record(res.statusCode, (performance.now() - started) / 1000);
}
