import type { RequestHandler, Response } from 'express';
import type { AppContext } from '../../context.js';
import { unauthorized } from '../../core/errors.js';
import { type FenfaCaller, fenfaCaller } from '../../core/fenfa/tokens.js';
import type { FenfaScope } from '../../db/schema.js';

export const AUTH_HEADER = 'x-auth-token';

/** Fenfa's `X-Auth-Token` check for a scope; the caller is left at `res.locals.fenfa`. */
export function fenfaAuth(ctx: AppContext, scope: FenfaScope): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers[AUTH_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    res.locals.fenfa = await fenfaCaller(ctx.database.db, ctx.config.fenfa, token, scope);
    next();
  };
}

export function fenfaCallerOf(res: Response): FenfaCaller {
  const caller = res.locals.fenfa as FenfaCaller | undefined;
  if (!caller) throw unauthorized('missing token');
  return caller;
}
