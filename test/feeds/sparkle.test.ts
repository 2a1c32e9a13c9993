import { randomBytes } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPARKLE_NS } from '../../src/core/feeds/sparkle.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { newAdmin } from '../helpers/auth.js';
import {
  deviceWhere,
  feedTenant,
  type Publish,
  publisher,
  rawBody,
  rolloutSeedOf,
} from '../helpers/feeds.js';
import { createApp, createNamed, type UploadFile } from '../helpers/releases.js';

/**
 * The Sparkle appcast against the contract Sparkle's own parser implements (feed-formats.md §3): parsed as XML with
 * namespaces (a strict parser: any well-formedness error fails the test), then checked element by element.
 */

let t: TestApp;
let owner: string;
let token: string;
/** Publishes to stable/mac/arm64 of Feeds Lab unless the fields say otherwise. */
let publish: Publish;

const APP = 'Feeds Lab';
const FEED = () => `/update/${owner}/${encodeURIComponent(APP)}/stable/mac/arm64`;
const file = (name: string, size = 1500): UploadFile => ({ name, content: randomBytes(size) });

function parseXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`appcast is not well-formed XML (${level}): ${message}`);
    },
  }).parseFromString(text, 'application/xml');
}

/** The direct children of an element with that namespace and local name (null namespace = no prefix). */
function children(parent: Element, ns: string | null, name: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const el = node as Element;
    if (node.nodeType === 1 && el.localName === name && (el.namespaceURI ?? null) === ns) found.push(el);
  }
  return found;
}

function child(parent: Element, ns: string | null, name: string): Element | undefined {
  const found = children(parent, ns, name);
  expect(found.length, `<${name}> appears at most once`).toBeLessThanOrEqual(1);
  return found[0];
}

const text = (parent: Element, ns: string | null, name: string) => child(parent, ns, name)?.textContent;

async function appcast(path = `${FEED()}/appcast.xml`, headers: Record<string, string> = {}) {
  const res = await request(t.app).get(path).set(headers).buffer(true).parse(textParser).expect(200);
  expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
  const body = res.body as string;
  const doc = parseXml(body);
  const rss = doc.documentElement as Element;
  expect(rss.localName).toBe('rss');
  expect(rss.getAttribute('version')).toBe('2.0');
  // The declaration itself must carry the exact http:// URI: Sparkle matches by URI, not by prefix.
  expect(rss.getAttribute('xmlns:sparkle')).toBe('http://www.andymatuschak.org/xml-namespaces/sparkle');
  const channels = children(rss, null, 'channel');
  expect(channels).toHaveLength(1);
  const channel = channels[0] as Element;
  return { res, body, channel, items: children(channel, null, 'item') };
}

function textParser(res: request.Response, done: (err: Error | null, body: string) => void): void {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    data += chunk;
  });
  res.on('end', () => done(null, data));
}

const versionsOf = (items: Element[]) => items.map((item) => text(item, SPARKLE_NS, 'version'));

async function download(url: string): Promise<Buffer> {
  const res = await rawBody(request(t.app).get(new URL(url).pathname)).expect(200);
  return res.body as Buffer;
}

const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

