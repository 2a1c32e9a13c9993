import { invalid } from '../errors.js';
import { printable } from '../names.js';

/**
 * Validation of /v1 input, with BinDist's rules (Joi in the original server) and BinDist's message prefix,
 * "Validation failed: …". Query strings and JSON bodies both come through here; every function names the
 * field and says what to send.
 */

const fail = (problem: string) => invalid(`Validation failed: ${problem}`);

/** BinDist's id rule for applicationId, customerId and fileId (the docs say lowercase; the server accepts any case). */
export const BINDIST_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A required string (trimmed), at most `max` characters. */
export function requiredString(value: unknown, field: string, max: number): string {
  if (value === undefined || value === null || value === '') throw fail(`"${field}" is required`);
  if (typeof value !== 'string') throw fail(`"${field}" must be a string`);
  const text = value.trim();
  if (text === '') throw fail(`"${field}" must not be empty`);
  if (text.length > max) throw fail(`"${field}" must be at most ${max} characters long`);
  return text;
}

/** An optional string; undefined when absent, null when sent as null or '' (which clears the field). */
export function optionalString(value: unknown, field: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw fail(`"${field}" must be a string`);
  if (value.length > max) throw fail(`"${field}" must be at most ${max} characters long`);
  return value;
}

/** An id in a path or query (application, customer, file): BinDist's pattern, or 400. */
export function idParam(value: unknown, field: string): string {
  const id = requiredString(value, field, 100);
  if (!BINDIST_ID.test(id))
    throw fail(`"${field}" "${printable(id)}" must contain only letters, digits, '-' and '_'`);
  return id;
}

/**
 * An application id to look up. Apps created through the FaynoSync face may have names outside BinDist's
 * pattern (spaces, dots); they are still addressable, so only the length is checked here.
 */
export function appIdParam(value: unknown, field = 'applicationId'): string {
  return requiredString(value, field, 100);
}

/** A version to look up: BinDist's rule `[A-Za-z0-9._-]`, 1–50 characters (FaynoSync's 64 are allowed). */
export function versionParam(value: unknown, field = 'version'): string {
  const version = requiredString(value, field, 64);
  if (!/^[A-Za-z0-9._+-]+$/.test(version))
    throw fail(`"${field}" "${printable(version)}" must contain only letters, digits, '.', '-' and '_'`);
  return version;
}

/** A boolean from JSON (true/false) or a query string ("true"/"false"); undefined when absent. */
export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw fail(`"${field}" must be true or false`);
}

/** A whole number in [min, max]; JSON numbers and numeric query strings alike. */
export function optionalInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw fail(`"${field}" must be a whole number from ${min} to ${max}`);
  return n;
}

/** A date-time filter such as `startDate`: ISO 8601 (a bare date means midnight UTC). */
export function optionalDate(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const time = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : undefined;
  if (!time || Number.isNaN(time.getTime()))
    throw fail(`"${field}" must be an ISO 8601 date such as 2025-01-15 or 2025-01-15T10:00:00Z`);
  return time;
}

/** One of a fixed set of words, compared case-insensitively; the canonical spelling is returned. */
export function optionalChoice<T extends string>(
  value: unknown,
  field: string,
  choices: readonly T[],
): T | undefined {
  if (value === undefined || value === '') return undefined;
  const found =
    typeof value === 'string' ? choices.find((c) => c.toLowerCase() === value.toLowerCase()) : undefined;
  if (!found) throw fail(`"${field}" must be one of ${choices.join(', ')}`);
  return found;
}

/** `meta.pagination` of BinDist's paged list endpoints. */
export interface Pagination {
  page: number;
  limit: number;
  total: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

/** The pagination of one page of `total` items. */
export function paginationOf({ page, limit }: PageRequest, total: number): Pagination {
  return { page, limit, total, hasNext: page * limit < total, hasPrevious: page > 1 };
}

export interface PageRequest {
  page: number;
  limit: number;
}

/**
 * `page` with `limit` (the server's name) or `pageSize` (what the SDKs send); `limit` wins when both come.
 * Undefined when neither a page nor a size is asked for and `defaultLimit` is undefined.
 */
export function pageRequest(
  query: Record<string, unknown>,
  defaultLimit: number,
  maxLimit = 100,
): PageRequest {
  const page = optionalInteger(query.page, 'page', 1, 1_000_000) ?? 1;
  const limit =
    optionalInteger(query.limit, 'limit', 1, maxLimit) ??
    optionalInteger(query.pageSize, 'pageSize', 1, maxLimit) ??
    defaultLimit;
  return { page, limit };
}

/** The object of a JSON body; the SDKs send no body on some POSTs, which reads as `{}`. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw fail('send a JSON object as the request body');
  return body as Record<string, unknown>;
}
