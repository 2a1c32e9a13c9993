import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError, type ErrorKind } from '../../core/errors.js';
import { faultError } from '../../core/faults.js';
import { bodyProblem } from './body-errors.js';

/** The FaynoSync face's status for each kind of mistake or fault (the hot path uses it too). */
export const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  insufficient_storage: 507,
};

/** FaynoSync's error shape `{"error": "..."}` for every mistake; a 500 never carries a stack or internals. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const domain = faultError(err);
  if (domain) {
    // An outage or a full disk is the operator's to know about; its message only, never the query.
    if (!(err instanceof DomainError)) req.log.warn({ reason: (err as Error).message }, domain.message);
    if (domain.extra.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(domain.extra.retryAfterSeconds));
    const body: Record<string, string> = { error: domain.message };
    if (domain.extra.details) body.details = domain.extra.details;
    res.status(STATUS[domain.kind]).json(body);
    return;
  }
  const body = bodyProblem(err);
  if (body) {
    res.status(body.status).json({ error: body.message });
    return;
  }
  req.log.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'internal server error' });
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no route for ${req.method} ${req.path}: see the API in the README` });
};
