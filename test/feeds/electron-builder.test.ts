import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rolloutBucket } from '../../src/core/releases/rollout.js';
import {
  type FeedServer,
  type FeedsLab,
  feedsLab,
  newUpdater,
  startFeedServer,
  type UpdaterOptions,
} from '../helpers/electron-updater.js';
import { createApp, sendForm } from '../helpers/releases.js';

let server: FeedServer;
let lab: FeedsLab;
let dirs: string[] = [];

const APPS = ['basic', 'kinds', 'tamper', 'rollout', 'rollout-only', 'channels', 'steps', 'nofile'] as const;

beforeAll(async () => {
  server = await startFeedServer();
  lab = await feedsLab(server, APPS);
});

afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A fresh folder for one simulated install. */
function installDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'updraft-eu-'));
  dirs.push(dir);
  return dir;
}

const file = (name: string, content: Buffer = randomBytes(64 * 1024)) => ({ name, content });
const sha512Base64 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

/** The path of a URL on the server (what exchanges are logged under). */
const pathOf = (url: string) => new URL(url).pathname;

async function channelFile(url: string, headers: Record<string, string> = {}) {
  const { pathname, search } = new URL(url);
  const res = await request(server.t.app)
    .get(pathname + search)
    .set(headers);
  return { res, doc: res.status === 200 ? (parse(res.text) as Record<string, unknown>) : undefined };
}

function nsis(feedUrl: string, version: string, extra: Partial<UpdaterOptions> = {}) {
  return newUpdater('nsis', { feedUrl, version, dir: installDir(), ...extra });
}

