/** What went wrong, in the caller's terms; each face maps a kind to its own status code and shape. */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'
  /** The disk (or the database server's) is full: 507. */
  | 'insufficient_storage';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly extra: {
      retryAfterSeconds?: number;
      details?: string;
      /** Which service an `unavailable` fault is about, for faces whose codes tell them apart. */
      unavailable?: 'database' | 'store';
    } = {},
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new DomainError('invalid', message);
export const unauthorized = (message: string) => new DomainError('unauthorized', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const notFound = (message: string) => new DomainError('not_found', message);
export const conflict = (message: string, details?: string) =>
  new DomainError('conflict', message, details ? { details } : {});
