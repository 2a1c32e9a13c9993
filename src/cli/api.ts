import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as tus from 'tus-js-client';
import { feedSegment } from '../core/feeds/feed-urls.js';
import { CliError } from './cli-error.js';

// Every request the command line sends is in this module, so that moving to the client generated from the OpenAPI
// document changes this file alone.

/** Resumable uploads go in parts of this size: an interrupted part is sent again from the server's offset. */
const RESUMABLE_CHUNK_BYTES = 8 * 1024 * 1024;

/** A refusal by the server (4xx, 5xx) with its own message, or a server that could not be reached (status 0). */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** Worth sending again: the server or the network failed, not the request. */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export type NamedKind = 'channel' | 'platform' | 'arch';

/** The list key and the name field of each kind in FaynoSync's answers. */
const NAMED: Record<NamedKind, { list: string; name: string }> = {
  channel: { list: 'channels', name: 'ChannelName' },
  platform: { list: 'platforms', name: 'PlatformName' },
  arch: { list: 'archs', name: 'ArchID' },
};

export interface Named {
  id: string;
  name: string;
  updatedAt: string;
}

export interface App {
  ID: string;
  AppName: string;
  Private: boolean;
  Description: string;
  Owner: string;
  Updated_at: string;
}

export interface Whoami {
  id: string;
  username: string;
  is_admin: boolean;
  owner?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  token_prefix: string;
  allowed_apps: string[];
  expires_at?: string | null;
  created_at: string;
  last_used_at?: string;
}

export interface CreatedToken extends ApiToken {
  token: string;
}

export interface ReleaseArtifact {
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
  RolloutPercent: number;
  Artifacts: ReleaseArtifact[];
  Changelog: { Version: string; Changes: string; Date: string }[];
  Updated_at: string;
}

export interface ReleaseFilter {
  channel?: string;
  platform?: string;
  arch?: string;
}

export interface Explanation {
  sentence: string;
  feeds: { updater: string; path: string; status: number | string; offers?: string | null; reason: string }[];
}

/** A file of a release: where it is on disk and how many bytes it has. */
export interface LocalFile {
  path: string;
  size: number;
}

/** What `/upload` stored: the version and, per file, the hash the server computed while it received the bytes. */
export interface UploadResult {
  id: string;
  artifacts: { file_name: string; size: number; sha256: string }[];
}

type UrlStorage = NonNullable<tus.Upload['options']['urlStorage']>;

// tus-js-client's Node build has a file URL store that its type definitions leave out.
const { FileUrlStorage } = tus as unknown as { FileUrlStorage: new (path: string) => UrlStorage };

/** Where a file's unfinished upload is remembered, so that the same command run again continues it. */
export interface ResumeStore {
  /** The JSON file tus-js-client keeps the upload URLs in. */
  path: string;
  /** What the upload is for (server, app, version, placement): a file sent elsewhere starts afresh. */
  target: string;
}

async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const message = body.error ?? body.message;
    if (typeof message === 'string') return new ApiError(res.status, message);
  } catch {
    // Not JSON: a proxy's page, say.
  }
  return new ApiError(res.status, `${res.status} ${res.statusText}${text ? `: ${text.slice(0, 200)}` : ''}`);
}

function unreachable(url: string, err: unknown): ApiError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err as Error).message;
  return new ApiError(0, `the server at ${url} could not be reached (${why})`);
}