const zip100 = file('Feeds Lab 1.0.0.zip', 3000);
const dmg110 = file('Feeds Lab Übersicht 1.1.0.dmg', 2500);
const zip120 = file('Feeds Lab-1.2.0.zip', 4000);
const delta120 = file('Feeds Lab1.2.0-1.1.0.delta', 700);
const NOTES = [
  '## What is new',
  '',
  '* **faster** sync <b>bold</b> & <i>tags</i>',
  '* a tricky ]]> sequence',
  '',
  '<script>alert("x")</script>',
  '',
  'See <img src="x.png" onerror="alert(1)"> [link](javascript:alert(1)) and [ok](https://feeds.test/notes).',
].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, token } = await feedTenant(t, {
    apps: [APP, { name: 'Hidden', private: true }],
    channels: ['stable', 'beta'],
    platforms: { mac: [] },
    archs: ['arm64', 'x64'],
  }));
  publish = publisher(t, token, { app_name: APP, channel: 'stable', platform: 'mac', arch: 'arm64' });
  await publish('1.0.0', [zip100], { signature: 'c2lnLTEuMC4w' });
  await publish('1.1.0', [dmg110, file('appcast.xml', 300)], { signature: 'c2lnLTEuMS4w+/==' });
  await publish('1.2.0', [zip120], {
    signature: 'c2lnLTEuMi4w',
    critical: true,
    minimum_system_version: '12.0',
    changelog: NOTES,
  });
  // The delta has its own signature, so it comes in its own upload to the same version.
  await publish('1.2.0', [delta120], { signature: 'ZGVsdGEtc2ln' });
  // Not an archive Sparkle could install: no item.
  await publish('1.2.5', [file('readme.txt', 10)]);
  await publish('1.3.0-beta.1', [file('Feeds Lab 1.3.0-beta.1.zip')], { channel: 'beta' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('appcast.xml', () => {
  it('is RSS 2.0 in the exact Sparkle namespace, one item per release with an archive, newest first', async () => {
    const { channel, items } = await appcast();
    expect(text(channel, null, 'title')).toBe(APP);
    expect(versionsOf(items)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
    for (const item of items) {
      const version = text(item, SPARKLE_NS, 'version');
      expect(text(item, null, 'title')).toBe(`${APP} ${version}`);
      expect(text(item, SPARKLE_NS, 'shortVersionString')).toBe(version);
      const pubDate = text(item, null, 'pubDate') ?? '';
      expect(pubDate).toMatch(RFC822);
      expect(Math.abs(Date.parse(pubDate) - Date.now())).toBeLessThan(10 * 60_000);
      // Items of another channel never appear: Sparkle would otherwise ignore them (or worse, take them).
      expect(child(item, SPARKLE_NS, 'channel')).toBeUndefined();
    }
  });

  it('gives each item an enclosure Sparkle accepts, with the archive bytes at its URL', async () => {
    const { items } = await appcast();
    const expected = [
      { file: zip120, signature: 'c2lnLTEuMi4w' },
      { file: dmg110, signature: 'c2lnLTEuMS4w+/==' },
      { file: zip100, signature: 'c2lnLTEuMC4w' },
    ];
    for (const [i, item] of items.entries()) {
      const want = expected[i];
      if (!want) throw new Error('unexpected item');
      const enclosures = children(item, null, 'enclosure');
      expect(enclosures).toHaveLength(1);
      const enclosure = enclosures[0] as Element;
      const url = new URL(enclosure.getAttribute('url') ?? '', `http://updraft.test${FEED()}/appcast.xml`);
      expect(['http:', 'https:']).toContain(url.protocol);
      // Spaces and non-ASCII travel percent-encoded; the name is the uploaded one.
      expect(url.href).not.toMatch(/\s/);
      expect(decodeURIComponent(url.pathname.split('/').pop() ?? '')).toBe(want.file.name);
      expect(enclosure.getAttribute('length')).toBe(String(want.file.content.length));
      expect(enclosure.getAttribute('type')).toBe('application/octet-stream');
      expect(enclosure.getAttributeNS(SPARKLE_NS, 'edSignature')).toBe(want.signature);
      expect(enclosure.getAttributeNS(SPARKLE_NS, 'version')).toBe(text(item, SPARKLE_NS, 'version'));
      // Absent sparkle:os means macOS, the only value Sparkle itself installs.
      expect(enclosure.hasAttributeNS(SPARKLE_NS, 'os')).toBe(false);
      expect((await download(url.href)).equals(want.file.content)).toBe(true);
    }
  });

  it('marks critical updates and minimum system versions only where the release has them', async () => {
    const { items } = await appcast();
    const [v120, v110] = items as [Element, Element];
    expect(child(v120, SPARKLE_NS, 'criticalUpdate')).toBeDefined();
    expect(text(v120, SPARKLE_NS, 'minimumSystemVersion')).toBe('12.0');
    expect(child(v110, SPARKLE_NS, 'criticalUpdate')).toBeUndefined();
    expect(child(v110, SPARKLE_NS, 'minimumSystemVersion')).toBeUndefined();
  });

  it('lists uploaded .delta files under sparkle:deltas with the build they update from', async () => {
    const { items } = await appcast();
    const [v120, v110] = items as [Element, Element];
    expect(child(v110, SPARKLE_NS, 'deltas')).toBeUndefined();
    const deltas = child(v120, SPARKLE_NS, 'deltas');
    if (!deltas) throw new Error('no sparkle:deltas');
    const enclosures = children(deltas, null, 'enclosure');
    expect(enclosures).toHaveLength(1);
    const delta = enclosures[0] as Element;
    expect(delta.getAttributeNS(SPARKLE_NS, 'deltaFrom')).toBe('1.1.0');
    expect(delta.getAttribute('length')).toBe(String(delta120.content.length));
    expect(delta.getAttributeNS(SPARKLE_NS, 'edSignature')).toBe('ZGVsdGEtc2ln');
    const url = delta.getAttribute('url') ?? '';
    expect((await download(url)).equals(delta120.content)).toBe(true);
  });

  it('carries the markdown changelog as sanitised HTML in a CDATA description', async () => {
    const { body, items } = await appcast();
    const [v120, v110] = items as [Element, Element];
    expect(child(v110, null, 'description')).toBeUndefined();
    const description = child(v120, null, 'description');
    if (!description) throw new Error('no description');
    expect(description.firstChild?.nodeType).toBe(4); // CDATA
    const html = description.textContent ?? '';
    expect(html).toContain('<h2>What is new</h2>');
    expect(html).toContain('<strong>faster</strong>');
    expect(html).toContain('<b>bold</b>');
    expect(html).toContain('<i>tags</i>');
    expect(html).toContain('<a href="https://feeds.test/notes">ok</a>');
    expect(html).not.toMatch(/<script|alert\("x"\)|onerror|javascript:/i);
    // `]]>` in the notes neither ends the CDATA section early nor gets lost: as HTML it still reads `]]>`.
    const shown = html
      .replace(/<[^>]*>/g, '')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(shown).toContain('a tricky ]]> sequence');
    expect(shown).toContain('bold & tags');
    expect(body).toContain('<![CDATA[');
  });

  it('answers appcast.{channel}.xml and appcast-*.xml with the feed of the path, never another channel', async () => {
    const plain = await appcast();
    const faynosync = await appcast(`${FEED()}/appcast.beta.xml`);
    const dashed = await appcast(`${FEED()}/appcast-mac.xml`);
    expect(faynosync.body).toBe(plain.body);
    expect(dashed.body).toBe(plain.body);
    const beta = await appcast(`/update/${owner}/${encodeURIComponent(APP)}/beta/mac/arm64/appcast.xml`);
    expect(versionsOf(beta.items)).toEqual(['1.3.0-beta.1']);
    const otherArch = await appcast(`/update/${owner}/${encodeURIComponent(APP)}/stable/mac/x64/appcast.xml`);
    expect(otherArch.items).toHaveLength(0);
  });

  it('honours a required intermediate when the client names its version', async () => {
    await createApp(t.app, token, 'Stepper');
    const place = { app_name: 'Stepper', arch: 'x64' };
    await publish('2.0.0', [file('Stepper-2.0.0.zip')], place);
    await publish('2.1.0', [file('Stepper-2.1.0.zip')], { ...place, intermediate: true });
    await publish('2.2.0', [file('Stepper-2.2.0.zip')], place);
    const path = `/update/${owner}/Stepper/stable/mac/x64/appcast.xml`;
    expect(versionsOf((await appcast(path)).items)).toEqual(['2.2.0', '2.1.0', '2.0.0']);
    expect(versionsOf((await appcast(`${path}?version=2.0.0`)).items)).toEqual(['2.1.0', '2.0.0']);
    expect(versionsOf((await appcast(`${path}?version=2.1.0`)).items)).toEqual(['2.2.0', '2.1.0', '2.0.0']);
  });

  it('serves WinSparkle installers marked with sparkle:os', async () => {
    await createNamed(t.app, token, 'platform', 'windows');
    const msi = file('Feeds Lab 1.0.0.msi');
    await publish('1.0.0', [msi], { platform: 'windows', arch: 'x64' });
    const { items } = await appcast(
      `/update/${owner}/${encodeURIComponent(APP)}/stable/windows/x64/appcast.xml`,
    );
    expect(items).toHaveLength(1);
    const enclosure = child(items[0] as Element, null, 'enclosure') as Element;
    expect(enclosure.getAttributeNS(SPARKLE_NS, 'os')).toBe('windows');
    expect((await download(enclosure.getAttribute('url') ?? '')).equals(msi.content)).toBe(true);
  });
});

describe('staged rollout', () => {
  const path = () => `/update/${owner}/Staged/stable/mac/arm64/appcast.xml`;
  let seed: string;

  beforeAll(async () => {
    const appId = await createApp(t.app, token, 'Staged');
    await publish('3.0.0', [file('Staged-3.0.0.zip')], { app_name: 'Staged' });
    await publish('3.1.0', [file('Staged-3.1.0.zip')], { app_name: 'Staged', rollout: 40 });
    seed = await rolloutSeedOf(t, '3.1.0', { appId });
  });

  it('hides a staged release from a client without an id (Sparkle cannot gate a percentage itself)', async () => {
    expect(versionsOf((await appcast(path())).items)).toEqual(['3.0.0']);
  });

  it('gates it by X-Device-ID with FaynoSync bucket', async () => {
    const inside = deviceWhere(seed, (bucket) => bucket < 40);
    const outside = deviceWhere(seed, (bucket) => bucket >= 40);
    const inRes = await appcast(path(), { 'X-Device-ID': inside });
    const outRes = await appcast(path(), { 'X-Device-ID': outside });
    expect(versionsOf(inRes.items)).toEqual(['3.1.0', '3.0.0']);
    expect(versionsOf(outRes.items)).toEqual(['3.0.0']);
    expect(inRes.res.headers.etag).not.toBe(outRes.res.headers.etag);
    expect(inRes.res.headers.vary).toMatch(/X-Device-ID/i);
  });
});

describe('caching and errors', () => {
  it('carries an ETag and answers If-None-Match with 304 until the feed changes', async () => {
    await createApp(t.app, token, 'Cached');
    await publish('1.0.0', [file('Cached-1.0.0.zip')], { app_name: 'Cached' });
    const path = `/update/${owner}/Cached/stable/mac/arm64/appcast.xml`;
    const first = await appcast(path);
    const etag = first.res.headers.etag as string;
    expect(etag).toBeTruthy();
    await request(t.app).get(path).set('If-None-Match', etag).expect(304);
    await publish('1.1.0', [file('Cached-1.1.0.zip')], { app_name: 'Cached' });
    const second = await appcast(path);
    expect(second.res.headers.etag).not.toBe(etag);
    expect(versionsOf(second.items)).toEqual(['1.1.0', '1.0.0']);
    const head = await request(t.app).head(path).expect(200);
    expect(head.headers.etag).toBe(second.res.headers.etag);
  });

  it('has no feed for private apps, unknown names, or a tenant that is not the owner', async () => {
    const hidden = await request(t.app)
      .get(`/update/${owner}/Hidden/stable/mac/arm64/appcast.xml`)
      .expect(404);
    expect(hidden.body.error).toMatch(/private/);
    const channel = await request(t.app)
      .get(`/update/${owner}/${encodeURIComponent(APP)}/nightly/mac/arm64/appcast.xml`)
      .expect(404);
    expect(channel.body.error).toMatch(/no channel "nightly"/);
    const other = await newAdmin(t.app);
    await request(t.app)
      .get(`/update/${other.username}/${encodeURIComponent(APP)}/stable/mac/arm64/appcast.xml`)
      .expect(404);
    const bad = await request(t.app)
      .get(`/update/${owner}/Feeds%ZZLab/stable/mac/arm64/appcast.xml`)
      .expect(400);
    expect(bad.body.error).toMatch(/percent-encoding/);
  });

  it('serves an empty appcast for a tenant without channels, platforms or archs (`_` segments)', async () => {
    const solo = await feedTenant(t, { apps: ['Solo'] });
    await publisher(t, solo.token, { app_name: 'Solo' })('0.1.0', [file('Solo-0.1.0.zip')]);
    const { items } = await appcast(`/update/${solo.owner}/Solo/_/_/_/appcast.xml`);
    expect(versionsOf(items)).toEqual(['0.1.0']);
  });
});
