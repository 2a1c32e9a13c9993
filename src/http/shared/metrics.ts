import { createHash, timingSafeEqual } from 'node:crypto';
import { type RequestHandler, Router } from 'express';
import type { AppContext } from '../../context.js';
import type { Metrics, RouteGroup } from '../../metrics/metrics.js';

/** The Express face's route group of a path (the hot path counts its own routes). */
export function routeGroupOf(path: string): RouteGroup {
  if (path === '/v1' || path.startsWith('/v1/')) return 'v1';
  if (path.startsWith('/update/') || path.startsWith('/velopack/')) return 'feed_files';
  if (path === '/reports' || path.startsWith('/reports/') || path.startsWith('/report-keys/'))
    return 'reports';
  if (path === '/download') return 'downloads';
  if (path.startsWith('/files/')) return 'files';
  if (path === '/telemetry' || path.startsWith('/telemetry/')) return 'telemetry';
  if (path === '/health') return 'health';
  if (path === '/metrics') return 'metrics';
  return 'faynosync';
}

/** Counts each request that Express answers by route group and status class, with its latency. */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    // Read now: a mounted router (such as /v1) rewrites req.url while it runs.
    const counts = metrics.route(routeGroupOf(req.path));
    // 'close', not 'finish': a client that hangs up as soon as it has the last byte can beat 'finish' to it.
    res.once('close', () => counts.record(res.statusCode, (performance.now() - started) / 1000));
    next();
  };
}

/**
 * `GET /metrics` in Prometheus' text format. With METRICS_TOKEN set, only `Authorization: Bearer <token>` is
 * let in; the token is compared through its SHA-256 so that the comparison takes the same time whatever it is sent.
 */
export function metricsRouter(ctx: AppContext): Router {
  const router = Router();
  const { token } = ctx.config.metrics;
  const expected = token === undefined ? undefined : digest(token);
  if (token === undefined && ctx.config.env === 'production') {
    ctx.logger.warn(
      'GET /metrics is open to anyone who can reach this port: set METRICS_TOKEN, or keep the port private',
    );
  }
  router.get('/metrics', async (req, res) => {
    if (expected !== undefined) {
      const header = req.get('authorization') ?? '';
      const sent = /^Bearer +(.+)$/i.exec(header)?.[1]?.trim();
      if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
        res
          .status(401)
          .set('WWW-Authenticate', 'Bearer realm="metrics"')
          .json({ error: 'send the metrics token (METRICS_TOKEN) as Authorization: Bearer <token>' });
        return;
      }
    }
    const { contentType, body } = await ctx.metrics.scrape();
    res.set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
  });
  return router;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
