import { isDatabaseUnreachable } from '../db/errors.js';
import { StoreUnavailableError } from '../storage/types.js';
import { DomainError } from './errors.js';

export { isDatabaseUnreachable };

/** How long a client is asked to wait before retrying a write refused during a database outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** The file system or the database server has no space left (errno ENOSPC/EDQUOT, SQLSTATE disk_full, MinIO's). */
export function isDiskFull(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === '53100' || code === 'XMinioStorageFull') return true;
  return isDiskFull((err as { cause?: unknown }).cause, depth + 1);
}

/**
 * The one place where an infrastructure failure becomes something a caller can act on: an unreachable database or
 * file store is a 503 to retry, a full disk a 507. Every face's error handler asks this before answering 500.
 */
export function faultError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  if (isDiskFull(err)) {
    return new DomainError(
      'insufficient_storage',
      'the server has no storage space left: nothing was saved; send it again once the operator has freed space',
    );
  }
  if (err instanceof StoreUnavailableError) {
    return new DomainError(
      'unavailable',
      `${err.message}: the request was not completed; try again in a few seconds, and if it keeps failing ask the operator to check the S3 storage (S3_ENDPOINT and its buckets)`,
      { retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS, unavailable: 'store' },
    );
  }
  // After the store's own failure: a connection refused by the S3 endpoint looks like the database's.
  if (isDatabaseUnreachable(err)) {
    return new DomainError('unavailable', 'the database is unreachable: try again in a few seconds', {
      retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
      unavailable: 'database',
    });
  }
  return undefined;
}
