import type { RequestHandler } from 'express';

/** What a group of routes adds to the defaults: headers browsers may send and read, and headers of its pre-flights. */
export interface CorsExtras {
  allowHeaders?: readonly string[];
  exposeHeaders?: readonly string[];
  preflightHeaders?: () => Record<string, string>;
}

/** Exact-match origin allow-list (FaynoSync's ALLOWED_CORS); pre-flights end here with 204. */
export function cors(allowed: string[], extras: CorsExtras = {}): RequestHandler {
  const origins = new Set(allowed);
  const allowHeaders = [
    'Authorization, Content-Type, X-Device-ID, X-Download-Token, X-Request-Id',
    ...(extras.allowHeaders ?? []),
  ].join(', ');
  const exposeHeaders = extras.exposeHeaders?.join(', ');
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', allowHeaders);
      if (exposeHeaders) res.setHeader('Access-Control-Expose-Headers', exposeHeaders);
    }
    if (req.method === 'OPTIONS') {
      if (extras.preflightHeaders) res.set(extras.preflightHeaders());
      res.status(204).end();
      return;
    }
    next();
  };
}
