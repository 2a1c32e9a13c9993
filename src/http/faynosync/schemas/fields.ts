import { z } from 'zod';
import { parseId } from '../../../core/catalog/common.js';

/**
 * Field types of FaynoSync's requests as its clients send them: booleans as JSON or as "true"/"false" strings
 * (multipart `data`, query strings), numbers as JSON or digits. Required-ness and formats with a domain meaning
 * (names, versions, permissions) stay with core, which words those messages; schemas check types and limits.
 */

/** A query-string value: Express gives an array for a repeated key, which no parameter here accepts. */
export function queryText(name: string, description?: string) {
  return z
    .string({ error: `${name} must be given once` })
    .transform((v) => (v === '' ? undefined : v))
    .optional()
    .meta(description ? { description } : {});
}

/** A whole number from 1 to `max` in a query string; absent or "" is `fallback`. */
export function queryInt(name: string, fallback: number, max: number) {
  const message = `${name} must be a whole number from 1 to ${max}`;
  return z
    .string({ error: `${name} must be given once` })
    .transform((v, ctx) => {
      if (v === '') return fallback;
      if (!/^\d{1,9}$/.test(v) || Number(v) < 1 || Number(v) > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(v);
    })
    .optional()
    .transform((v) => v ?? fallback)
    .meta({ description: `1 to ${max} (default ${fallback})` });
}

/** A boolean as JSON or as "true"/"false" in any case (FaynoSync's clients send strings); "" or null is absent. */
export function flag(field: string) {
  return z
    .union(
      [
        z.boolean(),
        z.string().transform((v, ctx) => {
          const lower = v.toLowerCase();
          if (lower === '') return undefined;
          if (lower === 'true' || lower === 'false') return lower === 'true';
          ctx.addIssue({ code: 'custom', message: `${field} must be true or false` });
          return z.NEVER;
        }),
        z.null().transform(() => undefined),
      ],
      { error: `${field} must be true or false` },
    )
    .optional()
    .meta({ description: 'true or false (also as the strings "true"/"false")' });
}

/** An object id as FaynoSync's clients send it (24 hex characters; upper case tolerated), by core's rule. */
export function objectId() {
  return z
    .unknown()
    .transform((v) => parseId(v))
    .meta({ type: 'string', description: 'A 24-character hex id', examples: ['653a7b2c9d1e4f0a1b2c3d4e'] });
}

/**
 * A field whose whole rule, type included, is core's, which words FaynoSync's messages for it (pinned by its
 * clients' tests): the schema documents its type and passes the value on as sent.
 */
export function checkedByCore(type: 'string' | 'integer' | 'array' | 'object', description?: string) {
  return z
    .unknown()
    .optional()
    .meta({ type, ...(description ? { description } : {}) });
}

/** A text field of a JSON body; its rules (type, required, characters) are core's. */
export function text(field: string, description?: string) {
  return checkedByCore('string', description ?? field);
}

/** A comma-separated list in a query string, which may also come as a repeated key. */
export function queryList(description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .meta({ description });
}

/** The JSON of a multipart `data` field: an object, or the message shows one. Unknown fields are ignored. */
export function dataObject<const S extends z.ZodRawShape>(shape: S, example: string) {
  return z.object(shape, { error: `data must be a JSON object such as ${example}` });
}

/** The JSON body of a management route: every FaynoSync JSON body is an object. Unknown fields are ignored. */
export function jsonBody<const S extends z.ZodRawShape>(shape: S) {
  return z.object(shape, { error: 'invalid request body: send a JSON object' });
}
