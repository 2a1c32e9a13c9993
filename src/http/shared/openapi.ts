import { z } from 'zod';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.js';
import {
  type Credential,
  describedRoutes,
  type Face,
  type HttpMethod,
  type ResponseDoc,
  type RouteSpec,
} from './validate.js';

/**
 * The OpenAPI 3.1 document of every declared route (validate.ts), built from the route specs: zod's own JSON Schema
 * output for every parameter, body and answer, so the document cannot drift from what the handlers parse. Each
 * face is a tag group; a face added later needs only its specs (and, if it is mounted below a prefix or has its own
 * error shape, a line in FACES).
 */

export type JsonSchema = Record<string, unknown>;

interface FaceDoc {
  name: string;
  description: string;
  /** Where the face's router is mounted: its specs' paths are below it. */
  mount: string;
  /** The JSON of the face's errors. */
  error: z.ZodType;
  /** The credentials its routes take unless a spec says otherwise. */
  auth: readonly Credential[];
}

/** FaynoSync's error answer, also the hot path's, the feeds' and the console's. */
export const PLAIN_ERROR = z
  .object({ error: z.string(), details: z.string().optional() })
  .meta({ description: 'What went wrong and what to do' });

/** BinDist's error envelope (docs/bindist.md). */
export const BINDIST_ERROR = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    timestamp: z.string(),
  }),
  meta: z.object({ requestId: z.string(), version: z.string() }),
  message: z
    .string()
    .optional()
    .meta({ description: "A 401's message again, as BinDist's authorizer sends it" }),
});

/** Fenfa's error envelope (docs/fenfa.md). */
export const FENFA_ERROR = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string() }),
});

const FACES: Record<Face, FaceDoc> = {
  faynosync: {
    name: 'FaynoSync',
    description:
      'The FaynoSync-compatible API: accounts, catalog, releases, update checks, telemetry, reports',
    mount: '',
    error: PLAIN_ERROR,
    auth: ['login', 'session'],
  },
  feeds: {
    name: 'Feeds',
    description: "Every updater's native feed under /update/{owner}/{app}/{channel}/{platform}/{arch}/",
    mount: '',
    error: PLAIN_ERROR,
    auth: [],
  },
  bindist: {
    name: 'BinDist',
    description: 'The BinDist-compatible /v1 API for customers with API keys, in its response envelope',
    mount: '/v1',
    error: BINDIST_ERROR,
    auth: ['bindistKey'],
  },
  fenfa: {
    name: 'Fenfa',
    description:
      'The Fenfa-compatible API: products, variants, releases, uploads and the public product pages',
    mount: '',
    error: FENFA_ERROR,
    auth: ['fenfaToken'],
  },
  console: {
    name: 'Console',
    description: 'The web console, its cookie session, the public download pages and this API reference',
    mount: '',
    error: PLAIN_ERROR,
    auth: [],
  },
};

function faceOf(spec: RouteSpec): FaceDoc {
  return FACES[spec.face];
}

/** The faces whose error shapes a route's mistakes come in: its own, and those it is shared with. */
function errorFaces(spec: RouteSpec): FaceDoc[] {
  return [faceOf(spec), ...(spec.sharedWith ?? []).map((face) => FACES[face])];
}

/** The security schemes, by credential; the console's cookie works only with its CSRF header on writes. */
const SCHEMES: Record<Credential, { name: string; scheme: JsonSchema }> = {
  login: {
    name: 'login',
    scheme: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Authorization: Bearer <token from POST /login>',
    },
  },
  ciToken: {
    name: 'ciToken',
    scheme: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'fns_…',
      description: 'A CI token from POST /token/create (uploads only)',
    },
  },
  session: {
    name: 'consoleSession',
    scheme: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description: `The console's session cookie (POST /console/session); writes also send ${CSRF_HEADER}`,
    },
  },
  bindistKey: {
    name: 'bindistKey',
    scheme: {
      type: 'http',
      scheme: 'bearer',
      description: 'A BinDist admin or customer API key: Authorization: Bearer <key>',
    },
  },
  downloadToken: {
    name: 'downloadToken',
    scheme: {
      type: 'apiKey',
      in: 'header',
      name: 'X-Download-Token',
      description: "A private app's download token (POST /download-tokens/regenerate)",
    },
  },
  fenfaToken: {
    name: 'fenfaToken',
    scheme: {
      type: 'apiKey',
      in: 'header',
      name: 'X-Auth-Token',
      description: 'A Fenfa token with the upload or admin scope (POST /admin/api/tokens, or FENFA_*_TOKEN)',
    },
  },
  reportKey: {
    name: 'reportKey',
    scheme: {
      type: 'http',
      scheme: 'bearer',
      description: "An app's report key (POST /report-keys/regenerate)",
    },
  },
};

