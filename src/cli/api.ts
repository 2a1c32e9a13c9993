import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type * as tus from 'tus-js-client';
import { type Answer, createUpdraftClient, dataForm, type paths } from '../../packages/client/index.js';
import { feedSegment } from '../core/feeds/feed-urls.js';
import { CliError } from './cli-error.js';

// Every request the command line sends is in this module.

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

export interface Named {
  id: string;
  name: string;
  updatedAt: string;
}

export type App = Answer<'/app/list', 'get'>['apps'][number];
export type Whoami = Answer<'/whoami', 'get'>;
export type ApiToken = Answer<'/token/list', 'get'>['tokens'][number];
export type CreatedToken = Answer<'/token/create', 'post', 201>;
export type Release = Answer<'/search', 'get'>['items'][number];
export type Explanation = Answer<'/update/{owner}/{app}/{channel}/{platform}/{arch}/explain', 'get'>;

/** The JSON of a FaynoSync multipart route's `data` field (Fenfa's form shares `/upload`, without one). */
type DataOf<P extends '/upload' | '/apps/update'> = Extract<
  paths[P]['post']['requestBody']['content']['multipart/form-data'],
  { data: unknown }
>['data'];

/** What `/upload` is told about the version besides its files. */
export type UploadData = Omit<DataOf<'/upload'>, 'uploads'>;
/** The fields of a version `/apps/update` changes. */
export type VersionChanges = Omit<DataOf<'/apps/update'>, 'id' | 'app_name' | 'version' | 'uploads'>;
type Updater = NonNullable<
  NonNullable<
    paths['/update/{owner}/{app}/{channel}/{platform}/{arch}/explain']['get']['parameters']['query']
  >['updater']
>;

export interface ReleaseFilter {
  channel?: string;
  platform?: string;
  arch?: string;
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

/**
 * tus-js-client, loaded the first time a file is sent or forgotten: every other command starts without it. Its Node
 * build has a file URL store that its type definitions leave out.
 */
async function loadTus(): Promise<typeof tus & { FileUrlStorage: new (path: string) => UrlStorage }> {
  return (await import('tus-js-client')) as never;
}

/** Where a file's unfinished upload is remembered, so that the same command run again continues it. */
export interface ResumeStore {
  /** The JSON file tus-js-client keeps the upload URLs in. */
  path: string;
  /** What the upload is for (server, app, version, placement): a file sent elsewhere starts afresh. */
  target: string;
}

/** The server's refusal: its `{"error"}` (or `{"message"}`) when it answered JSON, else the status and the text. */
function refusal(res: Response, body: unknown): ApiError {
  if (body !== null && typeof body === 'object') {
    const { error, message } = body as { error?: unknown; message?: unknown };
    const said = error ?? message;
    if (typeof said === 'string') return new ApiError(res.status, said);
  }
  // Not JSON (a proxy's page, say): openapi-fetch hands over the text as it came.
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return new ApiError(res.status, `${res.status} ${res.statusText}${text ? `: ${text.slice(0, 200)}` : ''}`);
}

function unreachable(url: string, err: unknown): ApiError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err as Error).message;
  return new ApiError(0, `the server at ${url} could not be reached (${why})`);
}

/** openapi-fetch's body for FaynoSync's multipart routes: the typed `data` as the form's `data` field. */
function asDataForm(body: object): FormData {
  return dataForm('data' in body ? body.data : undefined);
}

/**
 * The Updraft server at `url`, called with `token` (a login token or an `fns_` API token). Every request goes through
 * the typed client (packages/client), so tsc checks paths, parameters, bodies and answers against the OpenAPI
 * document; the files themselves go through tus (resumableUpload), which the typed client cannot do: openapi-fetch
 * sends a request as one body it holds, while a resumable upload streams a file in parts from the offset the server
 * has, and sends the rest again after a dropped connection.
 */
export class UpdraftApi {
  readonly #client: ReturnType<typeof createUpdraftClient>;