/** The Updraft server at `url`, called with `token` (a login token or an `fns_` API token). */
export class UpdraftApi {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  /** Answers a login token for the user. */
  static async login(url: string, username: string, password: string): Promise<string> {
    const body = await new UpdraftApi(url, '').#json<{ token: string }>('POST', '/login', {
      username,
      password,
    });
    return body.token;
  }

  async #send(method: string, path: string, body?: string | FormData, type?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (type) headers['Content-Type'] = type;
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, { method, headers, body: body ?? null });
    } catch (err) {
      throw unreachable(this.url, err);
    }
    if (!res.ok) throw await errorOf(res);
    return res;
  }

  async #json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.#send(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? undefined : 'application/json',
    );
    return (await res.json()) as T;
  }

  /** FaynoSync's multipart write routes without files: the JSON in a `data` field. */
  async #dataForm<T>(path: string, data: unknown): Promise<T> {
    const form = new FormData();
    form.append('data', JSON.stringify(data));
    return (await (await this.#send('POST', path, form)).json()) as T;
  }

  whoami(): Promise<Whoami> {
    return this.#json('GET', '/whoami');
  }

  async apps(): Promise<App[]> {
    return (await this.#json<{ apps: App[] | null }>('GET', '/app/list')).apps ?? [];
  }

  async createApp(input: { app: string; description?: string; private?: boolean }): Promise<string> {
    const body = await this.#dataForm<Record<string, string>>('/app/create', input);
    return body['createAppResult.Created'] ?? '';
  }

  async deleteApp(id: string): Promise<void> {
    await this.#json('DELETE', `/app/delete?id=${encodeURIComponent(id)}`);
  }

  async named(kind: NamedKind): Promise<Named[]> {
    const { list, name } = NAMED[kind];
    const body = await this.#json<Record<string, Record<string, string>[] | null>>('GET', `/${kind}/list`);
    return (body[list] ?? []).map((item) => ({
      id: item.ID ?? '',
      name: item[name] ?? '',
      updatedAt: item.Updated_at ?? '',
    }));
  }

  async createNamed(
    kind: NamedKind,
    name: string,
    updaters?: { type: string; default: boolean }[],
  ): Promise<string> {
    const body = await this.#json<Record<string, string>>('POST', `/${kind}/create`, {
      [kind]: name,
      ...(updaters ? { updaters } : {}),
    });
    return Object.values(body)[0] ?? '';
  }

  async deleteNamed(kind: NamedKind, id: string): Promise<void> {
    await this.#json('DELETE', `/${kind}/delete?id=${encodeURIComponent(id)}`);
  }

  async tokens(): Promise<ApiToken[]> {
    return (await this.#json<{ tokens: ApiToken[] | null }>('GET', '/token/list')).tokens ?? [];
  }

  createToken(input: { name: string; allowed_apps?: string[]; expires_at?: string }): Promise<CreatedToken> {
    return this.#json('POST', '/token/create', input);
  }

  async revokeToken(id: string): Promise<void> {
    await this.#json('DELETE', '/token/delete', { id });
  }

  /** Every version of the app the caller sees, newest first (all pages of `/search`). */
  async releases(app: string, filter: ReleaseFilter = {}): Promise<Release[]> {
    const items: Release[] = [];
    for (let page = 1; ; page++) {
      const query = new URLSearchParams({ app_name: app, page: String(page), limit: '100' });
      for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
      const body = await this.#json<{ items: Release[] | null; total: number }>('GET', `/search?${query}`);
      items.push(...(body.items ?? []));
      if (!body.items?.length || items.length >= body.total) return items;
    }
  }

  /** `/apps/update`: the version named by id, app and version gets the fields sent. */
  async updateRelease(release: Release, changes: Record<string, unknown>): Promise<void> {
    await this.#dataForm('/apps/update', {
      id: release.ID,
      app_name: release.AppName,
      version: release.Version,
      ...changes,
    });
  }

  async deleteRelease(id: string): Promise<void> {
    await this.#json('DELETE', `/apps/delete?id=${encodeURIComponent(id)}`);
  }

  /** The feed doctor of one feed folder. */
  explain(
    folder: { owner: string; app: string; channel: string; platform: string; arch: string },
    query: { version?: string; id?: string; updater?: string },
  ): Promise<Explanation> {
    const path = [folder.owner, folder.app, folder.channel, folder.platform, folder.arch]
      .map(feedSegment)
      .join('/');
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) q.set(key, value);
    return this.#json('GET', `/update/${path}/explain${q.size ? `?${q}` : ''}`);
  }

  #storage(store: ResumeStore): UrlStorage {
    mkdirSync(dirname(store.path), { recursive: true, mode: 0o700 });
    // The store locks this file while it writes, so it must exist first.
    if (!existsSync(store.path)) writeFileSync(store.path, '{}\n', { mode: 0o600 });
    return new FileUrlStorage(store.path);
  }

  static async #fingerprint(file: LocalFile, store: ResumeStore): Promise<string> {
    const info = await stat(file.path);
    const key = JSON.stringify([store.target, file.path, info.size, info.mtimeMs]);
    return createHash('sha256').update(key).digest('hex');
  }

  /**
   * Sends one file through tus, continuing an upload of the same file to the same target that an earlier run left
   * unfinished; answers the upload's id. tus-js-client retries with `retryDelays`, from the offset the server has.
   */
  async resumableUpload(
    file: LocalFile,
    store: ResumeStore,
    options: { retryDelays: number[]; onProgress: (sent: number) => void; onRetry: (why: string) => void },
  ): Promise<string> {
    const urlStorage = this.#storage(store);
    const fingerprint = await UpdraftApi.#fingerprint(file, store);
    const upload = new tus.Upload(createReadStream(file.path) as never, {
      endpoint: `${this.url}/uploads`,
      headers: { Authorization: `Bearer ${this.token}` },
      metadata: { filename: basename(file.path) },
      uploadSize: file.size,
      chunkSize: RESUMABLE_CHUNK_BYTES,
      retryDelays: options.retryDelays,
      urlStorage,
      fingerprint: async () => fingerprint,
      // Kept until the release is committed: forgetResumableUploads() removes it then.
      removeFingerprintOnSuccess: false,
      onProgress: (sent) => options.onProgress(sent),
      onShouldRetry: (err, attempt) => {
        const status = err.originalResponse?.getStatus() ?? 0;
        const retry = status === 0 || status === 408 || status === 409 || status === 423 || status >= 500;
        if (retry && attempt < options.retryDelays.length) options.onRetry(tusMessage(err, this.url));
        return retry;
      },
    });
    const previous = await upload.findPreviousUploads();
    const last = previous.at(-1);
    if (last) upload.resumeFromPreviousUpload(last);
    await new Promise<void>((resolve, reject) => {
      upload.options.onSuccess = () => resolve();
      upload.options.onError = (err) => reject(tusError(err, this.url));
      upload.start();
    });
    const id = new URL(upload.url ?? '', this.url).pathname.split('/').pop();
    if (!id) throw new ApiError(0, `the server gave no upload URL for ${basename(file.path)}`);
    return decodeURIComponent(id);
  }

  /** Forgets the finished uploads of these files once the release that took them is committed. */
  async forgetResumableUploads(files: readonly LocalFile[], store: ResumeStore): Promise<void> {
    const urlStorage = this.#storage(store);
    for (const file of files) {
      const fingerprint = await UpdraftApi.#fingerprint(file, store);
      for (const previous of await urlStorage.findUploadsByFingerprint(fingerprint)) {
        await urlStorage.removeUpload(previous.urlStorageKey);
      }
    }
  }

  /** `/upload` naming finished resumable uploads instead of carrying the files. */
  async commitUploads(
    data: Record<string, unknown>,
    uploads: { id: string; name: string }[],
  ): Promise<UploadResult> {
    const body = await this.#dataForm<{
      'uploadResult.Uploaded': string;
      artifacts?: UploadResult['artifacts'];
    }>('/upload', { ...data, uploads });
    return { id: body['uploadResult.Uploaded'], artifacts: body.artifacts ?? [] };
  }
}

/** What a failed tus request says: the server's `{"error"}` when it answered, else why it could not be reached. */
function tusMessage(err: Error, url: string): string {
  const res = (err as tus.DetailedError).originalResponse;
  if (!res) {
    const cause = (err as tus.DetailedError).causingError;
    return `the server at ${url} could not be reached (${cause?.message ?? err.message})`;
  }
  try {
    const body = JSON.parse(res.getBody()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON.
  }
  return `${res.getStatus()} ${res.getBody().slice(0, 200)}`.trim();
}

function tusError(err: Error, url: string): ApiError {
  const status = (err as tus.DetailedError).originalResponse?.getStatus() ?? 0;
  return new ApiError(status, tusMessage(err, url));
}
