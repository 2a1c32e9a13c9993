import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compareVersions, parseVersion } from '../../src/core/version-numbers.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import { deviceWhere, feedTenant, publisher, rawBody, rolloutSeedOf } from '../helpers/feeds.js';
import type { UploadFile } from '../helpers/releases.js';

/**
 * The feed doctor explains by running the feeds' own answer functions, so it cannot disagree with them. This drives
 * both over HTTP on a matrix of releases (unpublished, critical, staged, required intermediate, files missing per
 * platform, an unsigned Tauri bundle, full and delta packages, two channels, platforms and archs) and clients
 * (version or none, device in or out of a rollout or none), and reads each feed's offer from its body the way the
 * real client would.
 */

const APP = 'Matrix';
const file = (name: string): UploadFile => ({ name, content: Buffer.from(`bytes of ${name}`) });
const sig = (name: string) => Buffer.from(`untrusted comment: signature\n${name}`).toString('base64');

interface Verdict {
  updater: string;
  path: string;
  status: number;
  offers: string | null;
  reason: string;
}

/** Newest of `versions` when newer than the client's (any, when the client's is unknown), else null. */
function newestAbove(versions: string[], client: string | undefined): string | null {
  const sorted = versions.map((v) => parseVersion(v)).sort(compareVersions);
  const newest = sorted.at(-1);
  if (!newest) return null;
  if (client !== undefined && compareVersions(newest, parseVersion(client)) <= 0) return null;
  return newest.text;
}

/** What the real client of each format would install, read from the feed's answer. */
function offeredBy(updater: string, status: number, body: Buffer, client: string | undefined): string | null {
  if (status !== 200) return null;
  const text = body.toString('utf8');
  switch (updater) {
    case 'electron-builder': {
      const info = parseYaml(text) as { version: string; stagingPercentage?: number };
      // electron-updater: 0% means nobody; otherwise the client updates to a newer `version`.
      if (info.stagingPercentage === 0) return null;
      return newestAbove([info.version], client);
    }
    case 'squirrel_windows': {
      // Squirrel: the version in each package's file name; the newest full package wins.
      const versions = text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => decodeURIComponent((line.split(/\s+/)[1] ?? '').split('/').at(-1) ?? ''))
        .filter((name) => !/-delta\.nupkg$/i.test(name))
        .map(
          (name) =>
            /(\d+(?:\.\d+){0,3}(?:-[A-Za-z][0-9A-Za-z-]*)?)$/.exec(
              name.replace(/(-full)?\.nupkg$/i, ''),
            )?.[1],
        )
        .filter((v): v is string => v !== undefined);
      return newestAbove(versions, client);
    }
    case 'squirrel_darwin': {
      // Server mode installs whatever `url` names; its release's folder carries the version.
      const { url } = JSON.parse(text) as { url: string };
      return decodeURIComponent(new URL(url).pathname.split('/').at(-2) ?? '');
    }
    case 'sparkle': {
      const versions = [...text.matchAll(/<sparkle:version>([^<]+)<\/sparkle:version>/g)].map(
        (m) => m[1] ?? '',
      );
      return newestAbove(versions, client);
    }
    case 'tauri':
      return (JSON.parse(text) as { version: string }).version;
    case 'velopack': {
      const { Assets } = JSON.parse(text) as { Assets: { Version: string; Type: string }[] };
      return newestAbove(
        Assets.filter((a) => a.Type === 'Full').map((a) => a.Version),
        client,
      );
    }
    default:
      throw new Error(`no reader for ${updater}`);
  }
}

