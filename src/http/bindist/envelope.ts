import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Pagination } from '../../core/bindist/paging.js';
import type { ErrorKind } from '../../core/errors.js';
import { faultError } from '../../core/faults.js';
import { bodyProblem } from '../shared/body-errors.js';

/**
 * BinDist's response envelope (§A.3 of the behaviour notes). Every /v1 answer, success or error, carries
 * `meta.requestId` (the Delphi SDK reads it) and the API `version`; errors carry BinDist's upper-case code.
 */

export const BINDIST_API_VERSION = '1.0.0';

/** The codes the BinDist server emits; the SDKs show them to users, so no others. */
export type BindistCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'EXPIRED'
  | 'INVALID_REQUEST'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INSUFFICIENT_STORAGE'
  | 'INTERNAL_ERROR';

/** A caller's mistake on /v1: thrown by route handlers, written as the error envelope. */
export class BindistError extends Error {
  constructor(
    readonly status: number,
    readonly code: BindistCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function meta(req: Request, pagination?: Pagination) {
  return { requestId: req.id, version: BINDIST_API_VERSION, ...(pagination ? { pagination } : {}) };
}

/** Writes `{success:true, data, meta}` (200 unless told). */
export function ok(
  res: Response,
  data: unknown,
  options: { status?: number; pagination?: Pagination } = {},
): void {
  res.status(options.status ?? 200).json({ success: true, data, meta: meta(res.req, options.pagination) });
}

/** Writes the error envelope; a 401 also gets a top-level `message`, the body BinDist's authorizer sends. */
export function sendError(res: Response, error: BindistError): void {
  const body: Record<string, unknown> = {
    success: false,
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      timestamp: new Date().toISOString(),
    },
    meta: meta(res.req),
  };
  if (error.status === 401) body.message = error.message;
  res.status(error.status).json(body);
}

const FROM_KIND: Record<ErrorKind, [number, BindistCode]> = {
  invalid: [400, 'BAD_REQUEST'],
  unauthorized: [401, 'UNAUTHORIZED'],
  forbidden: [403, 'FORBIDDEN'],
  not_found: [404, 'NOT_FOUND'],
  conflict: [409, 'CONFLICT'],
  too_large: [413, 'PAYLOAD_TOO_LARGE'],
  rate_limited: [429, 'RATE_LIMITED'],
  unavailable: [503, 'SERVICE_UNAVAILABLE'],
  insufficient_storage: [507, 'INSUFFICIENT_STORAGE'],
};

/** Any thrown value as a BinDist error, or undefined when it is a server fault. */
function toBindistError(err: unknown, res: Response): BindistError | undefined {
  if (err instanceof BindistError) return err;
  const domain = faultError(err);
  if (domain) {
    if (domain !== err) res.req.log.warn({ reason: (err as Error).message }, domain.message);
    const [status, code] = FROM_KIND[domain.kind];
    if (domain.extra.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(domain.extra.retryAfterSeconds));
    return new BindistError(status, code, domain.message);
  }
  const body = bodyProblem(err, {
    tooLarge: 'use the large upload (POST /v1/management/upload/large-url)',
  });
  if (body) return new BindistError(body.status, FROM_KIND[body.kind][1], body.message);
  return undefined;
}

/** The /v1 error middleware: BinDist's envelope for every mistake, never a stack trace. */
export const bindistErrorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const known = toBindistError(err, res);
  if (known) {
    sendError(res, known);
    return;
  }
  req.log.error({ err }, 'unhandled error');
  sendError(res, new BindistError(500, 'INTERNAL_ERROR', 'Internal server error'));
};

/** Unknown /v1 routes: the envelope 404, so BinDist SDKs read a proper error. */
export const bindistNotFound: RequestHandler = (req, res) => {
  sendError(
    res,
    new BindistError(
      404,
      'NOT_FOUND',
      `No route for ${req.method} ${req.baseUrl}${req.path}: see the /v1 API in the README`,
    ),
  );
};
