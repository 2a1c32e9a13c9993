import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { setVelopackLogger, type UpdateInfo, UpdateManager, type UpdateOptions } from 'velopack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VelopackAsset } from '../../src/core/feeds/velopack.js';
import { type FeedServer, startFeedServer } from '../helpers/electron-updater.js';
import { deviceWhere, feedTenant, type Publish, publisher, rolloutSeedOf } from '../helpers/feeds.js';
import { createApp, type UploadFile } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

/**
 * Velopack's own client (the `velopack` npm package, 0.0.1053: its Rust core as a Node addon) checks for and
 * downloads updates from the feed of a real Updraft on a loopback port. The client is given an installed app through
 * an explicit locator (a folder with the app's manifest and a packages folder), as Velopack's own tests do.
 */

const APP = 'FeedsLab';
let server: FeedServer;
let owner: string;
let token: string;
/** Publishes to stable/linux/x64 of FeedsLab unless the fields say otherwise. */
let publish: Publish;
const scratch = mkdtempSync(join(tmpdir(), 'updraft-velopack-'));
const logs: string[] = [];

// ---- nupkg: a zip (stored entries) with the manifest Velopack packs -------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive whose entries are stored (method 0), which every zip reader accepts. */
function zip(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The manifest vpk writes into a package, and that an installed app keeps as `current/sq.version`. */
function nuspec(id: string, version: string, channel: string): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<package xmlns="http://schemas.microsoft.com/packaging/2010/07/nuspec.xsd">',
    '  <metadata>',
    `    <id>${id}</id>`,
    `    <title>${id}</title>`,
    `    <description>${id}</description>`,
    '    <authors>Updraft tests</authors>',
    `    <version>${version}</version>`,
    `    <channel>${channel}</channel>`,
    `    <mainExe>${id}</mainExe>`,
    '  </metadata>',
    '</package>',
    '',
  ].join('\n');
}

function nupkg(id: string, version: string, kind: 'full' | 'delta', channel = 'linux'): UploadFile {
  const content = zip({
    [`${id}.nuspec`]: Buffer.from(nuspec(id, version, channel)),
    [`lib/app/${id}`]: randomBytes(kind === 'full' ? 6000 : 900),
  });
  return { name: `${id}-${version}-${kind}.nupkg`, content };
}

// ---- the client ---------------------------------------------------------------------------------------------

interface Installed {
  manager: UpdateManager;
  packages: string;
}

/** An installed app at `version` (its manifest names `channel`), updating from `url`. */
function installed(url: string, version: string, options: Partial<UpdateOptions> = {}, id = APP): Installed {
  const root = mkdtempSync(join(scratch, 'app-'));
  const current = join(root, 'current');
  const packages = join(root, 'packages');
  mkdirSync(current);
  mkdirSync(packages);
  const manifest = join(current, 'sq.version');
  writeFileSync(manifest, nuspec(id, version, 'linux'));
  const manager = new UpdateManager(
    url,
    { AllowVersionDowngrade: false, ExplicitChannel: null, ...options },
    {
      RootAppDir: root,
      UpdateExePath: join(root, 'Update'),
      PackagesDir: packages,
      ManifestPath: manifest,
      CurrentBinaryDir: current,
      IsPortable: true,
    },
  );
  return { manager, packages };
}

const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex').toUpperCase();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex').toUpperCase();

/** Checks that the client read the asset exactly as uploaded. */
function expectAsset(info: UpdateInfo | null, file: UploadFile, version: string): void {
  expect(info?.TargetFullRelease).toMatchObject({
    PackageId: APP,
    Version: version,
    Type: 'Full',
    FileName: file.name,
    SHA1: sha1(file.content),
    SHA256: sha256(file.content),
  });
  expect(Number(info?.TargetFullRelease.Size)).toBe(file.content.length);
}

/**
 * A loopback proxy in front of Updraft that adds `stagingId` to the feed request, as newer Velopack clients send it
 * (0.0.1053 sends only localVersion and id, and a query on its URL breaks the URLs it derives).
 */
