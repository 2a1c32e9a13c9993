import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOpenApi, type JsonSchema, type OpenApiDocument } from '../../src/http/shared/openapi.js';

/**
 * The test suite's check of every JSON answer against the OpenAPI document. `createTestApp` wraps each server's
 * listener with `checkResponses`: an answer whose route and status the document describes is validated against
 * that schema (an error status against the face's error schema; JSON on a success the document gives no schema
 * for is a mismatch too), and a mismatch fails the test that made the request, naming the route, the status and
 * the first schema error.
 */

export interface Operation {
  path: string;
  method: string;
  operation: JsonSchema;
}

interface Matcher {
  pattern: RegExp;
  path: string;
  /** Literal characters: the more, the more specific (`/apps/latest` before `/apps/{id}`). */
  weight: number;
}

let documentOnce: { doc: OpenApiDocument; matchers: Matcher[] } | undefined;

/** The document, built once per test file (after the server's modules have declared their routes). */
export function testDocument(): { doc: OpenApiDocument; matchers: Matcher[] } {
  if (!documentOnce) {
    const doc = buildOpenApi('test');
    const matchers = Object.keys(doc.paths)
      .map((path) => {
        const source = path
          .split(/(\{\w+\})/)
          .map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
          .join('');
        return { path, pattern: new RegExp(`^${source}$`), weight: path.replace(/\{\w+\}/g, '').length };
      })
      .sort((a, b) => b.weight - a.weight);
    documentOnce = { doc, matchers };
  }
  return documentOnce;
}

/** The operation of the document that answers `method` on `url` (a path with an optional query), if any. */
export function operationFor(method: string, url: string): Operation | undefined {
  const { doc, matchers } = testDocument();
  const path = url.split('?')[0] ?? '';
  const lower = method.toLowerCase();
  for (const matcher of matchers) {
    if (!matcher.pattern.test(path)) continue;
    const operation = doc.paths[matcher.path]?.[lower];
    if (operation) return { path: matcher.path, method: lower, operation };
  }
  return undefined;
}

let ajv: Ajv2020 | undefined;

/** A success the document gives no JSON schema for: JSON there is an answer nobody described. */
const UNDESCRIBED = 'undescribed';
const validators = new Map<string, ValidateFunction | typeof UNDESCRIBED | null>();

const pointer = (parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * The validator of an operation's JSON answer with that status: the status's schema, the face's error schema for an
 * undeclared error status, and UNDESCRIBED for a success without a JSON schema (null: an error without one).
 */
function validatorFor(op: Operation, status: number): ValidateFunction | typeof UNDESCRIBED | null {
  const key = `${op.method} ${op.path} ${status}`;
  const known = validators.get(key);
  if (known !== undefined) return known;
  const responses = op.operation.responses as Record<
    string,
    { content?: Record<string, { schema?: unknown }> }
  >;
  const described = responses[String(status)] ? String(status) : status >= 400 ? 'default' : undefined;
  const type = described
    ? Object.keys(responses[described]?.content ?? {}).find((t) => t.startsWith('application/json'))
    : undefined;
  let validate: ValidateFunction | typeof UNDESCRIBED | null = status < 400 ? UNDESCRIBED : null;
  if (described && type && responses[described]?.content?.[type]?.schema) {
    if (!ajv) {
      ajv = new Ajv2020({ strict: false, allErrors: false });
      addFormats.default(ajv);
      ajv.addSchema(testDocument().doc as unknown as JsonSchema, 'openapi');
    }
    const ref = pointer(['paths', op.path, op.method, 'responses', described, 'content', type, 'schema']);
    validate = ajv.compile({ $ref: `openapi#/${ref}` });
  }
  validators.set(key, validate);
  return validate;
}

const mismatches: string[] = [];

/** What is wrong with a JSON answer, or undefined when the document accepts it (or does not describe the route). */
export function responseProblem(
  method: string,
  url: string,
  status: number,
  body: unknown,
): string | undefined {
  const op = operationFor(method, url);
  if (!op) return undefined;
  const validate = validatorFor(op, status);
  const route = `${method} ${url.split('?')[0]} (${op.path}) answered ${status}`;
  if (validate === UNDESCRIBED) {
    return `${route} with JSON the document has no schema for: declare it in the route's responses; body: ${JSON.stringify(
      body,
    ).slice(0, 300)}`;
  }
  if (!validate || validate(body)) return undefined;
  const first = validate.errors?.[0];
  const where = first?.instancePath || '(the body)';
  return `${route}: ${where} ${first?.message ?? 'does not match'} ${
    first?.params ? JSON.stringify(first.params) : ''
  }; body: ${JSON.stringify(body).slice(0, 300)}`;
}

function headerOf(headers: unknown[], name: string): string | undefined {
  const first = headers[0];
  if (Array.isArray(first) || typeof first === 'string') {
    const flat = (Array.isArray(first) ? first : headers) as unknown[];
    for (let i = 0; i < flat.length; i += 2) {
      if (String(flat[i]).toLowerCase() === name) return String(flat[i + 1]);
    }
    return undefined;
  }
  if (first && typeof first === 'object') {
    for (const [key, value] of Object.entries(first)) if (key.toLowerCase() === name) return String(value);
  }
  return undefined;
}

/**
 * Wraps a server listener: every JSON answer it writes is checked once it has been sent. The hot path writes its
 * headers with `writeHead` only, so the content type is read there as well as from the headers set before.
 */
export function checkResponses(listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    if (method === 'HEAD' || method === 'OPTIONS') {
      listener(req, res);
      return;
    }
    let contentType: string | undefined;
    const chunks: Buffer[] = [];
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      contentType ??= headerOf(
        args.slice(1).filter((a) => typeof a !== 'string'),
        'content-type',
      );
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    const json = () => /^application\/json/i.test(contentType ?? String(res.getHeader('content-type') ?? ''));
    const keep = (chunk: unknown) => {
      if (chunk && typeof chunk !== 'function' && json()) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      }
    };
    const write = res.write;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk);
      return (write as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
    } as typeof res.write;
    const end = res.end;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      keep(chunk);
      return (end as (...a: unknown[]) => ServerResponse).apply(this, [chunk, ...rest]);
    } as typeof res.end;
    res.on('finish', () => {
      if (chunks.length === 0 || !json()) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        mismatches.push(
          `${method} ${url.split('?')[0]} answered ${res.statusCode} with JSON that does not parse`,
        );
        return;
      }
      const problem = responseProblem(method, url, res.statusCode, body);
      if (problem) mismatches.push(problem);
    });
    listener(req, res);
  };
}

/**
 * Fails the test that made a request whose answer does not match the document: its answers were all sent (and
 * checked) before its last await returned. Registered for every test file by test/setup.ts: a hook registered here,
 * at module load, would run in the first file of a worker only, since a worker keeps its modules (isolate: false).
 */
export function failOnResponseMismatches(): void {
  const found = mismatches.splice(0);
  if (found.length > 0) {
    throw new Error(
      `an answer does not match the OpenAPI document (src/http/*/schemas):\n${found.join('\n')}`,
    );
  }
}
