import type { RequestHandler } from 'express';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../core/auth/actor.js';
import { actorFromSession } from '../../core/auth/actor.js';
import { actorFromApiToken, looksLikeApiToken } from '../../core/auth/api-tokens.js';
import { forbidden, unauthorized } from '../../core/errors.js';
import {
  type Action,
  type ResourceKind,
  requireAdmin,
  requirePermission,
  TOKEN_SCOPE_MESSAGE,
} from '../../core/permissions.js';
import { CSRF_HEADER, csrfMatches, isSafeMethod, sessionFromCookie } from './session-cookie.js';

/** The bearer credential of a request, exactly `Authorization: Bearer <token>` as FaynoSync's clients send it. */
export function bearerToken(header: string | undefined): string {
  if (!header)
    throw unauthorized('missing authorization header: send Authorization: Bearer <token> from /login');
  const parts = header.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0]?.toLowerCase() !== 'bearer' || !parts[1]) {
    throw unauthorized('invalid token format: send Authorization: Bearer <token>');
  }
  return parts[1];
}

/**
 * Resolves the caller; every protected route starts with this. API tokens (`fns_…`) are accepted only
 * where a route opts in (uploads); elsewhere they are refused with 403. With no Authorization header, the
 * console's session cookie is accepted; a write it authenticates must also carry the session's CSRF header.
 */
export function authenticate(ctx: AppContext, options: { apiTokens?: boolean } = {}): RequestHandler {
  return async (req, res, next) => {
    const session = req.headers.authorization ? undefined : sessionFromCookie(req);
    if (session) {
      const csrf = req.headers[CSRF_HEADER];
      if (!isSafeMethod(req.method) && !csrfMatches(session, ctx.config.jwtSecret, csrf?.toString())) {
        throw forbidden(`missing or wrong ${CSRF_HEADER} header: send the token the console's sign-in gave`);
      }
      res.locals.actor = await actorFromSession(ctx.database.db, session, ctx.config.jwtSecret);
      next();
      return;
    }
    const token = bearerToken(req.headers.authorization);
    if (looksLikeApiToken(token)) {
      const actor = await actorFromApiToken(ctx.database.db, token);
      if (!options.apiTokens) throw forbidden(TOKEN_SCOPE_MESSAGE);
      res.locals.actor = actor;
    } else {
      res.locals.actor = await actorFromSession(ctx.database.db, token, ctx.config.jwtSecret);
    }
    next();
  };
}

export function actorOf(res: { locals: Record<string, unknown> }): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw unauthorized('authentication required');
  return actor;
}

export function permit(kind: ResourceKind, action: Action): RequestHandler {
  return (_req, res, next) => {
    requirePermission(actorOf(res), kind, action);
    next();
  };
}

export const adminOnly: RequestHandler = (_req, res, next) => {
  requireAdmin(actorOf(res));
  next();
};
