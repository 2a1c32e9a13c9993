import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { AppleApiError } from '../../core/apple/connect.js';
import type { ErrorKind } from '../../core/errors.js';
import { faultError } from '../../core/faults.js';
import { IosError } from '../../core/fenfa/ios-errors.js';
import { PackageError } from '../../core/packages/package-error.js';
import { bodyProblem } from '../shared/body-errors.js';

/**
 * Fenfa's envelope (§B.3): `{ok:true, data}` and `{ok:false, error:{code, message}}` with Fenfa's upper-case codes,
 * for every answer of the face, mistakes and faults alike.
 */

export type FenfaCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_FILE'
  | 'PARSE_ERROR'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'DB_DOWN'
  | 'IO'
  | 'INVALID_NONCE'
  | 'APPLE_NOT_CONFIGURED'
  | 'APPLE_API_ERROR'
  | 'DEVICE_NOT_FOUND'
  | 'INTERNAL_ERROR';

export class FenfaError extends Error {
  constructor(
    readonly status: number,
    readonly code: FenfaCode,
    message: string,
  ) {
    super(message);
  }
}

export function ok(res: Response, data: unknown, status = 200): void {
  res.status(status).json({ ok: true, data });
}

export function sendFenfaError(res: Response, status: number, code: FenfaCode, message: string): void {
  res.status(status).json({ ok: false, error: { code, message } });
}

const FROM_KIND: Record<ErrorKind, [number, FenfaCode]> = {
  invalid: [400, 'BAD_REQUEST'],
  unauthorized: [401, 'UNAUTHORIZED'],
  forbidden: [403, 'FORBIDDEN'],
  not_found: [404, 'NOT_FOUND'],
  conflict: [409, 'CONFLICT'],
  too_large: [413, 'PAYLOAD_TOO_LARGE'],
  rate_limited: [429, 'RATE_LIMITED'],
  unavailable: [503, 'DB_DOWN'],
  insufficient_storage: [507, 'IO'],
};

/** The face's error middleware: the envelope for every mistake, never a stack trace. */
export const fenfaErrorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err instanceof FenfaError) {
    sendFenfaError(res, err.status, err.code, err.message);
    return;
  }
  // Fenfa's own codes for a package it cannot read: not one at all (400), or one with a damaged part (422).
  if (err instanceof PackageError) {
    sendFenfaError(res, err.code === 'BAD_FILE' ? 400 : 422, err.code, err.message);
    return;
  }
  const domain = faultError(err);
  if (domain) {
    if (domain !== err) req.log.warn({ reason: (err as Error).message }, domain.message);
    if (domain.extra.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(domain.extra.retryAfterSeconds));
    const [status, code] = FROM_KIND[domain.kind];
    // Fenfa's own codes for the iOS routes' mistakes and for App Store Connect's answers, at the kind's status.
    // A file-store outage is Fenfa's storage code, not DB_DOWN.
    const own =
      domain instanceof IosError
        ? domain.code
        : domain instanceof AppleApiError
          ? 'APPLE_API_ERROR'
          : domain.extra.unavailable === 'store'
            ? 'IO'
            : code;
    sendFenfaError(res, status, own, domain.message);
    return;
  }
  const body = bodyProblem(err);
  if (body) {
    sendFenfaError(res, body.status, FROM_KIND[body.kind][1], body.message);
    return;
  }
  req.log.error({ err }, 'unhandled error');
  sendFenfaError(res, 500, 'INTERNAL_ERROR', 'internal server error');
};

/** Unknown routes below /admin/api: the envelope 404. */
export const fenfaNotFound: RequestHandler = (req, res) => {
  sendFenfaError(
    res,
    404,
    'NOT_FOUND',
    `no route for ${req.method} ${req.baseUrl}${req.path}: see the Fenfa API in the README`,
  );
};
