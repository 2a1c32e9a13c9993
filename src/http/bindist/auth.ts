import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../../context.js';
import type { AdminAct } from '../../core/bindist/audit.js';
import {
  type BindistCaller,
  callerFromKey,
  callerId,
  keyFromHeader,
} from '../../core/bindist/customer-keys.js';
import { BindistError } from './envelope.js';

export type { BindistCaller } from '../../core/bindist/customer-keys.js';

/**
 * Authentication of the /v1 face: `Authorization: Bearer <key>` with an admin or customer key. The caller is
 * left at `res.locals.bindist`; read it with `bindistCaller(res)`.
 */
export function bindistAuth(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    // A route may authenticate ahead of the shared chain (the small upload does, before reading its large body).
    if (res.locals.bindist === undefined) {
      res.locals.bindist = await callerFromKey(ctx.database.db, keyFromHeader(req.headers.authorization));
    }
    next();
  };
}

/** The authenticated caller of a /v1 request (after `bindistAuth`). */
export function bindistCaller(res: Response): BindistCaller {
  const caller = res.locals.bindist as BindistCaller | undefined;
  if (!caller)
    throw new BindistError(401, 'UNAUTHORIZED', 'Unauthorized: send Authorization: Bearer <API key>');
  return caller;
}

/** The admin's caller, or 403 for a customer key: BinDist's "Admin access required". */
export function requireBindistAdmin(res: Response): Extract<BindistCaller, { kind: 'admin' }> {
  const caller = bindistCaller(res);
  if (caller.kind !== 'admin') throw new BindistError(403, 'FORBIDDEN', 'Admin access required');
  return caller;
}

/** Route guard for management endpoints: a customer key gets 403 FORBIDDEN. */
export const adminOnly: RequestHandler = (_req, res, next) => {
  requireBindistAdmin(res);
  next();
};

/** Where a request came from, for activity and audit rows (the client IP honours TRUST_PROXY). */
export function requestOrigin(req: Request): { clientIp: string | null; userAgent: string | null } {
  const agent = req.headers['user-agent'];
  return { clientIp: req.ip ?? null, userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null };
}

/** The admin's act on this request (who and from where), for the audit row its command writes. */
export function adminAct(req: Request, res: Response): AdminAct {
  const caller = requireBindistAdmin(res);
  return { tenantId: caller.tenantId, actorId: callerId(caller), origin: requestOrigin(req) };
}