async function stagingProxy(stagingId: string): Promise<{ url: string; close: () => Promise<void> }> {
  const proxy: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', server.origin);
    if (/\/releases\.[^/]+\.json$/.test(target.pathname)) target.searchParams.set('stagingId', stagingId);
    const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

// ---- the releases -------------------------------------------------------------------------------------------

const full100 = nupkg(APP, '1.0.0', 'full');
const full110 = nupkg(APP, '1.1.0', 'full');
const delta110 = nupkg(APP, '1.1.0', 'delta');
const full120 = nupkg(APP, '1.2.0', 'full');
const delta120 = nupkg(APP, '1.2.0', 'delta');
const full130 = nupkg(APP, '1.3.0', 'full');
const delta130 = nupkg(APP, '1.3.0', 'delta');
const beta200 = nupkg(APP, '2.0.0-beta.1', 'full', 'beta');
const NOTES = '## 1.2.0\n\n* **faster** <script>alert(1)</script>';
let seed130: string;

const feedPath = (channel = 'stable', app = APP) => `/update/${owner}/${app}/${channel}/linux/x64`;
const feedUrl = (channel?: string, app?: string) => `${server.origin}${feedPath(channel, app)}`;

beforeAll(async () => {
  setVelopackLogger((level, message) => {
    logs.push(`${level}: ${message}`);
  });
  server = await startFeedServer();
  const tenant = await feedTenant(server.t, {
    apps: [APP],
    channels: ['stable', 'beta'],
    platforms: { linux: [] },
    archs: ['x64'],
  });
  ({ owner, token } = tenant);
  publish = publisher(server.t, token, { app_name: APP, channel: 'stable', platform: 'linux', arch: 'x64' });
  await publish('1.0.0', [full100]);
  await publish('1.1.0', [full110, delta110]);
  await publish('1.2.0', [full120, delta120], { changelog: NOTES });
  await publish('1.3.0', [full130, delta130], { rollout: 30 });
  await publish('2.0.0-beta.1', [beta200], { channel: 'beta' });
  seed130 = await rolloutSeedOf(server.t, '1.3.0', { appId: tenant.appIds[APP] });
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the velopack client', () => {
  it('finds the newest fully rolled-out release and downloads its exact bytes', async () => {
    const from = server.exchanges.length;
    const app = installed(feedUrl(), '1.0.0');
    const info = await app.manager.checkForUpdatesAsync();
    expectAsset(info, full120, '1.2.0');
    expect(info?.TargetFullRelease.NotesMarkdown).toBe(NOTES);
    expect(info?.TargetFullRelease.NotesHtml).toContain('<strong>faster</strong>');
    expect(info?.TargetFullRelease.NotesHtml).not.toContain('<script');
    // The client asks for its packed channel ("linux"): any name answers the feed of the path's channel.
    const check = server.exchanges.slice(from).find((e) => e.url.includes('releases.'));
    expect(check?.url).toBe(`${feedPath()}/releases.linux.json?localVersion=1.0.0&id=${APP}`);
    expect(check?.status).toBe(200);
    if (!info) throw new Error('no update');
    await app.manager.downloadUpdateAsync(info);
    const downloaded = readFileSync(join(app.packages, full120.name));
    expect(downloaded.equals(full120.content)).toBe(true);
    expect(readdirSync(app.packages).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('finds nothing when the app runs the newest release', async () => {
    const app = installed(feedUrl(), '1.2.0');
    expect(await app.manager.checkForUpdatesAsync()).toBeNull();
  });

  it('offers the path’s channel whatever channel the client was packed with', async () => {
    const app = installed(feedUrl('beta'), '1.2.0');
    const info = await app.manager.checkForUpdatesAsync();
    expect(info?.TargetFullRelease.Version).toBe('2.0.0-beta.1');
  });

  it('gets the staged release only when its stagingId is in the rollout', async () => {
    const inside = deviceWhere(seed130, (bucket) => bucket < 30);
    const outside = deviceWhere(seed130, (bucket) => bucket >= 30);
    for (const [id, version, file] of [
      [inside, '1.3.0', full130],
      [outside, '1.2.0', full120],
    ] as const) {
      const proxy = await stagingProxy(id);
      try {
        const app = installed(`${proxy.url}${feedPath()}`, '1.1.0');
        const info = await app.manager.checkForUpdatesAsync();
        expectAsset(info, file, version);
        if (!info) throw new Error('no update');
        await app.manager.downloadUpdateAsync(info);
        expect(readFileSync(join(app.packages, file.name)).equals(file.content)).toBe(true);
      } finally {
        await proxy.close();
      }
    }
  });

  it('stops at a required intermediate', async () => {
    await createApp(server.t.app, token, 'Stepper');
    const files = (v: string) => [{ ...nupkg('Stepper', v, 'full') }];
    await publish('1.0.0', files('1.0.0'), { app_name: 'Stepper' });
    await publish('1.1.0', files('1.1.0'), { app_name: 'Stepper', intermediate: true });
    await publish('1.2.0', files('1.2.0'), { app_name: 'Stepper' });
    const before = installed(feedUrl('stable', 'Stepper'), '1.0.0', {}, 'Stepper');
    expect((await before.manager.checkForUpdatesAsync())?.TargetFullRelease.Version).toBe('1.1.0');
    const after = installed(feedUrl('stable', 'Stepper'), '1.1.0', {}, 'Stepper');
    expect((await after.manager.checkForUpdatesAsync())?.TargetFullRelease.Version).toBe('1.2.0');
  });

  it("works on FaynoSync's /velopack/ route, following the package redirect", async () => {
    const app = installed(`${server.origin}/velopack/${owner}/${APP}/linux/x64`, '1.0.0', {
      ExplicitChannel: 'stable',
    });
    const info = await app.manager.checkForUpdatesAsync();
    expectAsset(info, full120, '1.2.0');
    if (!info) throw new Error('no update');
    const from = server.exchanges.length;
    await app.manager.downloadUpdateAsync(info);
    expect(readFileSync(join(app.packages, full120.name)).equals(full120.content)).toBe(true);
    const [redirect, file] = server.exchanges.slice(from);
    expect(redirect?.url).toBe(`/velopack/${owner}/${APP}/linux/x64/${full120.name}`);
    expect(redirect?.status).toBe(302);
    // (Its bytes are checked above: the exchange log may not have seen the end of the stream yet.)
    expect(file?.url).toBe(`${feedPath()}/1.2.0/${full120.name}`);
  });

  it('reports a feed for another package id as an error', async () => {
    const app = installed(feedUrl(), '1.0.0', {}, 'SomeoneElse');
    await expect(app.manager.checkForUpdatesAsync()).rejects.toThrow(/404/);
  });
});

describe('releases.{channel}.json', () => {
  const get = (path: string) => request(server.t.app).get(path);
  const assets = async (query: string) => {
    const res = await get(`${feedPath()}/releases.win.json${query}`).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return (res.body as { Assets: VelopackAsset[] }).Assets;
  };
  const summary = (list: VelopackAsset[]) => list.map((a) => `${a.Version} ${a.Type}`);

  it('lists Full and Delta packages newest first, with hashes and sizes as uploaded', async () => {
    const list = await assets('');
    expect(summary(list)).toEqual(['1.2.0 Full', '1.2.0 Delta', '1.1.0 Full', '1.1.0 Delta', '1.0.0 Full']);
    const byName = new Map(list.map((a) => [a.FileName, a]));
    for (const file of [full100, full110, delta110, full120, delta120]) {
      expect(byName.get(file.name)).toMatchObject({
        PackageId: APP,
        SHA1: sha1(file.content),
        SHA256: sha256(file.content),
        Size: file.content.length,
      });
      // The bare FileName downloads beside the feed.
      const res = await get(`${feedPath()}/${file.name}`).buffer(true).expect(200);
      expect(Buffer.from(res.body as Buffer).equals(file.content)).toBe(true);
    }
  });

  it('gates the staged release by stagingId, or X-Device-ID, and hides it without an id', async () => {
    const inside = deviceWhere(seed130, (bucket) => bucket < 30);
    const outside = deviceWhere(seed130, (bucket) => bucket >= 30);
    expect(summary(await assets(`?stagingId=${inside}`))[0]).toBe('1.3.0 Full');
    expect(summary(await assets(`?stagingId=${inside}`))[1]).toBe('1.3.0 Delta');
    expect(summary(await assets(`?stagingId=${outside}`))[0]).toBe('1.2.0 Full');
    expect(summary(await assets(''))[0]).toBe('1.2.0 Full');
    const header = await get(`${feedPath()}/releases.win.json`).set('X-Device-ID', inside).expect(200);
    expect(header.body.Assets[0].Version).toBe('1.3.0');
  });

  it('caps the feed at localVersion’s required intermediate and drops deltas across a hole', async () => {
    await createApp(server.t.app, token, 'Holes');
    await publish('1.0.0', [nupkg('Holes', '1.0.0', 'full')], { app_name: 'Holes' });
    // A release without packages on this line: the next delta was made from something the feed cannot offer.
    await publish('1.1.0', [{ name: 'Holes-1.1.0.tar.gz', content: randomBytes(100) }], {
      app_name: 'Holes',
    });
    await publish('1.2.0', [nupkg('Holes', '1.2.0', 'full'), nupkg('Holes', '1.2.0', 'delta')], {
      app_name: 'Holes',
    });
    await publish('1.3.0', [nupkg('Holes', '1.3.0', 'full'), nupkg('Holes', '1.3.0', 'delta')], {
      app_name: 'Holes',
    });
    const res = await get(`${feedPath('stable', 'Holes')}/releases.linux.json`).expect(200);
    expect(summary(res.body.Assets)).toEqual(['1.3.0 Full', '1.3.0 Delta', '1.2.0 Full', '1.0.0 Full']);
    await publish('1.4.0', [nupkg('Holes', '1.4.0', 'full')], { app_name: 'Holes', intermediate: true });
    await publish('1.5.0', [nupkg('Holes', '1.5.0', 'full')], { app_name: 'Holes' });
    const capped = await get(`${feedPath('stable', 'Holes')}/releases.linux.json?localVersion=1.3.0`).expect(
      200,
    );
    expect(capped.body.Assets[0].Version).toBe('1.4.0');
    const all = await get(`${feedPath('stable', 'Holes')}/releases.linux.json`).expect(200);
    expect(all.body.Assets[0].Version).toBe('1.5.0');
  });

  it('accepts the app name or the package id as id, ignoring case, and says what is wrong otherwise', async () => {
    await get(`${feedPath()}/releases.linux.json?id=feedslab`).expect(200);
    const wrong = await get(`${feedPath()}/releases.linux.json?id=Other`).expect(404);
    expect(wrong.body.error).toMatch(/no package "Other"/);
    const version = await get(`${feedPath()}/releases.linux.json?localVersion=one`).expect(400);
    expect(version.body.error).toMatch(/invalid version/);
  });

  it('carries an ETag and answers If-None-Match with 304', async () => {
    const first = await get(`${feedPath()}/releases.linux.json?localVersion=1.0.0`).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    await get(`${feedPath()}/releases.linux.json?localVersion=1.0.0`).set('If-None-Match', etag).expect(304);
  });

  it("maps FaynoSync's /velopack/ routes onto the feed, and 404s unknown packages", async () => {
    const alias = await get(`/velopack/${owner}/${APP}/linux/x64/releases.stable.json`).expect(200);
    const direct = await get(`${feedPath()}/releases.stable.json`).expect(200);
    expect(alias.body).toEqual(direct.body);
    const moved = await get(`/velopack/${owner}/${APP}/linux/x64/${delta110.name}`).expect(302);
    expect(moved.headers.location).toBe(`${server.origin}${feedPath()}/1.1.0/${delta110.name}`);
    const beta = await get(`/velopack/${owner}/${APP}/linux/x64/${beta200.name}`).expect(302);
    expect(beta.headers.location).toBe(`${server.origin}${feedPath('beta')}/2.0.0-beta.1/${beta200.name}`);
    const missing = await get(`/velopack/${owner}/${APP}/linux/x64/${APP}-9.9.9-full.nupkg`).expect(404);
    expect(missing.body.error).toMatch(/no published package/);
    const unknownChannel = await get(`/velopack/${owner}/${APP}/linux/x64/releases.nightly.json`).expect(404);
    expect(unknownChannel.body.error).toMatch(/no channel "nightly"/);
    await get(`/velopack/nobody/${APP}/linux/x64/${full100.name}`).expect(404);
  });

  it('has no feed for a private app', async () => {
    await createApp(server.t.app, token, 'Private', { private: true });
    const res = await get(`/update/${owner}/Private/stable/linux/x64/releases.linux.json`).expect(404);
    expect(res.body.error).toMatch(/private/);
  });
});

describe('on the S3 storage driver', () => {
  let s3: TestS3;
  let s3Server: FeedServer;

  beforeAll(async () => {
    s3 = await startS3();
    s3Server = await startFeedServer(s3.env);
  }, 60_000);

  afterAll(async () => {
    await s3Server?.close();
    await s3?.close();
  });

  it('serves the packages the client downloads from the bucket, also through the /velopack/ redirect', async () => {
    const admin = await feedTenant(s3Server.t, {
      apps: [APP],
      channels: ['stable'],
      platforms: { linux: [] },
      archs: ['x64'],
    });
    const place = { app_name: APP, channel: 'stable', platform: 'linux', arch: 'x64' };
    const publishS3 = publisher(s3Server.t, admin.token, place);
    await publishS3('1.0.0', [full100]);
    await publishS3('1.1.0', [full110, delta110]);
    for (const base of [
      `${s3Server.origin}/update/${admin.owner}/${APP}/stable/linux/x64`,
      `${s3Server.origin}/velopack/${admin.owner}/${APP}/linux/x64`,
    ]) {
      const app = installed(base, '1.0.0', { ExplicitChannel: 'stable' });
      const info = await app.manager.checkForUpdatesAsync();
      expectAsset(info, full110, '1.1.0');
      if (!info) throw new Error('no update');
      await app.manager.downloadUpdateAsync(info);
      expect(readFileSync(join(app.packages, full110.name)).equals(full110.content)).toBe(true);
    }
  });
});
