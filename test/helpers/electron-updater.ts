import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { type ClientRequest, createServer, get, type IncomingMessage, request, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  configureRequestOptions,
  configureRequestUrl,
  type DownloadOptions,
  HttpExecutor,
} from 'builder-util-runtime';
import { AppImageUpdater, type AppUpdater, MacUpdater, NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import { createTestApp, type TestApp } from './app.js';
import { feedTenant, publisher, rolloutSeedOf } from './feeds.js';
import type { UploadFile } from './releases.js';

/**
 * The real electron-updater classes in plain Node, against a real Updraft listening on a loopback port. What
 * Electron would provide is replaced by the smallest Node equivalent: an app adapter, an HTTP executor on
 * `node:http` (Electron's uses `net.request`), and for MacUpdater only, Electron's native `autoUpdater`
 * (Squirrel.Mac), emulated by fetching what MacUpdater's proxy hands it, as Squirrel.Mac does.
 */

/** builder-util-runtime's executor on node:http, with the `download` electron-updater calls on its executor. */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  /**
   * One connection per request, as each of Electron's `net` requests is independent: on Node's keep-alive agent the
   * executor's per-request timeout listeners would pile up on the reused sockets.
   */
  override createRequest(options: object, callback: (response: IncomingMessage) => void): ClientRequest {
    return request({ ...options, agent: false }, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

/** One request the server answered: what the client sent and how many body bytes went back. */
export interface Exchange {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  status: number;
  bytes: number;
}

/** A whole Updraft on a loopback port, its API_URL pointing at that port, logging every exchange. */
export interface FeedServer {
  t: TestApp;
  origin: string;
  exchanges: Exchange[];
  /** The body bytes sent for requests whose path starts with `prefix` since `from` (an index into exchanges). */
  bytesServed(prefix: string, from?: number): number;
  close(): Promise<void>;
}

export async function startFeedServer(env: Record<string, string> = {}): Promise<FeedServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const t = await createTestApp({ API_URL: origin, ...env });
  const exchanges: Exchange[] = [];
  server.on('request', (req, res) => {
    const exchange: Exchange = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      status: 0,
      bytes: 0,
    };
    exchanges.push(exchange);
    const count = (chunk: unknown) => {
      if (typeof chunk === 'string') exchange.bytes += Buffer.byteLength(chunk);
      else if (chunk instanceof Uint8Array) exchange.bytes += chunk.length;
    };
    const { write, end } = res;
    res.write = function (this: typeof res, chunk: unknown, ...rest: unknown[]) {
      count(chunk);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: typeof res, chunk?: unknown, ...rest: unknown[]) {
      if (typeof chunk !== 'function') count(chunk);
      exchange.status = res.statusCode;
      return (end as (...args: unknown[]) => typeof res).call(this, chunk, ...rest);
    } as typeof res.end;
    t.app(req, res);
  });
  return {
    t,
    origin,
    exchanges,
    bytesServed(prefix, from = 0) {
      return exchanges
        .slice(from)
        .filter((e) => e.url.startsWith(prefix))
        .reduce((sum, e) => sum + e.bytes, 0);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

/** What an app built by electron-builder gives the updater: its version, name and folders. */
class TestAppAdapter implements AppAdapter {
  readonly isPackaged = true;
  private readonly quitHandlers: ((exitCode: number) => void)[] = [];

  constructor(
    readonly version: string,
    readonly name: string,
    readonly appUpdateConfigPath: string,
    readonly userDataPath: string,
    readonly baseCachePath: string,
  ) {}

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  relaunch(): void {}

  quit(): void {}

  onQuit(handler: (exitCode: number) => void): void {
    this.quitHandlers.push(handler);
  }
}

/** The updater fields electron-updater keeps internal (its own tests set them the same way). */
interface UpdaterInternals {
  httpExecutor: HttpExecutor<ClientRequest>;
  _testOnlyOptions: { platform: NodeJS.Platform; isUseDifferentialDownload?: boolean } | null;
}

export type UpdaterKind = 'nsis' | 'mac' | 'appimage';

const PLATFORM: Record<UpdaterKind, NodeJS.Platform> = { nsis: 'win32', mac: 'darwin', appimage: 'linux' };

/** The cache folder name electron-builder writes into app-update.yml (`updaterCacheDirName`). */
export const CACHE_DIR_NAME = 'feeds-lab-updater';

export interface UpdaterOptions {
  /** The generic provider's url: the feed folder, optionally with `?version=`. */
  feedUrl: string;
  /** The running app's version. */
  version: string;
  /** A fresh folder for this install: user data (the staging id) and caches live under it. */
  dir: string;
  /** The install's staging id, written where electron-updater keeps it (`<userData>/.updaterId`). */
  stagingId?: string;
  /** Lets the NSIS updater try a differential download (it needs the old installer in the cache). */
  differential?: boolean;
}

export interface TestUpdater<U extends AppUpdater> {
  updater: U;
  /** `<baseCachePath>/<updaterCacheDirName>`: where NSIS keeps `installer.exe` and downloads go to `pending/`. */
  cacheDir: string;
  /** What electron-updater logged, for failure messages and checks such as "fell back to a full download". */
  log: string[];
}

/**
 * A real electron-updater updater for one simulated install. The platform is forced the way electron-builder's own
 * tests do (`_testOnlyOptions`): it only decides which channel file the provider asks for (`.yml`, `-mac.yml`,
 * `-linux.yml`) and, for NSIS, whether a differential download is attempted (then any failure of it is thrown
 * rather than silently replaced by a full download, which is what a test wants to see).
 */
export function newUpdater(kind: 'nsis', options: UpdaterOptions): TestUpdater<NsisUpdater>;
export function newUpdater(kind: 'mac', options: UpdaterOptions): TestUpdater<MacUpdater>;
export function newUpdater(kind: 'appimage', options: UpdaterOptions): TestUpdater<AppImageUpdater>;
export function newUpdater(kind: UpdaterKind, options: UpdaterOptions): TestUpdater<AppUpdater> {
  const userData = join(options.dir, 'user-data');
  const baseCache = join(options.dir, 'cache');
  mkdirSync(userData, { recursive: true });
  mkdirSync(baseCache, { recursive: true });
  const configPath = join(options.dir, 'app-update.yml');
  writeFileSync(
    configPath,
    `provider: generic\nurl: ${JSON.stringify(options.feedUrl)}\nupdaterCacheDirName: ${CACHE_DIR_NAME}\n`,
  );
  if (options.stagingId) writeFileSync(join(userData, '.updaterId'), options.stagingId);
  const adapter = new TestAppAdapter(options.version, 'Feeds Lab', configPath, userData, baseCache);
  if (kind === 'mac') installElectronStub();
  const Updater = { nsis: NsisUpdater, mac: MacUpdater, appimage: AppImageUpdater }[kind];
  const updater = new Updater(undefined, adapter);
  const log: string[] = [];
  const line =
    (level: string) =>
    (...args: unknown[]) =>
      log.push(`${level}: ${args.map(String).join(' ')}`);
  updater.logger = { info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug') };
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = kind === 'mac';
  // The error event has a default listener that logs; keep it from being an unhandled 'error' emit.
  updater.on('error', () => {});
  const internals = updater as unknown as UpdaterInternals;
  internals.httpExecutor = new NodeHttpExecutor();
  internals._testOnlyOptions = {
    platform: PLATFORM[kind],
    isUseDifferentialDownload: !!options.differential,
  };
  // After _testOnlyOptions: the provider takes the platform when it is created.
  updater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  return { updater, cacheDir: join(baseCache, CACHE_DIR_NAME), log };
}

/**
 * Electron's `autoUpdater` on macOS, for MacUpdater: after its own download, MacUpdater serves the zip on a
 * loopback proxy and calls `setFeedURL` + `checkForUpdates` here. Like Squirrel.Mac, this GETs the feed URL with the
 * given headers, takes `url` from the JSON, downloads it (Node rejects a body shorter than its Content-Length,
 * which MacUpdater takes from `files[].size` in the channel file) and emits `update-downloaded`.
 */
export class SquirrelMacStub extends EventEmitter {
  private feed: { url: string; headers: Record<string, string> } | undefined;
  /** The zip bytes Squirrel.Mac received from the last hand-off. */
  received: Buffer | undefined;

  setFeedURL(options: { url: string; headers: Record<string, string> }): void {
    this.feed = options;
  }

  checkForUpdates(): void {
    const feed = this.feed;
    if (!feed) {
      this.emit('error', new Error('checkForUpdates before setFeedURL'));
      return;
    }
    fetchBody(feed.url, { Accept: 'application/json', ...feed.headers })
      .then((body) => {
        const { url } = JSON.parse(body.toString('utf8')) as { url: string };
        return fetchBody(url, { Accept: 'application/zip' });
      })
      .then((zip) => {
        this.received = zip;
        this.emit('update-downloaded');
      })
      .catch((err: unknown) => this.emit('error', err));
  }

  quitAndInstall(): void {}
}

export const squirrelMac = new SquirrelMacStub();

function fetchBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if ((res.statusCode ?? 0) >= 300) reject(new Error(`${url}: HTTP ${res.statusCode}`));
        else resolve(Buffer.concat(chunks));
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

let stubInstalled = false;

/** Makes `require("electron")` (MacUpdater's constructor) resolve to `{ autoUpdater: squirrelMac }`. */
function installElectronStub(): void {
  if (stubInstalled) return;
  stubInstalled = true;
  const require = createRequire(import.meta.url);
  const Module = require('node:module') as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const id = fileURLToPath(new URL('./__electron_stub__.js', import.meta.url));
  const resolve = Module._resolveFilename;
  Module._resolveFilename = (name: string, ...rest: unknown[]) =>
    name === 'electron' ? id : resolve(name, ...rest);
  Module._cache[id] = { id, filename: id, loaded: true, exports: { autoUpdater: squirrelMac } };
}

/** A tenant with the catalog the feed tests publish into. */
export interface FeedsLab {
  owner: string;
  token: string;
  /** The feed folder URL of an app's line (no trailing slash). */
  feedUrl(app: string, channel?: string, platform?: string, arch?: string): string;
  /** Uploads and publishes one version's files (on stable/windows/x64 unless `data` says otherwise); returns its id. */
  publish(app: string, version: string, files: UploadFile[], data?: Record<string, unknown>): Promise<string>;
  /** The rollout seed FaynoSync's bucket uses for that version. */
  seedOf(app: string, version: string): Promise<string>;
}

export const CHANNELS = ['stable', 'beta'] as const;
export const PLATFORMS = ['windows', 'macos', 'linux'] as const;

/** Signs up an admin and creates the apps, the stable and beta channels, three platforms and the x64 arch. */
export async function feedsLab(server: FeedServer, apps: readonly string[]): Promise<FeedsLab> {
  const { owner, token } = await feedTenant(server.t, {
    apps,
    channels: CHANNELS,
    platforms: Object.fromEntries(PLATFORMS.map((name) => [name, []])),
    archs: ['x64'],
  });
  const publish = publisher(server.t, token, { channel: 'stable', platform: 'windows', arch: 'x64' });
  return {
    owner,
    token,
    feedUrl: (name, channel = 'stable', platform = 'windows', arch = 'x64') =>
      `${server.origin}/update/${[owner, name, channel, platform, arch].map(encodeURIComponent).join('/')}`,
    publish: (name, version, files, data = {}) => publish(version, files, { app_name: name, ...data }),
    seedOf: (name, version) => rolloutSeedOf(server.t, version, { owner, app: name }),
  };
}
