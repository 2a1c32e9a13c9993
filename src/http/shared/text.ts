import { isUtf8 } from 'node:buffer';
import express, { type Request, type RequestHandler } from 'express';
import { invalid } from '../../core/errors.js';

/**
 * Text that PostgreSQL cannot store (a NUL) or that is not text at all (invalid UTF-8) is refused where it enters,
 * with the face's 400: otherwise it reaches a query as a parameter and fails there as a 500, or is silently turned
 * into U+FFFD and then matches nothing.
 */

/** Escapes that are not `%` and two hex digits: tolerated where they are today (a query pair is dropped). */
const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/g;

/** Why a request target (path and query, still percent-encoded) is refused, or undefined when it is fine. */
export function urlTextProblem(url: string): string | undefined {
  if (!url.includes('%')) return undefined;
  if (url.includes('%00')) {
    return 'the URL holds a NUL byte (%00), which no name or parameter may contain: remove it';
  }
  try {
    decodeURIComponent(url.replace(MALFORMED_ESCAPE, ''));
  } catch {
    return 'the URL is not valid UTF-8 once percent-decoded: encode names and parameters as UTF-8';
  }
  return undefined;
}

/** Nesting deeper than this is no body any route takes; refusing it keeps walks over bodies bounded. */
export const MAX_JSON_DEPTH = 32;

/** Why a parsed JSON body is refused (a NUL in any string or key, or too deep), or undefined. Iterative. */
export function bodyTextProblem(body: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value === 'string') {
      if (value.includes('\0')) {
        return 'the JSON body holds a NUL character (\\u0000), which no field accepts: remove it';
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return `the JSON body is nested more than ${MAX_JSON_DEPTH} levels deep`;
    if (Array.isArray(value)) {
      for (const element of value) stack.push({ value: element, depth: depth + 1 });
      continue;
    }
    for (const [key, element] of Object.entries(value)) {
      stack.push({ value: key, depth: depth + 1 }, { value: element, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Refuses a request whose path or query holds a NUL or invalid UTF-8, through the face's error handler. */
export const rejectBadUrlText: RequestHandler = (req, _res, next) => {
  const problem = urlTextProblem(req.originalUrl);
  next(problem ? invalid(problem) : undefined);
};

/**
 * `express.json` that also refuses a body that is not valid UTF-8 (instead of reading it with U+FFFD in place of
 * the bad bytes) and a parsed body with a NUL in any string or key, or nested too deep.
 */
export function strictJson(options: { limit: number; type: (req: Request) => boolean }): RequestHandler {
  const parse = express.json({
    limit: options.limit,
    type: options.type as (req: unknown) => boolean,
    verify: (_req, _res, buf) => {
      if (!isUtf8(buf)) throw invalid('the request body is not valid UTF-8: send UTF-8 JSON');
    },
  });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (err) {
        next(err);
        return;
      }
      const problem = bodyTextProblem(req.body);
      next(problem ? invalid(problem) : undefined);
    });
  };
}
