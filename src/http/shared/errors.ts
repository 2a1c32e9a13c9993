import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError, type ErrorKind } from '../../core/errors.js';
import { faultError } from '../../core/faults.js';

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

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

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
  const parserError = err as BodyParserError;
  if (parserError.type === 'entity.parse.failed') {
    res.status(400).json({ error: 'invalid request body: malformed JSON' });
    return;
  }
  if (parserError.type === 'entity.too.large') {
    res.status(413).json({ error: `request body too large: the limit is ${parserError.limit} bytes` });
    return;
  }
  if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
    res.status(415).json({ error: 'unsupported request body encoding: send UTF-8 JSON' });
    return;
  }
  if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    res.status(parserError.status).json({ error: 'invalid request' });
    return;
  }
  req.log.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'internal server error' });
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: `no route for ${req.method} ${req.path}: see the API in the README` });
};
