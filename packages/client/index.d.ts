import type { Client, ClientOptions } from 'openapi-fetch';
import type { paths } from './openapi.js';

export type { components, operations, paths } from './openapi.js';

export interface UpdraftClientOptions extends ClientOptions {
  /** Sent as `Authorization: Bearer <token>`: a login JWT, an `fns_` CI token or a BinDist key. */
  token?: string;
  /** The console's CSRF token, sent as X-CSRF-Token on every write (cookie sessions). */
  csrf?: () => string;
}

export function createUpdraftClient(options?: UpdraftClientOptions): Client<paths>;

/**
 * The form FaynoSync's multipart routes take (`/upload`, `/apps/update`, `/app/create`, `/app/update`): `data` as
 * JSON, then each file as a `file` part.
 */
export function dataForm(data: unknown, files?: Iterable<File>): FormData;

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON a route answers with `status` (200 unless told): `Answer<'/app/list', 'get'>`. */
export type Answer<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends { responses: infer R } ? (S extends keyof R ? JsonOf<R[S]> : never) : never;
