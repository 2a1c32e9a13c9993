import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { deviceWhere, feedTenant, type Publish, publisher, rolloutSeedOf } from '../helpers/feeds.js';
import {
  API,
  download,
  SQUIRREL_PUB_DATE,
  squirrelMacBody,
  squirrelMacJsonMode,
} from './squirrel-clients.js';

let t: TestApp;
let owner: string;
let publish: Publish;
let stagedSeed: string;

/** Markdown with HTML, quotes and non-ASCII: Squirrel.Mac's notes are a plain string, so they must round-trip. */
const NOTES =
  '## Ünïcode “notes”\n\n<script>alert("x")</script> & <b>bold</b>\n\n* item with a \\ backslash\n';
const zips = new Map<string, Buffer>();
const zipName = (version: string) => `Feeds Lab-${version}-arm64-mac.zip`;

async function release(arch: string, version: string, name: string, extra: Record<string, unknown> = {}) {
  const content = randomBytes(3000);
  zips.set(name, content);
  await publish(version, [{ name, content }], { arch, ...extra });
}

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await feedTenant(t, {
    apps: ['Feeds Lab'],
    channels: ['stable'],
    platforms: { darwin: ['squirrel_darwin'] },
    archs: ['arm64', 'x64'],
  });
  owner = tenant.owner;
  publish = publisher(t, tenant.token, { app_name: 'Feeds Lab', channel: 'stable', platform: 'darwin' });
  const darwin = { updater: 'squirrel_darwin' };
  await release('arm64', '1.0.0', zipName('1.0.0'), darwin);
  await release('arm64', '1.1.0', zipName('1.1.0'), darwin);
  await release('arm64', '1.2.0', zipName('1.2.0'), { ...darwin, intermediate: true, changelog: NOTES });
  await release('arm64', '1.3.0', zipName('1.3.0'), { ...darwin, rollout: 40 });
  await release('arm64', '1.4.0', zipName('1.4.0'), { ...darwin, publish: false });
  await release('x64', '2.0.0', 'Feeds Lab-2.0.0-mac.zip', darwin);
  await release('x64', '2.1.0', 'Feeds Lab-2.1.0.dmg');
  stagedSeed = await rolloutSeedOf(t, '1.3.0');
});

afterAll(() => t.close());

const feed = (arch = 'arm64') => `/update/${owner}/Feeds%20Lab/stable/darwin/${arch}`;
const check = (version: string, arch = 'arm64') =>
  request(t.app)
    .get(`${feed(arch)}/${version}/squirrel-mac`)
    .set('Accept', 'application/json');

async function publishedAt(version: string): Promise<Date> {
  const row = await t.ctx.database.db
    .selectFrom('versions')
    .select('published_at')
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return new Date(row.published_at ?? 0);
}

describe('Squirrel.Mac server mode: …/{version}/squirrel-mac', () => {
  it('offers a newer release as {url, name, notes, pub_date}, notes exactly as uploaded', async () => {
    const res = await check('1.1.0').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(res.body)).toEqual(['url', 'name', 'notes', 'pub_date']);
    const body = squirrelMacBody(res.body);
    expect(body.url).toBe(`${API}${feed()}/1.2.0/Feeds%20Lab-1.2.0-arm64-mac.zip`);
    expect(body.name).toBe('Feeds Lab 1.2.0');
    expect(body.notes).toBe(NOTES);
    expect(body.pub_date).toMatch(SQUIRREL_PUB_DATE);
    expect(body.pub_date).not.toMatch(/\.\d/);
    const published = await publishedAt('1.2.0');
    expect(new Date(body.pub_date ?? '').getTime()).toBe(Math.floor(published.getTime() / 1000) * 1000);
    const zip = await download(t.app, body.url, { Accept: 'application/zip' }).expect(200);
    expect((zip.body as Buffer).equals(zips.get(zipName('1.2.0')) ?? Buffer.alloc(0))).toBe(true);
  });

  it('offers the required intermediate first', async () => {
    const res = await check('1.0.0').expect(200);
    expect(squirrelMacBody(res.body).url).toContain('/1.2.0/');
  });

  it('answers 204 with no body to a current client, and to one ahead of what is published (no downgrade)', async () => {
    for (const version of ['1.2.0', '9.0.0']) {
      const res = await check(version).expect(204);
      expect(res.text ?? '').toBe('');
    }
  });

  it('shows a staged release only to devices in its rollout (X-Device-ID)', async () => {
    const inside = deviceWhere(stagedSeed, (b) => b < 40);
    const outside = deviceWhere(stagedSeed, (b) => b >= 40);
    const yes = await check('1.2.0').set('X-Device-ID', inside).expect(200);
    expect(squirrelMacBody(yes.body).url).toContain('/1.3.0/');
    await check('1.2.0').set('X-Device-ID', outside).expect(204);
    // Without an id the server cannot gate, and Squirrel.Mac has no rollout hint: the release stays hidden.
    await check('1.2.0').expect(204);
  });

  it('answers 204 when the offered release has no zip (Squirrel.Mac installs nothing else)', async () => {
    await check('2.0.0', 'x64').expect(204);
  });

  it('carries an ETag and answers If-None-Match with 304', async () => {
    const first = await check('1.1.0').expect(200);
    await check('1.1.0')
      .set('If-None-Match', first.headers.etag as string)
      .expect(304);
  });

  it('answers 404 with a message for a platform the owner does not have', async () => {
    const res = await request(t.app).get(
      `/update/${owner}/Feeds%20Lab/stable/macos/arm64/1.0.0/squirrel-mac`,
    );
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/no platform "macos"/);
  });
});

describe('Squirrel.Mac JSON-file mode: …/RELEASES.json', () => {
  const document = (arch = 'arm64', headers: Record<string, string> = {}) =>
    request(t.app)
      .get(`${feed(arch)}/RELEASES.json`)
      .set(headers)
      .expect(200);

  it('lists every fully rolled-out release with a zip, currentRelease the newest', async () => {
    const res = await document();
    expect(res.body.currentRelease).toBe('1.2.0');
    expect(res.body.releases.map((r: { version: string }) => r.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    for (const entry of res.body.releases) {
      expect(entry.updateTo.version).toBe(entry.version);
      const body = squirrelMacBody(entry.updateTo);
      const zip = await download(t.app, body.url).expect(200);
      expect((zip.body as Buffer).equals(zips.get(zipName(entry.version)) ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it('leads Squirrel to the newest release, and nowhere from it or from newer', async () => {
    const res = await document();
    expect(squirrelMacJsonMode(res.body, '1.0.0')?.url).toContain('/1.2.0/');
    expect(squirrelMacJsonMode(res.body, '1.2.0')).toBeUndefined();
    expect(squirrelMacJsonMode(res.body, '1.10.0')).toBeUndefined();
  });

  it('includes a staged release for a device in its rollout', async () => {
    const res = await document('arm64', { 'X-Device-ID': deviceWhere(stagedSeed, (b) => b < 40) });
    expect(res.body.currentRelease).toBe('1.3.0');
    expect(squirrelMacJsonMode(res.body, '1.2.0')?.url).toContain('/1.3.0/');
  });

  it('skips releases without a zip', async () => {
    const res = await document('x64');
    expect(res.body.currentRelease).toBe('2.0.0');
    expect(res.body.releases).toHaveLength(1);
  });
});
