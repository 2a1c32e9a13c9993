import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../../context.js';
import { unauthorized } from '../../core/errors.js';
import { type FenfaCaller, fenfaCaller } from '../../core/fenfa/tokens.js';
import type { FenfaScope } from '../../db/schema.js';

const AUTH_HEADER = 'x-auth-token';

/**
 * Whether a request is Fenfa's on a route two faces share (`POST /upload`, the resumable `/uploads`): it sends
 * `X-Auth-Token`, as every Fenfa client does, and gets Fenfa's checks and envelope.
 */
export function sendsFenfaToken(req: Request): boolean {
  return req.headers[AUTH_HEADER] !== undefined;
}

/** The caller of the request's `X-Auth-Token`, which must hold `scope`. */
export function fenfaCallerFor(ctx: AppContext, req: Request, scope: FenfaScope): Promise<FenfaCaller> {
  const header = req.headers[AUTH_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  return fenfaCaller(ctx.database.db, ctx.config.fenfa, token, scope);
}

/** Fenfa's `X-Auth-Token` check for a scope; the caller is left at `res.locals.fenfa`. */
export function fenfaAuth(ctx: AppContext, scope: FenfaScope): RequestHandler {
  return async (req, res, next) => {
    res.locals.fenfa = await fenfaCallerFor(ctx, req, scope);
    next();
  };
}

export function fenfaCallerOf(res: Response): FenfaCaller {
  const caller = res.locals.fenfa as FenfaCaller | undefined;
  if (!caller) throw unauthorized('missing token');
  return caller;
}
