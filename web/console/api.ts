// The console's typed client of Updraft's HTTP API. It authenticates with the session cookie (never a token in
// page storage) and sends the CSRF token, held only in this module's memory, on every write.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrf = '';

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: string; message?: string };
    return new ApiError(res.status, body.error ?? body.message ?? `${res.status} ${res.statusText}`);
  } catch {
    return new ApiError(res.status, `${res.status} ${res.statusText}`);
  }
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

/** A multipart body as FaynoSync's routes take it: `data` JSON, then the files as `file` parts. */
export function dataForm(data: unknown, files: Iterable<File> = []): FormData {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const file of files) form.append('file', file, file.name);
  return form;
}

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

export interface Permissions {
  Apps: Record<'Create' | 'Delete' | 'Edit' | 'Download' | 'Upload', boolean> & { Allowed: string[] };
  Channels: Record<'Create' | 'Delete' | 'Edit', boolean> & { Allowed: string[] };
  Platforms: Record<'Create' | 'Delete' | 'Edit', boolean> & { Allowed: string[] };
  Archs: Record<'Create' | 'Delete' | 'Edit', boolean> & { Allowed: string[] };
}

export interface Me {
  id: string;
  username: string;
  is_admin: boolean;
  owner?: string;
  permissions?: Permissions;
}

export interface App {
  ID: string;
  AppName: string;
  Logo: string;
  Private: boolean;
  Tuf: boolean;
  CdnEdge: boolean;
  Reports: boolean;
  Description: string;
  Owner: string;
}

export interface Channel {
  ID: string;
  ChannelName: string;
}
export interface Updater {
  type: string;
  default: boolean;
}
export interface Platform {
  ID: string;
  PlatformName: string;
  Updaters: Updater[];
}
export interface Arch {
  ID: string;
  ArchID: string;
}

export interface Artifact {
  id: string;
  link: string;
  platform: string;
  arch: string;
  package: string;
  file_name: string;
  size: number;
  sha256: string;
}

export interface Release {
  ID: string;
  AppName: string;
  Version: string;
  Channel: string;
  Published: boolean;
  Critical: boolean;
  Intermediate: boolean;
  Artifacts: Artifact[];
  Changelog: { Version: string; Changes: string; Date: string }[];
  RolloutPercent: number;
}

export interface Explanation {
  feed: { base: string };
  versions: { version: string; channel: string | null; eligible: boolean; reason: string; files: string[] }[];
  feeds: { updater: string; path: string; status: number; offers: string | null; reason: string }[];
  sentence: string;
}

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

export const me = () => call<Me>('GET', '/whoami');
export const apps = async () => (await call<{ apps: App[] }>('GET', '/app/list')).apps;
export const channels = async () => (await call<{ channels: Channel[] }>('GET', '/channel/list')).channels;
export const platforms = async () =>
  (await call<{ platforms: Platform[] }>('GET', '/platform/list')).platforms;
export const archs = async () => (await call<{ archs: Arch[] }>('GET', '/arch/list')).archs;
export async function releases(app: string): Promise<Release[]> {
  const q = new URLSearchParams({ app_name: app, limit: '100' });
  return (await call<{ items: Release[] }>('GET', `/search?${q}`)).items;
}

interface DayFigures {
  total_requests: number;
  unique_clients: number;
  clients_using_latest_version: number;
  clients_outdated: number;
}

/** FaynoSync's telemetry document, as `GET /telemetry` answers it. */
export interface Telemetry {
  date: string;
  date_range: string[];
  summary: DayFigures & { total_active_apps: number };
  versions: {
    used_versions_count: number;
    known_versions: string[];
    usage: { version: string; client_count: number }[];
  };
  platforms: { platform: string; client_count: number }[];
  architectures: { arch: string; client_count: number }[];
  channels: { channel: string; client_count: number }[];
  daily_stats: (DayFigures & { date: string })[];
}

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