const CSRF_SCHEME = {
  type: 'apiKey',
  in: 'header',
  name: CSRF_HEADER,
  description: 'The CSRF token the console sign-in answered; required with the session cookie on writes',
};

/** The JSON Schema of a zod schema, as a part of the document (no `$schema` of its own). */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** An Express path (`/a/:id`, `/b/{*rest}`, `/c/*key`) as an OpenAPI path (`/a/{id}`, `/b/{rest}`, `/c/{key}`). */
export function openApiPath(expressPath: string): string {
  return expressPath
    .replace(/\{\*(\w+)\}/g, '{$1}')
    .replace(/\*(\w+)/g, '{$1}')
    .replace(/:(\w+)/g, '{$1}');
}

/** The OpenAPI paths of a spec: its Express paths below the face's mount. */
export function specPaths(spec: RouteSpec): string[] {
  const paths = typeof spec.path === 'string' ? [spec.path] : spec.path;
  return paths.map((p) => openApiPath(`${faceOf(spec).mount}${p}`));
}

const ALL_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function methodsOf(method: HttpMethod): readonly string[] {
  return method === 'all' ? ALL_METHODS : [method];
}

/** The parameters of one location, from an object schema's JSON Schema. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path', path: string): JsonSchema[] {
  const json = schema ? jsonSchema(schema, 'input') : {};
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  if (where === 'query') {
    return Object.entries(properties).map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: 'query',
        required: required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      };
    });
  }
  // Every template name is a path parameter, described by the params schema when it has it.
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => {
    const { description, ...rest } = properties[name] ?? { type: 'string' };
    return { name, in: 'path', required: true, ...(description ? { description } : {}), schema: rest };
  });
}

function requestBody(spec: RouteSpec): JsonSchema | undefined {
  const { body, data, form, files, raw } = spec.input;
  const content: Record<string, JsonSchema> = {};
  if (body) content['application/json'] = { schema: jsonSchema(body, 'input') };
  const file = files
    ? {
        [files.field]: files.multiple
          ? { type: 'array', items: { type: 'string', format: 'binary' }, description: files.description }
          : { type: 'string', format: 'binary', description: files.description },
      }
    : {};
  if (data) {
    content['multipart/form-data'] = {
      schema: {
        type: 'object',
        required: ['data'],
        properties: { data: jsonSchema(data, 'input'), ...file },
      },
      encoding: { data: { contentType: 'application/json' } },
    };
  } else if (form || files) {
    const fields = form ? jsonSchema(form, 'input') : { type: 'object', properties: {} };
    const properties = { ...((fields.properties ?? {}) as JsonSchema), ...file };
    content['multipart/form-data'] = { schema: { ...fields, properties } };
  }
  if (raw)
    content[raw.contentType] = { schema: { type: 'string', format: 'binary', description: raw.description } };
  return Object.keys(content).length > 0
    ? { required: !!(body === undefined || raw || data), content }
    : undefined;
}

function isZod(answer: z.ZodType | ResponseDoc): answer is z.ZodType {
  return answer instanceof z.ZodType;
}

function responses(spec: RouteSpec): JsonSchema {
  const out: JsonSchema = {};
  for (const [status, answer] of Object.entries(spec.responses ?? {})) {
    if (!answer) continue;
    const doc: ResponseDoc = isZod(answer) ? { description: '', schema: answer } : answer;
    const schema = doc.schema ? jsonSchema(doc.schema, 'output') : undefined;
    const description = doc.description || (schema?.description as string | undefined) || 'OK';
    const type = doc.contentType ?? (schema ? 'application/json' : undefined);
    out[status] = {
      description,
      ...(type ? { content: { [type]: schema ? { schema } : {} } } : {}),
    };
  }
  const shapes = errorFaces(spec).map((face) => ({ $ref: `#/components/schemas/${face.name}Error` }));
  out.default = {
    description: 'An error',
    content: { 'application/json': { schema: shapes.length === 1 ? shapes[0] : { anyOf: shapes } } },
  };
  return out;
}

function security(spec: RouteSpec): JsonSchema[] {
  const credentials = spec.auth ?? faceOf(spec).auth;
  return credentials.map((c) =>
    c === 'session' && spec.method !== 'get'
      ? { [SCHEMES.session.name]: [], csrfHeader: [] }
      : { [SCHEMES[c].name]: [] },
  );
}

/** A readable, unique operation id: `get /app/list` is `getAppList`. */
function operationId(method: string, path: string): string {
  const words = path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1));
  return `${method}${words.join('') || 'Root'}`;
}

