import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { deviceWhere, feedTenant, type Publish, publisher, rolloutSeedOf } from '../helpers/feeds.js';
import { type UploadFile, upload } from '../helpers/releases.js';
import { API, download, parseReleases, type SquirrelEntry, squirrelPlan } from './squirrel-clients.js';

let t: TestApp;
let owner: string;
let token: string;
let publish: Publish;
let stagedSeed: string;

const full = (size: number) => randomBytes(size);
const files = new Map<string, Buffer>();
function nupkg(name: string, size: number): UploadFile {
  const content = full(size);
  files.set(name, content);
  return { name, content };
}

const UNICODE_FULL = 'Feeds Lab Ünïcode-1.3.0-full.nupkg';

async function release(
  arch: string,
  version: string,
  packages: UploadFile[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  await publish(version, packages, { arch, updater: 'squirrel_windows', ...extra });
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, token } = await feedTenant(t, {
    apps: ['Feeds Lab', { name: 'Secret', private: true }],
    channels: ['stable'],
    platforms: { win32: ['squirrel_windows'] },
    archs: ['x64', 'arm64', 'ia32'],
  }));
  publish = publisher(t, token, { app_name: 'Feeds Lab', channel: 'stable', platform: 'win32' });

  // FaynoSync's way: the pipeline also uploads Squirrel's own RELEASES (bare names, CRLF); Updraft generates its own.
  const uploaded = Buffer.from(
    '0000000000000000000000000000000000000000 FeedsLab-1.0.0-full.nupkg 20000\r\n',
  );
  await release('x64', '1.0.0', [
    nupkg('FeedsLab-1.0.0-full.nupkg', 20_000),
    { name: 'RELEASES', content: uploaded },
  ]);
  await release('x64', '1.1.0', [
    nupkg('FeedsLab-1.1.0-full.nupkg', 21_000),
    nupkg('FeedsLab-1.1.0-delta.nupkg', 900),
  ]);
  await release(
    'x64',
    '1.2.0',
    [nupkg('FeedsLab-1.2.0-full.nupkg', 22_000), nupkg('FeedsLab-1.2.0-delta.nupkg', 800)],
    { intermediate: true },
  );
  await release('x64', '1.3.0', [nupkg(UNICODE_FULL, 23_000), nupkg('FeedsLab-1.3.0-delta.nupkg', 700)], {
    rollout: 30,
  });
  await upload(
    t.app,
    token,
    { app_name: 'Feeds Lab', version: '1.4.0', channel: 'stable', platform: 'win32', arch: 'x64' },
    [nupkg('FeedsLab-1.4.0-full.nupkg', 100)],
  ).expect(200);

  await release('arm64', '2.0.0', [nupkg('FeedsLab-2.0.0-full.nupkg', 10_000)]);
  await release('arm64', '2.1.0', [nupkg('FeedsLab-2.1.0-full.nupkg', 10_000)]);
  await release('arm64', '2.2.0', [
    nupkg('FeedsLab-2.2.0-full.nupkg', 10_000),
    nupkg('FeedsLab-2.2.0-delta.nupkg', 300),
  ]);

  await publish('3.0.0', [{ name: 'FeedsLab Setup.exe', content: full(50) }], { arch: 'ia32' });

  stagedSeed = await rolloutSeedOf(t, '1.3.0');
});

afterAll(() => t.close());

const feed = (arch = 'x64') => `/update/${owner}/Feeds%20Lab/stable/win32/${arch}`;

/** What Update.exe asks for: the feed URL it was given plus `/RELEASES`, with its own query. */
function releasesOf(version: string, arch = 'x64', localVersion: string | null = version) {
  const query = localVersion === null ? '' : `?id=FeedsLab&localVersion=${localVersion}&arch=amd64`;
  return request(t.app).get(`${feed(arch)}/${version}/RELEASES${query}`);
}

async function entriesOf(
  version: string,
  arch = 'x64',
  localVersion?: string,
  headers: Record<string, string> = {},
) {
  const res = await releasesOf(version, arch, localVersion ?? version)
    .set(headers)
    .expect(200);
  expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(res.text).not.toContain('\r');
  return { text: res.text, entries: parseReleases(res.text) };
}

const summary = (entries: SquirrelEntry[]) =>
  entries.map(
    (e) =>
      `${e.version}${e.isDelta ? ' delta' : ''}${e.stagingPercent === undefined ? '' : ` ${e.stagingPercent}%`}`,
  );