  constructor(
    readonly url: string,
    private readonly token: string,
  ) {
    this.#client = createUpdraftClient({
      baseUrl: url,
      ...(token ? { token } : {}),
      headers: { Accept: 'application/json' },
    });
  }

  /** Answers a login token for the user. */
  static async login(url: string, username: string, password: string): Promise<string> {
    const api = new UpdraftApi(url, '');
    return (await api.#answer(api.#client.POST('/login', { body: { username, password } }))).token;
  }

  /** The answer of a typed request, or the server's refusal, or why the server could not be reached. */
  async #answer<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
    let answer: Awaited<typeof pending>;
    try {
      answer = await pending;
    } catch (err) {
      throw unreachable(this.url, err);
    }
    if (!answer.response.ok) throw refusal(answer.response, answer.error);
    return answer.data as T;
  }

  whoami(): Promise<Whoami> {
    return this.#answer(this.#client.GET('/whoami'));
  }

  async apps(): Promise<App[]> {
    return (await this.#answer(this.#client.GET('/app/list'))).apps;
  }

  async createApp(input: { app: string; description?: string; private?: boolean }): Promise<string> {
    const body = await this.#answer(
      this.#client.POST('/app/create', { body: { data: input }, bodySerializer: asDataForm }),
    );
    return body['createAppResult.Created'];
  }

  async deleteApp(id: string): Promise<void> {
    await this.#answer(this.#client.DELETE('/app/delete', { params: { query: { id } } }));
  }

  async named(kind: NamedKind): Promise<Named[]> {
    switch (kind) {
      case 'channel':
        return (await this.#answer(this.#client.GET('/channel/list'))).channels.map((c) => ({
          id: c.ID,
          name: c.ChannelName,
          updatedAt: c.Updated_at,
        }));
      case 'platform':
        return (await this.#answer(this.#client.GET('/platform/list'))).platforms.map((p) => ({
          id: p.ID,
          name: p.PlatformName,
          updatedAt: p.Updated_at,
        }));
      case 'arch':
        return (await this.#answer(this.#client.GET('/arch/list'))).archs.map((a) => ({
          id: a.ID,
          name: a.ArchID,
          updatedAt: a.Updated_at,
        }));
    }
  }

  /** Creates a channel, platform (with its updaters) or arch; answers its id. */
  async createNamed(
    kind: NamedKind,
    name: string,
    updaters?: { type: string; default: boolean }[],
  ): Promise<string> {
    switch (kind) {
      case 'channel':
        return (await this.#answer(this.#client.POST('/channel/create', { body: { channel: name } })))[
          'createChannelResult.Created'
        ];
      case 'platform':
        return (
          await this.#answer(
            this.#client.POST('/platform/create', {
              body: { platform: name, ...(updaters ? { updaters } : {}) },
            }),
          )
        )['createPlatformResult.Created'];
      case 'arch':
        return (await this.#answer(this.#client.POST('/arch/create', { body: { arch: name } })))[
          'createArchResult.Created'
        ];
    }
  }

  async deleteNamed(kind: NamedKind, id: string): Promise<void> {
    await this.#answer(this.#client.DELETE(`/${kind}/delete`, { params: { query: { id } } }));
  }

  async tokens(): Promise<ApiToken[]> {
    return (await this.#answer(this.#client.GET('/token/list'))).tokens;
  }

  createToken(input: { name: string; allowed_apps?: string[]; expires_at?: string }): Promise<CreatedToken> {
    return this.#answer(this.#client.POST('/token/create', { body: input }));
  }

  async revokeToken(id: string): Promise<void> {
    await this.#answer(this.#client.DELETE('/token/delete', { body: { id } }));
  }

  /** Every version of the app the caller sees, newest first (all pages of `/search`). */
  async releases(app: string, filter: ReleaseFilter = {}): Promise<Release[]> {
    const items: Release[] = [];
    for (let page = 1; ; page++) {
      const query = {
        app_name: app,
        page: String(page),
        limit: '100',
        channel: filter.channel || undefined,
        platform: filter.platform || undefined,
        arch: filter.arch || undefined,
      };
      const body = await this.#answer(this.#client.GET('/search', { params: { query } }));
      items.push(...body.items);
      if (!body.items.length || items.length >= body.total) return items;
    }
  }

  /** `/apps/update`: the version named by id, app and version gets the fields sent. */
  async updateRelease(release: Release, changes: VersionChanges): Promise<void> {
    await this.#answer(
      this.#client.POST('/apps/update', {
        body: { data: { id: release.ID, app_name: release.AppName, version: release.Version, ...changes } },
        bodySerializer: asDataForm,
      }),
    );
  }

  async deleteRelease(id: string): Promise<void> {
    await this.#answer(this.#client.DELETE('/apps/delete', { params: { query: { id } } }));
  }

  /** The feed doctor of one feed folder. */
  explain(
    folder: { owner: string; app: string; channel: string; platform: string; arch: string },
    query: { version?: string; id?: string; updater?: string },
  ): Promise<Explanation> {
    const { owner, app, channel, platform, arch } = folder;
    return this.#answer(
      this.#client.GET('/update/{owner}/{app}/{channel}/{platform}/{arch}/explain', {
        params: {
          path: { owner, app, channel, platform, arch },
          query: {
            version: query.version || undefined,
            id: query.id || undefined,
            // The server refuses any other updater with a message that lists them.
            updater: (query.updater || undefined) as Updater | undefined,
          },
        },
        // An empty name travels as the feeds' `_` (feedSegment).
        pathSerializer: (path, params) =>
          path.replace(/\{(\w+)\}/g, (_, name: string) => feedSegment(String(params[name] ?? ''))),
      }),
    );
  }

  async #storage(store: ResumeStore): Promise<UrlStorage> {
    const { FileUrlStorage } = await loadTus();
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
    const urlStorage = await this.#storage(store);
    const fingerprint = await UpdraftApi.#fingerprint(file, store);
    const { Upload } = await loadTus();
    const upload = new Upload(createReadStream(file.path) as never, {
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
    const urlStorage = await this.#storage(store);
    for (const file of files) {
      const fingerprint = await UpdraftApi.#fingerprint(file, store);
      for (const previous of await urlStorage.findUploadsByFingerprint(fingerprint)) {
        await urlStorage.removeUpload(previous.urlStorageKey);
      }
    }
  }

  /** `/upload` naming finished resumable uploads instead of carrying the files. */
  async commitUploads(data: UploadData, uploads: { id: string; name: string }[]): Promise<UploadResult> {
    const body = await this.#answer(
      this.#client.POST('/upload', { body: { data: { ...data, uploads } }, bodySerializer: asDataForm }),
    );
    // POST /upload is shared with Fenfa's upload (chosen by X-Auth-Token, which this client never sends).
    if (!('uploadResult.Uploaded' in body)) throw new Error(`unexpected answer from ${this.url}/upload`);
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