describe('channel files', () => {
  const setup = file('Feeds Lab Setup 1.2.0.exe');
  const blockmap = file('Feeds Lab Setup 1.2.0.exe.blockmap', randomBytes(300));
  const uploadedYml = file('latest.yml', Buffer.from('version: 9.9.9\npath: nowhere.exe\n'));

  beforeAll(async () => {
    await lab.publish('basic', '1.1.0', [file('Feeds Lab Setup 1.1.0.exe')]);
    await lab.publish('basic', '1.2.0', [setup, blockmap, uploadedYml], {
      changelog: '## Fixes\n- *crash* on "start": fixed\nyes: no',
      minimum_system_version: '10.0.19041',
    });
  });

  it('latest.yml describes the newest release: its installer with the sha512, size and url of the upload', async () => {
    const before = Date.now();
    const { res, doc } = await channelFile(`${lab.feedUrl('basic')}/latest.yml`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/yaml; charset=utf-8');
    const url = '1.2.0/Feeds%20Lab%20Setup%201.2.0.exe';
    const sha512 = sha512Base64(setup.content);
    expect(doc).toEqual({
      version: '1.2.0',
      files: [{ url, sha512, size: setup.content.length }],
      path: url,
      sha512,
      releaseDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      releaseNotes: '## Fixes\n- *crash* on "start": fixed\nyes: no',
      minimumSystemVersion: '10.0.19041',
    });
    expect(Date.parse(doc?.releaseDate as string)).toBeLessThanOrEqual(before);
    // The timestamp is quoted: js-yaml, which electron-updater parses with, would make a Date of a plain one.
    expect(res.text).toMatch(/^releaseDate: "/m);
    // The url resolves against the feed folder to the exact uploaded bytes; the uploaded yml stays a plain file.
    const bytes = await request(server.t.app)
      .get(`${pathOf(lab.feedUrl('basic'))}/${url}`)
      .buffer(true);
    expect(bytes.status).toBe(200);
    expect(Buffer.compare(bytes.body as Buffer, setup.content)).toBe(0);
    const relayed = await request(server.t.app).get(`${pathOf(lab.feedUrl('basic'))}/1.2.0/latest.yml`);
    expect(relayed.text).toBe(uploadedYml.content.toString());
  });

  it('any {name}.yml answers the same feed, cached with an ETag', async () => {
    const latest = await channelFile(`${lab.feedUrl('basic')}/latest.yml`);
    const named = await channelFile(`${lab.feedUrl('basic')}/nightly.yml`);
    expect(named.res.text).toBe(latest.res.text);
    const etag = latest.res.headers.etag as string;
    expect(etag).toBeTruthy();
    await request(server.t.app)
      .get(pathOf(`${lab.feedUrl('basic')}/latest.yml`))
      .set('If-None-Match', etag)
      .expect(304);
  });

  it('-mac.yml lists the zip before the dmg, -linux[-arch].yml the Linux packages, never blockmaps or feeds', async () => {
    const names = [
      'Lab-2.0.0.dmg',
      'Lab-2.0.0-mac.zip',
      'Lab-2.0.0-mac.zip.blockmap',
      'Lab-2.0.0.rpm',
      'Lab-2.0.0.AppImage',
      'Lab-2.0.0.deb',
      'Lab-2.0.0.nupkg',
      'latest-mac.yml',
      'Lab Setup 2.0.0.exe',
    ];
    const files = names.map((name) => file(name, randomBytes(128)));
    await lab.publish('kinds', '2.0.0', files);
    const listed = async (name: string) => {
      const { doc } = await channelFile(`${lab.feedUrl('kinds')}/${name}`);
      return (doc?.files as { url: string }[] | undefined)?.map((f) => f.url);
    };
    expect(await listed('latest-mac.yml')).toEqual(['2.0.0/Lab-2.0.0-mac.zip', '2.0.0/Lab-2.0.0.dmg']);
    const linux = ['2.0.0/Lab-2.0.0.AppImage', '2.0.0/Lab-2.0.0.deb', '2.0.0/Lab-2.0.0.rpm'];
    expect(await listed('latest-linux.yml')).toEqual(linux);
    expect(await listed('beta-linux-arm64.yml')).toEqual(linux);
    expect(await listed('latest.yml')).toEqual(['2.0.0/Lab%20Setup%202.0.0.exe']);
  });

  it('answers 404 with a reason when the release has no installer for that client, or there is no feed', async () => {
    await lab.publish('nofile', '1.0.0', [file('NoFile-1.0.0-mac.zip')]);
    const { res } = await channelFile(`${lab.feedUrl('nofile')}/latest.yml`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/release 1\.0\.0 .* has no \.exe file .*upload the installer/);
    const client = nsis(lab.feedUrl('nofile'), '0.1.0');
    await expect(client.updater.checkForUpdates()).rejects.toMatchObject({
      code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
    });
    const empty = await channelFile(`${lab.feedUrl('nofile', 'beta')}/latest.yml`);
    expect(empty.res.status).toBe(404);
    expect(empty.res.body.error).toMatch(/no published release .*channel "beta"/);
    await createApp(server.t.app, lab.token, 'hidden', { private: true });
    expect((await channelFile(`${lab.feedUrl('hidden')}/latest.yml`)).res.status).toBe(404);
    const bad = await channelFile(`${lab.feedUrl('basic')}/latest.yml?version=one`);
    expect(bad.res.status).toBe(400);
    expect(bad.res.body.error).toMatch(/invalid version "one"/);
  });
});

describe('NsisUpdater', () => {
  it('finds the update, downloads it and verifies its SHA-512; on the newest version finds none', async () => {
    const installer = file('Lab-Setup-3.1.0.exe', randomBytes(200 * 1024));
    await lab.publish('basic', '3.0.0', [file('Lab-Setup-3.0.0.exe')]);
    await lab.publish('basic', '3.1.0', [installer]);
    const old = nsis(lab.feedUrl('basic'), '3.0.0');
    const check = await old.updater.checkForUpdates();
    expect(check?.isUpdateAvailable).toBe(true);
    expect(check?.updateInfo.version).toBe('3.1.0');
    const [downloaded] = await old.updater.downloadUpdate();
    expect(downloaded).toBe(join(old.cacheDir, 'pending', 'Lab-Setup-3.1.0.exe'));
    expect(Buffer.compare(readFileSync(downloaded as string), installer.content)).toBe(0);

    const current = nsis(lab.feedUrl('basic'), '3.1.0');
    const none = await current.updater.checkForUpdates();
    expect(none?.isUpdateAvailable).toBe(false);
    expect(none?.updateInfo.version).toBe('3.1.0');
  });

  it('rejects a file whose stored bytes no longer match the published SHA-512', async () => {
    const installer = file('Tamper-1.1.0.exe', randomBytes(96 * 1024));
    await lab.publish('tamper', '1.1.0', [installer]);
    const row = await server.t.ctx.database.db
      .selectFrom('artifacts')
      .select('storage_key')
      .where('file_name', '=', installer.name)
      .executeTakeFirstOrThrow();
    const tampered = Buffer.from(installer.content);
    tampered[1000] = (tampered[1000] ?? 0) ^ 0xff;
    await server.t.ctx.store.put(row.storage_key, Readable.from([tampered]), { visibility: 'public' });

    const client = nsis(lab.feedUrl('tamper'), '1.0.0');
    expect((await client.updater.checkForUpdates())?.isUpdateAvailable).toBe(true);
    await expect(client.updater.downloadUpdate()).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    const pending = join(client.cacheDir, 'pending');
    expect(existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.exe')) : []).toEqual([]);
  });

  it('a channel file asked for by another channel name still answers the path: two channels, two versions', async () => {
    await lab.publish('channels', '1.0.0', [file('Ch-1.0.0.exe')]);
    await lab.publish('channels', '1.1.0-beta.1', [file('Ch-1.1.0-beta.1.exe')], { channel: 'beta' });
    const stable = nsis(lab.feedUrl('channels'), '0.9.0');
    expect((await stable.updater.checkForUpdates())?.updateInfo.version).toBe('1.0.0');
    const beta = nsis(lab.feedUrl('channels', 'beta'), '0.9.0');
    expect((await beta.updater.checkForUpdates())?.updateInfo.version).toBe('1.1.0-beta.1');

    const from = server.exchanges.length;
    const asksBeta = nsis(lab.feedUrl('channels'), '0.9.0');
    asksBeta.updater.channel = 'beta';
    const result = await asksBeta.updater.checkForUpdates();
    expect(result?.updateInfo.version).toBe('1.0.0');
    const asked = server.exchanges.slice(from).map((e) => pathOf(`${server.origin}${e.url}`));
    expect(asked).toEqual([`${pathOf(lab.feedUrl('channels'))}/beta.yml`]);
    const downloaded = await asksBeta.updater.downloadUpdate();
    expect(downloaded[0]).toMatch(/Ch-1\.0\.0\.exe$/);
  });

  it('with ?version= on the feed URL, a required intermediate comes first (and downloads despite the query)', async () => {
    await lab.publish('steps', '1.0.0', [file('Steps-1.0.0.exe')]);
    await lab.publish('steps', '1.1.0', [file('Steps-1.1.0.exe')], { intermediate: true });
    const last = file('Steps-1.2.0.exe');
    await lab.publish('steps', '1.2.0', [last]);

    const plain = nsis(lab.feedUrl('steps'), '1.0.0');
    expect((await plain.updater.checkForUpdates())?.updateInfo.version).toBe('1.2.0');

    const stepping = nsis(`${lab.feedUrl('steps')}?version=1.0.0`, '1.0.0');
    expect((await stepping.updater.checkForUpdates())?.updateInfo.version).toBe('1.1.0');
    const from = server.exchanges.length;
    const [downloaded] = await stepping.updater.downloadUpdate();
    expect(downloaded).toMatch(/Steps-1\.1\.0\.exe$/);
    expect(server.exchanges.slice(from).map((e) => e.url)).toEqual([
      `${pathOf(lab.feedUrl('steps'))}/1.1.0/Steps-1.1.0.exe?version=1.0.0`,
    ]);

    const past = nsis(`${lab.feedUrl('steps')}?version=1.1.0`, '1.1.0');
    const [next] = await past.updater.checkForUpdates().then(() => past.updater.downloadUpdate());
    expect(Buffer.compare(readFileSync(next as string), last.content)).toBe(0);
  });
});

describe('staged rollout', () => {
  let rolloutId = '';

  /** A staging id (a UUID, as electron-updater makes them) whose bucket is inside or outside the rollout. */
  function stagingId(seed: string, percent: number, inside: boolean): string {
    for (;;) {
      const id = randomUUID();
      if (rolloutBucket(id, seed) < percent === inside) return id;
    }
  }

  it('the server gates by the x-user-staging-id electron-updater sends; without an id the yml carries stagingPercentage', async () => {
    await lab.publish('rollout', '1.0.0', [file('Roll-1.0.0.exe')]);
    rolloutId = await lab.publish('rollout', '1.1.0', [file('Roll-1.1.0.exe')], { rollout: 30 });
    const seed = await lab.seedOf('rollout', '1.1.0');

    const insideId = stagingId(seed, 30, true);
    const from = server.exchanges.length;
    const inside = nsis(lab.feedUrl('rollout'), '1.0.0', { stagingId: insideId });
    const offered = await inside.updater.checkForUpdates();
    expect(offered?.isUpdateAvailable).toBe(true);
    expect(offered?.updateInfo.version).toBe('1.1.0');
    // Gated by the server: the client is not told to gate again.
    expect(offered?.updateInfo.stagingPercentage).toBeUndefined();
    expect(server.exchanges[from]?.headers['x-user-staging-id']).toBe(insideId);

    const outside = nsis(lab.feedUrl('rollout'), '1.0.0', { stagingId: stagingId(seed, 30, false) });
    const held = await outside.updater.checkForUpdates();
    expect(held?.isUpdateAvailable).toBe(false);
    expect(held?.updateInfo.version).toBe('1.0.0');

    const { doc } = await channelFile(`${lab.feedUrl('rollout')}/latest.yml`);
    expect(doc?.version).toBe('1.1.0');
    expect(doc?.stagingPercentage).toBe(30);
  });

  it('a device outside the rollout of the only release gets "no update", not an error', async () => {
    await lab.publish('rollout-only', '1.0.0', [file('Only-1.0.0.exe')], { rollout: 10 });
    const seed = await lab.seedOf('rollout-only', '1.0.0');
    const id = stagingId(seed, 10, false);
    const { doc } = await channelFile(`${lab.feedUrl('rollout-only')}/latest.yml`, {
      'x-user-staging-id': id,
    });
    expect(doc?.stagingPercentage).toBe(0);
    const client = nsis(lab.feedUrl('rollout-only'), '0.5.0', { stagingId: id });
    const result = await client.updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(false);
    const inside = nsis(lab.feedUrl('rollout-only'), '0.5.0', { stagingId: stagingId(seed, 10, true) });
    expect((await inside.updater.checkForUpdates())?.isUpdateAvailable).toBe(true);
  });

  it('widening the rollout reaches the device that was held back', async () => {
    const seed = await lab.seedOf('rollout', '1.1.0');
    const id = stagingId(seed, 30, false);
    const data = { id: rolloutId, app_name: 'rollout', version: '1.1.0', rollout: 100 };
    await sendForm(server.t.app, '/apps/update', lab.token, [
      { name: 'data', value: JSON.stringify(data) },
    ]).expect(200);
    const client = nsis(lab.feedUrl('rollout'), '1.0.0', { stagingId: id });
    expect((await client.updater.checkForUpdates())?.updateInfo.version).toBe('1.1.0');
  });
});
