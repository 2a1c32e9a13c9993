import { randomBytes } from 'node:crypto';

/**
 * Ids have FaynoSync's shape (24 hex characters, time first) so that its dashboard and SDKs, which
 * validate and sort ObjectIds, accept ours.
 */
export function newId(): string {
  const time = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return time + randomBytes(8).toString('hex');
}

export const ID_PATTERN = /^[0-9a-f]{24}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
