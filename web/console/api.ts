// The console's typed client of Updraft's HTTP API (the types and the reads come from packages/client, generated
// from the OpenAPI document). It authenticates with the session cookie (never a token in page storage) and sends the
// CSRF token, held only in this module's memory, on every write.
import { type Answer, createUpdraftClient } from '../../packages/client/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrf = '';

function errorFrom(res: Response, body: unknown): ApiError {
  const { error, message } = (body ?? {}) as { error?: string | { message?: string }; message?: string };
  // Fenfa's envelope nests its message: `{ok: false, error: {code, message}}`.
  const text = typeof error === 'object' ? error.message : error;
  return new ApiError(res.status, text ?? message ?? `${res.status} ${res.statusText}`);
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    return errorFrom(res, await res.json());
  } catch {
    return errorFrom(res, undefined);
  }
}

const client = createUpdraftClient({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  csrf: () => csrf,
});

/** A typed read's answer, or its error as an ApiError. */
async function read<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw errorFrom(response, error);
  return data as T;
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

export { dataForm } from '../../packages/client/index.js';

export interface Upload {
  done: Promise<unknown>;
  cancel(): void;
}

/** An upload through XMLHttpRequest, the one browser API that reports upload progress. */
export function upload(
  path: string,
  form: FormData,
  onProgress: (sent: number, total: number) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise((resolve, reject) => {
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => {
      let body: { error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body.error ?? `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => reject(new ApiError(0, 'the upload failed: the server could not be reached'));
    xhr.onabort = () => reject(new ApiError(0, 'upload cancelled'));
  });
  xhr.open('POST', path);
  xhr.setRequestHeader('X-CSRF-Token', csrf);
  xhr.send(form);
  return { done, cancel: () => xhr.abort() };
}

type Me0 = Answer<'/whoami', 'get'>;
/** The caller: an admin, or a team user with its owner and permissions. */
export type Me = Omit<Me0, 'is_admin'> & { is_admin: boolean; owner?: string; permissions?: Permissions };
export type Permissions = Answer<'/users/list', 'get'>['users'][number]['permissions'];
export type App = Answer<'/app/list', 'get'>['apps'][number];
export type Channel = Answer<'/channel/list', 'get'>['channels'][number];
export type Platform = Answer<'/platform/list', 'get'>['platforms'][number];
export type Updater = Platform['Updaters'][number];
export type Arch = Answer<'/arch/list', 'get'>['archs'][number];
export type Release = Answer<'/search', 'get'>['items'][number];
export type Artifact = Release['Artifacts'][number];

export interface Explanation {
  feed: { base: string };
  versions: { version: string; channel: string | null; eligible: boolean; reason: string; files: string[] }[];
  feeds: { updater: string; path: string; status: number; offers: string | null; reason: string }[];
  sentence: string;
}

/** A call to Fenfa's admin API with the console's session; Fenfa answers `{ok: true, data}`. */
export async function fenfa<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await call<{ data: T }>(method, `/admin/api${path}`, body)).data;
}

type FenfaData<A> = A extends { data: infer D } ? D : never;
export type FenfaToken = FenfaData<Answer<'/admin/api/tokens', 'get'>>['items'][number];
export type NewFenfaToken = FenfaData<Answer<'/admin/api/tokens', 'post', 201>>;

export async function signIn(username: string, password: string): Promise<void> {
  const res = await call<{ csrf: string }>('POST', '/console/session', { username, password });
  csrf = res.csrf;
}

/** The session a reload finds in the cookie, if any. */
export async function resume(): Promise<boolean> {
  try {
    csrf = (await call<{ csrf: string }>('GET', '/console/session')).csrf;
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return false;
    throw err;
  }
}

export async function signOut(): Promise<void> {
  await call('DELETE', '/console/session');
  csrf = '';
}

export const me = (): Promise<Me> => read(client.GET('/whoami'));
export const apps = async () => (await read(client.GET('/app/list'))).apps;
export const channels = async () => (await read(client.GET('/channel/list'))).channels;
export const platforms = async () => (await read(client.GET('/platform/list'))).platforms;
export const archs = async () => (await read(client.GET('/arch/list'))).archs;
export async function releases(app: string): Promise<Release[]> {
  return (await read(client.GET('/search', { params: { query: { app_name: app, limit: '100' } } }))).items;
}

/** FaynoSync's telemetry document, as `GET /telemetry` answers it. */
export type Telemetry = Answer<'/telemetry', 'get'>;

/** The report's query: a day or a range (`week`, `month`), and filters that each name one value or none. */
export interface TelemetryQuery {
  date?: string;
  range?: 'week' | 'month';
  apps?: string;
  channels?: string;
  platforms?: string;
  architectures?: string;
}

export function telemetry(query: TelemetryQuery): Promise<Telemetry> {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) q.set(key, value);
  return call<Telemetry>('GET', `/telemetry?${q}`);
}

/**
 * A call to the BinDist-compatible `/v1` API with the tenant's admin key, which the customers screen holds only in
 * its memory. `/v1` answers in BinDist's envelope; its error message is the one shown.
 */
export async function bindist<T>(key: string, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${key}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
  });
  let envelope: { data?: T; error?: { message?: string }; message?: string } = {};
  try {
    envelope = await res.json();
  } catch {}
  if (!res.ok) {
    const message = envelope.error?.message ?? envelope.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message);
  }
  return envelope.data as T;
}

export interface Customer {
  customerId: string;
  name: string;
  tier: string | null;
  isActive: boolean;
}

export interface CustomerApp {
  applicationId: string;
  name: string;
  customers: { customerId: string; name: string }[];
}

export interface ShareLink {
  shareLinkId: string;
  tokenPrefix: string;
  applicationId: string;
  version: string;
  customerId: string;
  createdAt: string;
  expiresAt: string;
}

/** `GET /v1/applications/{id}/stats` as the admin key sees it: every customer's downloads. */
export interface AppStats {
  applicationId: string;
  totalDownloads: number;
  uniqueCustomers: number;
  downloadsByVersion: Record<string, number>;
  downloadsByDate: Record<string, number>;
  recentDownloads: { downloadedAt: string; version: string; customerId: string }[];
}

/** One row of `GET /v1/activity`. */
export interface Activity {
  type: 'upload' | 'download';
  id: string;
  applicationId: string;
  version: string;
  fileName: string | null;
  customerId: string;
  customerName: string | null;
  timestamp: string;
  uploadMethod?: string;
  downloadSource?: string;
}

export interface ActivityPage {
  activities: Activity[];
  pagination: { hasMore: boolean; nextCursor: string | null };
}

/** A crash/event report group, as FaynoSync's `GET /reports/groups` lists it. */
export interface ReportGroup {
  id: string;
  group_hash: string;
  app_id: string;
  application: { name: string; version: string; channel: string };
  system: { platform: string; arch: string };
  event: { type: string; reason: string };
  stats: {
    count: number;
    first_seen: string;
    last_seen: string;
    details_stored: number;
    details_rejected: number;
  };
  status: 'open' | 'resolved' | 'muted';
  tags?: string[];
  note?: string;
  resolved_at?: string;
  resolved_by?: string;
}

/** One stored detail of a group: gzip-compressed JSON behind a signed URL that works for 15 minutes. */
export interface ReportBlob {
  id: string;
  storage: { compressed_size: number; decompressed_size: number };
  created_at: string;
  expires_at: string;
  url: string;
}

interface PageEventCounts {
  visits: number;
  downloads: number;
}

/** `GET /console/page-events`: the public download page's visits and download clicks. */
export interface PageEventReport {
  app: string;
  from: string;
  to: string;
  totals: PageEventCounts;
  days: (PageEventCounts & { day: string })[];
  platforms: (PageEventCounts & { platform: string })[];
}
