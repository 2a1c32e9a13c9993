import { z } from 'zod';
import { printable } from '../../../core/names.js';

/**
 * The field types of /v1 input, with BinDist's rules (Joi in the original server). Messages name the field and say
 * what to send; the face adds BinDist's "Validation failed: " (see shared/validate.ts). JSON bodies and query
 * strings both come through here, so booleans and numbers also accept their query-string spelling.
 */

/** BinDist's id rule for customerId, fileId and shareLinkId (the docs say lowercase; the server accepts any case). */
export const BINDIST_ID = /^[A-Za-z0-9_-]{1,100}$/;

const absent = (input: unknown) => input === undefined || input === null || input === '';

/** A required string (trimmed), at most `max` characters. */
export function requiredText(field: string, max: number) {
  return z
    .string({
      error: (iss) => (absent(iss.input) ? `"${field}" is required` : `"${field}" must be a string`),
    })
    .trim()
    .min(1, `"${field}" is required`)
    .max(max, `"${field}" must be at most ${max} characters long`);
}

/** An optional string: absent leaves it unchanged, null or "" clears it (null). */
export function clearableText(field: string, max: number) {
  return z
    .union(
      [
        z.literal('').transform(() => null),
        z.null(),
        z.string().max(max, `"${field}" must be at most ${max} characters long`),
      ],
      { error: `"${field}" must be a string of at most ${max} characters` },
    )
    .optional();
}

/** An optional filter string; "" is the same as absent. */
export function filterText(field: string, max: number) {
  return z
    .string({ error: `"${field}" must be a string` })
    .max(max, `"${field}" must be at most ${max} characters long`)
    .transform((v) => (v === '' ? undefined : v))
    .optional();
}

/** An id (customer, file, share link): BinDist's pattern. */
export function bindistId(field: string) {
  return requiredText(field, 100).regex(BINDIST_ID, {
    error: (iss) =>
      `"${field}" "${printable(String(iss.input))}" must contain only letters, digits, '-' and '_'`,
  });
}

/**
 * An application id to look up. Apps created through the FaynoSync face may have names outside BinDist's pattern
 * (spaces, dots); they are still addressable, so only the length is checked.
 */
export function applicationId(field = 'applicationId') {
  return requiredText(field, 100).meta({
    description: 'The application id (its Updraft app name)',
    examples: ['my-app'],
  });
}

/** A version to look up: BinDist's `[A-Za-z0-9._-]` (and `+`), up to FaynoSync's 64 characters. */
export function versionText(field = 'version') {
  return requiredText(field, 64)
    .regex(/^[A-Za-z0-9._+-]+$/, {
      error: (iss) =>
        `"${field}" "${printable(String(iss.input))}" must contain only letters, digits, '.', '-' and '_'`,
    })
    .meta({ examples: ['1.2.0'] });
}

/** A boolean from JSON (true/false) or a query string ("true"/"false"); null and "" read as absent. */
export function flag(field: string) {
  return z
    .union(
      [
        z.boolean(),
        z.enum(['true', 'false']).transform((v) => v === 'true'),
        z.literal('').transform(() => undefined),
        z.null().transform(() => undefined),
      ],
      { error: `"${field}" must be true or false` },
    )
    .optional();
}

/** A whole number in [min, max]; JSON numbers and numeric query strings alike; null and "" read as absent. */
export function integer(field: string, min: number, max: number) {
  const message = `"${field}" must be a whole number from ${min} to ${max}`;
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^-?\d+$/)
          .transform(Number),
        z.literal('').transform(() => undefined),
        z.null().transform(() => undefined),
      ],
      { error: message },
    )
    .pipe(z.number().int(message).min(min, message).max(max, message).optional())
    .optional();
}

/** A date-time filter such as `startDate`: ISO 8601 (a bare date means midnight UTC). */
export function isoDate(field: string) {
  const message = `"${field}" must be an ISO 8601 date such as 2025-01-15 or 2025-01-15T10:00:00Z`;
  return z
    .string({ error: message })
    .transform((v, ctx) => {
      if (v === '') return undefined;
      const time = /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(v) : undefined;
      if (!time || Number.isNaN(time.getTime())) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return time;
    })
    .optional()
    .meta({ format: 'date-time', examples: ['2025-01-15T10:00:00Z'] });
}

/** One of a fixed set of words, compared case-insensitively; the canonical spelling comes out. */
export function choice<const T extends string>(field: string, choices: readonly T[]) {
  const message = `"${field}" must be one of ${choices.join(', ')}`;
  return z
    .string({ error: message })
    .transform((v, ctx): T | undefined => {
      if (v === '') return undefined;
      const found = choices.find((c) => c.toLowerCase() === v.toLowerCase());
      if (!found) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return found;
    })
    .optional()
    .meta({ description: `One of ${choices.join(', ')} (any case)` });
}

/** A JSON body: BinDist's SDKs send none on some POSTs, which reads as `{}` (see routeInput). */
export function jsonBody<const S extends z.ZodRawShape>(shape: S) {
  return z.object(shape, { error: 'send a JSON object as the request body' });
}

/** `page` with `limit` (the server's name) or `pageSize` (what the SDKs send); `limit` wins when both come. */
export function paging(defaultLimit: number, maxLimit = 100) {
  return {
    page: integer('page', 1, 1_000_000).meta({ description: 'Page number, from 1' }),
    limit: integer('limit', 1, maxLimit).meta({ description: `Page size (default ${defaultLimit})` }),
    pageSize: integer('pageSize', 1, maxLimit).meta({ description: "Page size, the SDKs' name for limit" }),
  };
}

/** The page asked for by `paging` fields. */
export function pageOf(
  query: { page?: number | undefined; limit?: number | undefined; pageSize?: number | undefined },
  defaultLimit: number,
): { page: number; limit: number } {
  return { page: query.page ?? 1, limit: query.limit ?? query.pageSize ?? defaultLimit };
}