/** The section a route is listed under: its tag, named after its face unless the tag already is. */
export function sectionOf(spec: RouteSpec): string {
  const face = faceOf(spec).name;
  return spec.tag.startsWith(face) ? spec.tag : `${face}: ${spec.tag}`;
}

/** Two `content` maps in one: a media type both describe takes either schema (`anyOf`). */
function mergedContent(first: JsonSchema | undefined, second: JsonSchema | undefined): JsonSchema {
  const content: JsonSchema = { ...first };
  for (const [type, media] of Object.entries(second ?? {}) as [string, JsonSchema][]) {
    const earlier = content[type] as JsonSchema | undefined;
    content[type] =
      earlier?.schema && media.schema && JSON.stringify(earlier.schema) !== JSON.stringify(media.schema)
        ? { ...earlier, ...media, schema: { anyOf: [earlier.schema, media.schema] } }
        : { ...earlier, ...media };
  }
  return content;
}

/**
 * Two routes on one method and path (`GET /` is the console's page for a browser and FaynoSync's listing for
 * others; `POST /upload` is FaynoSync's upload, or Fenfa's with X-Auth-Token): one operation with both bodies and
 * answers, by content type (either schema where both send one), and either's credentials.
 */
function merged(first: JsonSchema, second: JsonSchema): JsonSchema {
  const answers = { ...(first.responses as Record<string, JsonSchema>) };
  for (const [status, answer] of Object.entries(second.responses as Record<string, JsonSchema>)) {
    const content = mergedContent(answers[status]?.content as JsonSchema, answer.content as JsonSchema);
    answers[status] = { ...answers[status], ...answer, content };
  }
  const bodies = [first.requestBody, second.requestBody].filter(Boolean) as JsonSchema[];
  const requestBody =
    bodies.length === 2
      ? {
          ...bodies[0],
          content: mergedContent(bodies[0]?.content as JsonSchema, bodies[1]?.content as JsonSchema),
        }
      : bodies[0];
  return {
    ...first,
    ...(requestBody ? { requestBody } : {}),
    summary: `${first.summary} / ${second.summary}`,
    responses: answers,
    security: [first.security, second.security].some((s) => (s as JsonSchema[]).length === 0)
      ? [{}, ...(first.security as JsonSchema[]), ...(second.security as JsonSchema[])]
      : [...(first.security as JsonSchema[]), ...(second.security as JsonSchema[])],
  };
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers?: { url: string }[];
  tags: { name: string; description?: string }[];
  'x-tagGroups': { name: string; tags: string[] }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

/** The document of `routes` (every declared route by default); `version` is the server's. */
export function buildOpenApi(
  version: string,
  routes: readonly RouteSpec[] = describedRoutes(),
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const groups = new Map<string, Set<string>>();
  for (const spec of routes) {
    const section = sectionOf(spec);
    const group = groups.get(faceOf(spec).name) ?? new Set();
    group.add(section);
    groups.set(faceOf(spec).name, group);
    for (const path of specPaths(spec)) {
      const item = paths[path] ?? {};
      paths[path] = item;
      for (const method of methodsOf(spec.method)) {
        const body = requestBody(spec);
        const operation = {
          operationId: operationId(method, path),
          tags: [section],
          summary: spec.summary,
          parameters: [
            ...parameters(spec.input.params, 'path', path),
            ...parameters(spec.input.query, 'query', path),
          ],
          ...(body ? { requestBody: body } : {}),
          responses: responses(spec),
          security: security(spec),
        };
        const earlier = item[method];
        item[method] = earlier ? merged(earlier, operation) : operation;
      }
    }
  }
  const faces = Object.values(FACES).filter((f) => groups.has(f.name));
  const securitySchemes: Record<string, JsonSchema> = { csrfHeader: CSRF_SCHEME };
  for (const { name, scheme } of Object.values(SCHEMES)) securitySchemes[name] = scheme;
  const schemas: Record<string, JsonSchema> = {};
  for (const face of new Set([...faces, ...routes.flatMap(errorFaces)])) {
    schemas[`${face.name}Error`] = jsonSchema(face.error, 'output');
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Updraft',
      version,
      description:
        'Self-hosted update and distribution server: the FaynoSync-compatible API, the feeds of every updater, ' +
        'the BinDist-compatible /v1 API and the console. Generated from the route schemas.',
    },
    tags: faces.flatMap((face) =>
      [...(groups.get(face.name) ?? [])].map((name) => ({ name, description: face.description })),
    ),
    'x-tagGroups': faces.map((face) => ({ name: face.name, tags: [...(groups.get(face.name) ?? [])] })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: { schemas, securitySchemes },
  };
}
