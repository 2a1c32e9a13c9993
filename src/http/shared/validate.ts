import type { Request } from 'express';
import type { z } from 'zod';
import { invalid } from '../../core/errors.js';

/**
 * Route input as zod schemas: one spec per route and face, holding what the route reads (path parameters, query,
 * JSON body, the JSON of a multipart `data` field). Handlers parse through `routeInput`/`parseData` and get typed
 * values; a mistake becomes the face's 400 (`invalid`, which each face's error handler writes in its own shape).
 * The specs are also the face's route table, the source of the API description.
 *
 * Unknown fields are ignored (stripped), as FaynoSync and BinDist do: their clients send extra fields.
 */

export type Face = 'faynosync' | 'bindist' | 'console' | 'feeds' | 'fenfa';

export interface RouteInput {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON held by a multipart form's `data` field (FaynoSync's upload and app routes). */
  data?: z.ZodType;
  /** Request headers a route reads as input (tus uploads), by their lower-case names. */
  headers?: z.ZodType;
  /** The multipart alternative to a JSON body: the same fields as form fields, before the file part. */
  form?: z.ZodType;
  /** The file part(s) of a multipart form, for the API description (busboy streams them). */
  files?: { field: string; multiple: boolean; description: string };
  /** A body that is a file's bytes, for the API description. */
  raw?: { contentType: string; description: string };
}

/** A non-JSON answer (a redirect, a file, a page, a feed), or JSON described by `schema`. */
export interface ResponseDoc {
  description: string;
  contentType?: string;
  schema?: z.ZodType;
}

/** The answers a route gives by status: a zod schema of its JSON, or a description. */
export type RouteResponses = Partial<Record<number, z.ZodType | ResponseDoc>>;

/**
 * The credentials a route takes, any one of them: a login JWT (`/login`), a CI token (`fns_…`), the console's
 * session cookie with its CSRF header, a BinDist key, a private app's download token, an app's report key. An empty
 * list is a public route; absent, the face's usual ones (see openapi.ts).
 */
export type Credential =
  | 'login'
  | 'ciToken'
  | 'session'
  | 'bindistKey'
  | 'downloadToken'
  | 'reportKey'
  | 'fenfaToken';

export type HttpMethod = 'get' | 'head' | 'post' | 'put' | 'patch' | 'delete' | 'all';

export interface RouteSpec<I extends RouteInput = RouteInput> {
  face: Face;
  method: HttpMethod;
  /** Express path(s), as registered on the face's router (BinDist's are below /v1). */
  path: string | readonly string[];
  tag: string;
  summary: string;
  input: I;
  responses?: RouteResponses;
  auth?: readonly Credential[];
  /**
   * Other faces whose clients call the route with their own credentials (listed in `auth`) and hear its mistakes in
   * their face's error shape: the resumable uploads serve FaynoSync's and Fenfa's.
   */
  sharedWith?: readonly Face[];
}

const described: RouteSpec[] = [];

/**
 * Declares a route. Each face's schemas module declares its routes when it is loaded (the server loads them all),
 * so a face's routes reach the API description (openapi.ts) by being declared, with no list to keep.
 */
export function describeRoute<const I extends RouteInput>(spec: RouteSpec<I>): RouteSpec<I> {
  described.push(spec);
  return spec;
}

/** Every route declared so far, in declaration order. */
export function describedRoutes(): readonly RouteSpec[] {
  return described;
}

/** What each face puts before a validation message (BinDist's Joi said "Validation failed: …"). */
const PREFIX: Record<Face, string> = {
  faynosync: '',
  bindist: 'Validation failed: ',
  console: '',
  feeds: '',
  fenfa: '',
};

/**
 * The first issue as one sentence. Schemas give their own messages, naming the field; zod's generic ones get the
 * field's path in front so the caller knows what to fix.
 */
export function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const path = issue.path.map(String).join('.');
  const last = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : '';
  return path === '' || issue.message.includes(last) ? issue.message : `${path}: ${issue.message}`;
}

/** `value` through `schema`, or the face's 400. */
export function parseWith<S extends z.ZodType>(face: Face, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(`${PREFIX[face]}${issueText(result.error)}`);
  return result.data;
}

type Parsed<I extends RouteInput, K extends keyof RouteInput> = I[K] extends z.ZodType
  ? z.output<I[K]>
  : never;

/** The route's params, query, body and headers, parsed by its schemas (a part without a schema is not read). */
export function routeInput<I extends RouteInput>(
  route: RouteSpec<I>,
  req: Request,
): {
  params: Parsed<I, 'params'>;
  query: Parsed<I, 'query'>;
  body: Parsed<I, 'body'>;
  headers: Parsed<I, 'headers'>;
} {
  const { params, query, body, headers } = route.input;
  return {
    headers: (headers ? parseWith(route.face, headers, req.headers) : undefined) as Parsed<I, 'headers'>,
    params: (params ? parseWith(route.face, params, req.params) : undefined) as Parsed<I, 'params'>,
    query: (query ? parseWith(route.face, query, req.query) : undefined) as Parsed<I, 'query'>,
    // Clients send no body on some POSTs and DELETEs: that reads as an empty object.
    body: (body ? parseWith(route.face, body, req.body ?? {}) : undefined) as Parsed<I, 'body'>,
  };
}

/** The JSON of a multipart `data` field, parsed by the route's `data` schema. */
export function parseData<I extends RouteInput>(route: RouteSpec<I>, data: unknown): Parsed<I, 'data'> {
  if (!route.input.data) throw new Error(`route ${String(route.path)} has no data schema`);
  return parseWith(route.face, route.input.data, data) as Parsed<I, 'data'>;
}