describe('Squirrel.Windows RELEASES', () => {
  it('lists the packages up to a required intermediate, with the delta chain for the installed version', async () => {
    const { entries } = await entriesOf('1.0.0');
    expect(summary(entries)).toEqual(['1.0.0', '1.1.0 delta', '1.1.0', '1.2.0 delta', '1.2.0']);
    const plan = squirrelPlan(entries, '1.0.0');
    expect(plan.kind).toBe('deltas');
    if (plan.kind === 'deltas') expect(plan.entries.map((e) => e.version)).toEqual(['1.1.0', '1.2.0']);
  });

  it('names every package with an absolute URL whose bytes match the SHA-1 and size of its line', async () => {
    const { entries } = await entriesOf('1.2.0');
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.file.startsWith(`${API}${feed()}/${entry.version}/`)).toBe(true);
      expect(entry.sha1).toMatch(/^[0-9A-F]{40}$/);
      const res = await download(t.app, entry.file).expect(200);
      const bytes = res.body as Buffer;
      expect(bytes.length).toBe(entry.size);
      expect(createHash('sha1').update(bytes).digest('hex').toUpperCase()).toBe(entry.sha1);
      expect(bytes.equals(files.get(entry.fileName) ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it('serves a package also when Squirrel retries with the whole URL lower-cased', async () => {
    const { entries } = await entriesOf('1.2.0');
    for (const name of [UNICODE_FULL, 'FeedsLab-1.1.0-full.nupkg']) {
      const entry = entries.find((e) => e.fileName === name);
      expect(entry?.file).toBeDefined();
      const lower = (entry?.file ?? '').toLowerCase();
      expect(lower).not.toBe(entry?.file);
      const res = await download(t.app, lower).expect(200);
      expect((res.body as Buffer).equals(files.get(name) ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it('reads versions from file names with spaces and non-ASCII letters, percent-encoded in the URL', async () => {
    const { text, entries } = await entriesOf('1.2.0');
    const entry = entries.find((e) => e.fileName === UNICODE_FULL);
    expect(entry).toMatchObject({ version: '1.3.0', isDelta: false });
    expect(text).toContain('/1.3.0/Feeds%20Lab%20%C3%9Cn%C3%AFcode-1.3.0-full.nupkg ');
  });

  it('marks a staged release with "# NN%" right after the size when the client sent no id', async () => {
    const { text, entries } = await entriesOf('1.2.0');
    // Deltas only above the installed version: those are the ones Squirrel adds up.
    expect(summary(entries)).toEqual(['1.0.0', '1.1.0', '1.2.0', '1.3.0 delta 30%', '1.3.0 30%']);
    for (const line of text.trim().split('\n').slice(-2)) expect(line).toMatch(/ \d+# 30%$/);
    expect(squirrelPlan(entries, '1.2.0', () => false)).toEqual({ kind: 'none' });
    const staged = squirrelPlan(entries, '1.2.0', (percent) => percent === 30);
    expect(staged.kind).toBe('deltas');
  });

  it('marks every staged release with its own percentage, so an older one never reaches more clients', async () => {
    const tenant = await feedTenant(t, {
      apps: ['Staged'],
      channels: ['stable'],
      platforms: { win32: ['squirrel_windows'] },
      archs: ['x64'],
    });
    const where = { app_name: 'Staged', channel: 'stable', platform: 'win32', arch: 'x64' };
    const stage = publisher(t, tenant.token, where);
    await stage('1.0.0', [nupkg('Staged-1.0.0-full.nupkg', 1000)]);
    await stage('1.1.0', [nupkg('Staged-1.1.0-full.nupkg', 1000)], { rollout: 20 });
    await stage('1.2.0', [nupkg('Staged-1.2.0-full.nupkg', 1000)], { rollout: 50 });
    const res = await request(t.app)
      .get(`/update/${tenant.owner}/Staged/stable/win32/x64/1.0.0/RELEASES?id=Staged&localVersion=1.0.0`)
      .expect(200);
    expect(summary(parseReleases(res.text))).toEqual(['1.0.0', '1.1.0 20%', '1.2.0 50%']);
    // A client in neither rollout stays on 1.0.0 (with 1.1.0 unmarked it would have taken 1.1.0).
    expect(squirrelPlan(parseReleases(res.text), '1.0.0', () => false)).toEqual({ kind: 'none' });
  });

  it('gates the rollout itself for a client that sends X-Device-ID', async () => {
    const inside = deviceWhere(stagedSeed, (b) => b < 30);
    const outside = deviceWhere(stagedSeed, (b) => b >= 30);
    const yes = await entriesOf('1.2.0', 'x64', '1.2.0', { 'X-Device-ID': inside });
    expect(summary(yes.entries).slice(-2)).toEqual(['1.3.0 delta', '1.3.0']);
    const no = await entriesOf('1.2.0', 'x64', '1.2.0', { 'X-Device-ID': outside });
    expect(summary(no.entries).at(-1)).toBe('1.2.0');
    expect(squirrelPlan(no.entries, '1.2.0')).toEqual({ kind: 'none' });
  });

  it('lists no deltas when the installed version is not a listed release, or not named', async () => {
    const odd = await entriesOf('1.0.5');
    expect(odd.entries.some((e) => e.isDelta)).toBe(false);
    const plan = squirrelPlan(odd.entries, '1.0.5');
    expect(plan.kind === 'full' && plan.entry.version).toBe('1.2.0');
    const res = await releasesOf('1.0.0', 'x64', null).expect(200);
    expect(parseReleases(res.text).some((e) => e.isDelta)).toBe(false);
  });

  it('lists deltas only when every release above the installed one has one', async () => {
    const broken = await entriesOf('2.0.0', 'arm64');
    expect(summary(broken.entries)).toEqual(['2.0.0', '2.1.0', '2.2.0']);
    const whole = await entriesOf('2.1.0', 'arm64');
    expect(summary(whole.entries)).toEqual(['2.0.0', '2.1.0', '2.2.0 delta', '2.2.0']);
    const plan = squirrelPlan(whole.entries, '2.1.0');
    expect(plan.kind === 'deltas' && plan.entries.map((e) => e.fileName)).toEqual([
      'FeedsLab-2.2.0-delta.nupkg',
    ]);
  });

  it('never lists an unpublished release, and a current client is told nothing new', async () => {
    const { entries } = await entriesOf('1.3.0', 'x64', '1.3.0', {
      'X-Device-ID': deviceWhere(stagedSeed, (b) => b < 30),
    });
    expect(entries.some((e) => e.version === '1.4.0')).toBe(false);
    expect(squirrelPlan(entries, '1.3.0')).toEqual({ kind: 'none' });
  });

  it('generates RELEASES rather than relaying the uploaded one', async () => {
    const { text } = await entriesOf('1.0.0');
    expect(text).not.toContain('0000000000000000000000000000000000000000');
  });

  it('answers 404 with a message, never an empty RELEASES, when no package is published', async () => {
    const res = await releasesOf('1.0.0', 'ia32').expect(404);
    expect(res.body.error).toMatch(/no \.nupkg package is published.*upload the Squirrel\.Windows packages/);
  });

  it('answers 404 for a private app and 400 for a version that is not one', async () => {
    const secret = await request(t.app)
      .get(`/update/${owner}/Secret/stable/win32/x64/1.0.0/RELEASES`)
      .expect(404);
    expect(secret.body.error).toMatch(/private/);
    const bad = await request(t.app).get(`${feed()}/not-a-version/RELEASES`).expect(400);
    expect(bad.body.error).toMatch(/invalid version/);
  });

  it('carries an ETag, answers If-None-Match with 304, and HEAD without a body', async () => {
    const first = await releasesOf('1.0.0').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    await releasesOf('1.0.0').set('If-None-Match', etag).expect(304);
    const head = await request(t.app).head(`${feed()}/1.0.0/RELEASES?localVersion=1.0.0`).expect(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(first.text)));
    expect(head.text ?? '').toBe('');
  });

  it('answers a newly published release at once (the cache follows writes)', async () => {
    const before = await entriesOf('2.2.0', 'arm64');
    expect(squirrelPlan(before.entries, '2.2.0')).toEqual({ kind: 'none' });
    await release('arm64', '2.3.0', [nupkg('FeedsLab-2.3.0-full.nupkg', 5000)]);
    const after = await entriesOf('2.2.0', 'arm64');
    const plan = squirrelPlan(after.entries, '2.2.0');
    expect(plan.kind === 'full' && plan.entry.version).toBe('2.3.0');
  });
});
