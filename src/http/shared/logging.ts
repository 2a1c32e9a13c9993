import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Paths polled by load balancers and monitoring every few seconds: their lines are debug, not info. */
const PROBES = new Set(['/health', '/metrics']);

/**
 * One log line per request with a request id (taken from X-Request-Id when sane, echoed back). Only the
 * path is logged: query strings can hold signed-URL signatures and headers hold credentials.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ reqId: req.id });
    res.setHeader('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    // Read now: a mounted router (such as /v1) rewrites req.url while it runs, and may still hold it at 'finish'.
    const path = req.path;
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      // A failing probe stays at info: that is when someone reads the log.
      if (PROBES.has(path) && res.statusCode < 400) req.log.debug(line, 'request');
      else req.log.info(line, 'request');
    });
    next();
  };
}