describe('the feed doctor agrees with every feed', () => {
  let t: TestApp;
  let token = '';
  let owner = '';
  let inside = '';
  let outside = '';

  beforeAll(async () => {
    t = await createTestApp();
    const tenant = await feedTenant(t, {
      apps: [APP],
      channels: ['stable', 'beta'],
      platforms: { win: [], mac: [] },
      archs: ['x64', 'arm64'],
    });
    ({ token, owner } = tenant);
    const publish = publisher(t, token, { app_name: APP, channel: 'stable', platform: 'win', arch: 'x64' });
    const signed = (names: string[]) => names.map(file);
    // stable/win/x64: every format's files, then releases each missing some of them.
    const all = (v: string) => [
      `${APP}-${v}-full.nupkg`,
      `${APP} Setup ${v}.exe`,
      `${APP}-${v}-mac.zip`,
      `${APP}_${v}.app.tar.gz`,
    ];
    await publish('1.0.0', signed(all('1.0.0')), { signature: sig('1.0.0') });
    await publish('1.1.0', signed([...all('1.1.0'), `${APP}-1.1.0-delta.nupkg`]), {
      signature: sig('1.1.0'),
      critical: true,
    });
    // Staged, and its Tauri bundle unsigned.
    await publish('1.2.0', signed(all('1.2.0')), { rollout: 30 });
    // Only an installer: the package feeds (RELEASES, Velopack) and the zip feeds stop at 1.2.0 or 1.1.0.
    await publish('1.3.0', [file(`${APP} Setup 1.3.0.exe`)]);
    await publish('1.4.0', signed(all('1.4.0')), { publish: false, signature: sig('1.4.0') });
    // stable/mac/arm64 (versions are per channel, so these have their own numbers): a required intermediate, an
    // unsigned-only release, a staged one.
    const mac = { platform: 'mac', arch: 'arm64' };
    await publish('1.0.1', [file(`${APP}-1.0.1-arm64.zip`)], mac);
    await publish('1.1.1', [file(`${APP}_1.1.1_aarch64.app.tar.gz`)], mac);
    await publish('1.2.1', [file(`${APP}-1.2.1-arm64.zip`), file(`${APP}_1.2.1_aarch64.app.tar.gz`)], {
      ...mac,
      intermediate: true,
      signature: sig('mac 1.2.1'),
    });
    await publish('1.3.1', [file(`${APP}-1.3.1-arm64.zip`)], { ...mac, rollout: 50 });
    // beta/win/x64: another channel's line.
    await publish(
      '2.0.0-beta1',
      [file(`${APP}-2.0.0-beta1-full.nupkg`), file(`${APP} Setup 2.0.0-beta1.exe`)],
      {
        channel: 'beta',
      },
    );
    const seed = await rolloutSeedOf(t, '1.2.0', { owner, app: APP });
    inside = deviceWhere(seed, (b) => b < 30);
    outside = deviceWhere(seed, (b) => b >= 30);
  });
  afterAll(() => t.close());

  const families = ['stable/win/x64', 'stable/mac/arm64', 'beta/win/x64', 'stable/win/arm64'];
  const versions = [undefined, '1.0.0', '1.1.0', '1.2.1', '1.3.0', '9.9.9'];
  const ids = () => [undefined, inside, outside];

  it('offers, per format and client, what the feed body offers, with the same status', async () => {
    let compared = 0;
    const offers = new Map<string, Set<string | null>>();
    for (const family of families) {
      const base = `/update/${encodeURIComponent(owner)}/${APP}/${family}`;
      for (const version of versions) {
        for (const id of ids()) {
          const query: Record<string, string> = {};
          if (version) query.version = version;
          if (id) query.id = id;
          const doctor = await request(t.app)
            .get(`${base}/explain`)
            .query(query)
            .set(bearer(token))
            .expect(200);
          const feeds = doctor.body.feeds as Verdict[];
          expect(feeds.map((f) => f.updater).sort()).toEqual([
            'electron-builder',
            'sparkle',
            'squirrel_darwin',
            'squirrel_windows',
            'tauri',
            'velopack',
          ]);
          for (const verdict of feeds) {
            // The request the described client makes: its version in the path, or as the format's parameter.
            const inPath = /^[^/]+\/[^/]+$/.test(verdict.path);
            const params = new URLSearchParams();
            if (version && !inPath)
              params.set(verdict.updater === 'velopack' ? 'localVersion' : 'version', version);
            const feed = request(t.app).get(`${base}/${verdict.path}${params.size ? `?${params}` : ''}`);
            if (id) feed.set('X-Device-ID', id);
            const res = await rawBody(feed);
            const client = inPath ? verdict.path.split('/')[0] : version;
            const what = `${family} ${verdict.path} version=${version ?? '-'} id=${id ?? '-'}`;
            expect(res.status, what).toBe(verdict.status);
            expect(verdict.offers, `${what}: ${verdict.reason}`).toBe(
              offeredBy(verdict.updater, res.status, res.body as Buffer, client),
            );
            const key = `${family} ${verdict.updater}`;
            offers.set(key, (offers.get(key) ?? new Set()).add(verdict.offers));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(families.length * versions.length * 3 * 6);
    // The matrix does reach different answers: formats disagree where a release lacks their files.
    expect([...(offers.get('stable/win/x64 velopack') ?? [])]).not.toContain('1.3.0');
    expect([...(offers.get('stable/win/x64 electron-builder') ?? [])]).toContain('1.3.0');
  });

  it('gives the reason a format offers nothing newer', async () => {
    const base = `/update/${encodeURIComponent(owner)}/${APP}/stable`;
    const win = await request(t.app)
      .get(`${base}/win/x64/explain`)
      .query({ version: '1.1.0', id: inside })
      .set(bearer(token))
      .expect(200);
    const byUpdater = Object.fromEntries((win.body.feeds as Verdict[]).map((f) => [f.updater, f]));
    // 1.2.0's bundle is not signed, and 1.3.0 has no bundle: Tauri has nothing to install.
    expect(byUpdater.tauri).toMatchObject({ status: 204, offers: null });
    expect(byUpdater.tauri?.reason).toMatch(/no signed update bundle/);
    // Velopack lists 1.2.0's package, the newest there is; electron-builder offers 1.3.0's installer.
    expect(byUpdater.velopack).toMatchObject({ status: 200, offers: '1.2.0' });
    expect(byUpdater['electron-builder']).toMatchObject({ offers: '1.3.0' });
    const mac = await request(t.app)
      .get(`${base}/mac/arm64/explain`)
      .query({ version: '1.0.1' })
      .set(bearer(token))
      .expect(200);
    const tauri = (mac.body.feeds as Verdict[]).find((f) => f.updater === 'tauri');
    // The required intermediate comes first, and it has a signed bundle.
    expect(tauri).toMatchObject({ status: 200, offers: '1.2.1' });
    expect(tauri?.reason).toMatch(/required intermediate/);
  });
});
