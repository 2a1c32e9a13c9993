import { extname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/releases/catalog-load.js';
import {
  type LineRelease,
  loadReleaseIndex,
  type ReleaseIndex,
  releaseLine,
} from '../../src/core/releases/index-load.js';
import { rolloutBucket } from '../../src/core/releases/rollout.js';
import { decide, manualBody, newestOpenRollout } from '../../src/core/update/decision.js';
import { parseVersion } from '../../src/core/version-numbers.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertReleases, type SeededTenant, seedTenant } from '../helpers/seed.js';

interface ReleaseOptions {
  critical?: boolean;
  intermediate?: boolean;
  percent?: number;
  seed?: string;
  changelog?: string;
  /** File names, or a name with the link its stored key gives (FaynoSync renames files in the key). */
  files?: (string | { name: string; link: string })[];
  signatures?: Record<string, string>;
}

let artifactCount = 0;
/** A release as a line holds it, built by hand: the decision is a pure function of these. */
function release(version: string, options: ReleaseOptions = {}): LineRelease {
  const files = options.files ?? [`app-${version}.dmg`];
  const artifacts = files.map((file) => {
    const { name, link } = typeof file === 'string' ? { name: file, link: `https://dl.test/${file}` } : file;
    return {
      id: `artifact-${++artifactCount}`,
      platformId: null,
      archId: null,
      platform: '',
      arch: '',
      fileName: name,
      ext: extname(name).slice(1),
      link,
      signature: options.signatures?.[name] ?? null,
      storageKey: `releases/t/a/_/${version}/_/_/${name}`,
      size: 100,
      sha1: '0'.repeat(40),
      sha256: '0'.repeat(64),
      sha512: '0'.repeat(128),
      createdAt: new Date(0),
      visibility: 'public' as const,
      variantId: null,
    };
  });
  return {
    release: {
      id: `release-${version}`,
      version: parseVersion(version),
      channelId: null,
      critical: options.critical ?? false,
      intermediate: options.intermediate ?? false,
      rollout: { percent: options.percent ?? 100, seed: options.seed ?? '0123456789abcdef' },
      changelog: options.changelog ?? '',
      publishedAt: new Date(0),
      minSystemVersion: null,
      artifacts,
    },
    artifacts,
  };
}

function fail(): never {
  throw new Error('expected a decision: the line is not empty');
}

/** The exact bytes the hot path would send. */
function answer(line: LineRelease[], client: string, deviceId?: string): string {
  return JSON.stringify(manualBody(decide(line, parseVersion(client), deviceId) ?? fail()));
}

function offered(line: LineRelease[], client: string, deviceId?: string): string | undefined {
  const decision = decide(line, parseVersion(client), deviceId);
  return decision?.updateAvailable ? decision.shown?.release.version.text : undefined;
}

/** A device id whose bucket for `seed` is (or is not) below `percent`. */
function deviceWhere(seed: string, eligible: (bucket: number) => boolean): string {
  for (let i = 0; ; i++) {
    const id = `device-${i}`;
    if (eligible(rolloutBucket(id, seed))) return id;
  }
}

describe('the §5.4 worked examples', () => {
  // FaynoSync stores these as `testapp-<version><ext>`; the extension comes from the uploaded name.
  const files = (v: string) =>
    ['LICENSE', 'LICENSE.dmg', 'LICENSE.pkg'].map((name) => ({
      name,
      link: `https://dl.test/testapp-${v}${extname(name)}`,
    }));
  const nightly = [
    release('0.0.1.137', { files: files('0.0.1.137') }),
    release('0.0.2.137', { files: files('0.0.2.137'), critical: true, changelog: '### Changelog' }),
  ];

  it('no update when the client has the latest: the latest files, no changelog', () => {
    expect(answer(nightly, '0.0.2.137')).toBe(
      '{"critical":true,"possible_rollback":false,"update_available":false,' +
        '"update_url":"https://dl.test/testapp-0.0.2.137","update_url_dmg":"https://dl.test/testapp-0.0.2.137.dmg",' +
        '"update_url_pkg":"https://dl.test/testapp-0.0.2.137.pkg"}',
    );
  });

  it('a client ahead of what is published may roll back: the latest files, its changelog and critical flag', () => {
    expect(answer(nightly, '0.0.3.137')).toBe(
      '{"changelog":"### Changelog\\n","critical":true,"possible_rollback":true,"update_available":false,' +
        '"update_url":"https://dl.test/testapp-0.0.2.137","update_url_dmg":"https://dl.test/testapp-0.0.2.137.dmg",' +
        '"update_url_pkg":"https://dl.test/testapp-0.0.2.137.pkg"}',
    );
  });

  it('an older client gets the latest with its changelog and critical flag', () => {
    expect(answer(nightly, '0.0.1.137')).toBe(
      '{"changelog":"### Changelog\\n","critical":true,"update_available":true,' +
        '"update_url":"https://dl.test/testapp-0.0.2.137","update_url_dmg":"https://dl.test/testapp-0.0.2.137.dmg",' +
        '"update_url_pkg":"https://dl.test/testapp-0.0.2.137.pkg"}',
    );
  });

  it('also accepts the client version written with a dash, as FaynoSync clients send it', () => {
    expect(answer(nightly, '0.0.2-137')).toBe(answer(nightly, '0.0.2.137'));
  });

  describe('the intermediate chain 0.0.6.135 → 0.0.7.137* → 0.0.9.137* (critical) → 0.0.10.138', () => {
    const chain = [
      release('0.0.6.135'),
      release('0.0.7.137', { intermediate: true }),
      release('0.0.8.136'),
      release('0.0.9.137', { intermediate: true, critical: true }),
      release('0.0.10.138'),
    ];

    it('offers the lowest required intermediate above the client first', () => {
      expect(answer(chain, '0.0.6.135')).toBe(
        '{"critical":false,"is_intermediate_required":true,"update_available":true,"update_url_dmg":"https://dl.test/app-0.0.7.137.dmg"}',
      );
    });

    it('from the first intermediate and from the release after it, the next (critical) intermediate', () => {
      const expected =
        '{"critical":true,"is_intermediate_required":true,"update_available":true,"update_url_dmg":"https://dl.test/app-0.0.9.137.dmg"}';
      expect(answer(chain, '0.0.7.137')).toBe(expected);
      expect(answer(chain, '0.0.8.136')).toBe(expected);
    });

    it('from the last intermediate, the latest, without the intermediate key (10 > 9: numbers, not text)', () => {
      expect(answer(chain, '0.0.9.137')).toBe(
        '{"critical":false,"update_available":true,"update_url_dmg":"https://dl.test/app-0.0.10.138.dmg"}',
      );
    });

    it('from the latest, no update', () => {
      expect(answer(chain, '0.0.10.138')).toBe(
        '{"critical":false,"possible_rollback":false,"update_available":false,"update_url_dmg":"https://dl.test/app-0.0.10.138.dmg"}',
      );
    });

    it('critical is only the offered release’s own flag without a device id (FaynoSync)', () => {
      const line = [release('1.0'), release('1.1', { critical: true }), release('1.2')];
      expect(decide(line, parseVersion('1.0'))?.critical).toBe(false);
    });
  });
});

describe('answer shape', () => {
  it('leaves out block maps and Squirrel packages, and names files without an extension update_url', () => {
    const line = [
      release('2.0', { files: ['RELEASES', 'app-2.0-full.nupkg', 'app.exe', 'app.exe.blockmap'] }),
    ];
    expect(answer(line, '1.0')).toBe(
      '{"critical":false,"update_available":true,"update_url":"https://dl.test/RELEASES","update_url_exe":"https://dl.test/app.exe"}',
    );
  });

  it('lists the newest upload when two files share an extension', () => {
    const line = [release('2.0', { files: ['old.zip', 'new.zip'] })];
    expect(JSON.parse(answer(line, '1.0')).update_url_zip).toBe('https://dl.test/new.zip');
  });

  it('adds the signature of a listed file', () => {
    const line = [release('2.0', { files: ['app.tar.gz', 'app.sig'], signatures: { 'app.tar.gz': 'c2ln' } })];
    expect(answer(line, '1.0')).toBe(
      '{"critical":false,"signature":"c2ln","update_available":true,"update_url_gz":"https://dl.test/app.tar.gz","update_url_sig":"https://dl.test/app.sig"}',
    );
  });

  it('says "Not found" when there is no update and nothing to list', () => {
    const line = [release('2.0', { files: ['app.nupkg'] })];
    expect(answer(line, '2.0')).toBe('{"error":"Not found","update_available":false}');
  });

  it('decides nothing when the line is empty (the check answers FaynoSync’s 400 then)', () => {
    expect(decide([], parseVersion('1.0'))).toBeUndefined();
  });

  it('adds the rollout of a staged offer, and only of an offer', () => {
    const line = [release('1.0'), release('2.0', { percent: 25, seed: 'feedfacecafebeef' })];
    expect(answer(line, '1.0')).toBe(
      '{"critical":false,"rollout":{"percent":25,"seed":"feedfacecafebeef"},"update_available":true,"update_url_dmg":"https://dl.test/app-2.0.dmg"}',
    );
    expect(answer(line, '2.0')).not.toContain('rollout');
  });
});

describe('version order', () => {
  it('orders four-part versions numerically', () => {
    const line = [release('1.2.3'), release('1.2.3.9'), release('1.2.3.10')];
    expect(offered(line, '1.2.3.9')).toBe('1.2.3.10');
    expect(offered(line, '1.2.3.10')).toBeUndefined();
  });

  it('puts a release above its pre-releases, and beta.10 above beta.2', () => {
    const line = [release('1.2.3-beta.2'), release('1.2.3-beta.10'), release('1.2.3')];
    expect(offered(line, '1.2.3-beta.1')).toBe('1.2.3');
    expect(offered(line.slice(0, 2), '1.2.3-beta.2')).toBe('1.2.3-beta.10');
    expect(decide(line.slice(0, 2), parseVersion('1.2.3'))?.possibleRollback).toBe(true);
  });
});

describe('rollout gating with X-Device-ID', () => {
  const SEED = 'a1b2c3d4e5f60718';
  const line = [
    release('1.0'),
    release('1.1', { critical: true, changelog: 'security fix' }),
    release('1.2', { changelog: 'features' }),
    release('1.3', { percent: 30, seed: SEED, changelog: 'canary' }),
  ];
  const inside = deviceWhere(SEED, (b) => b < 30);
  const outside = deviceWhere(SEED, (b) => b >= 30);

  it('gives a device outside the rollout the newest release it may take, critical because it skips 1.1', () => {
    expect(answer(line, '1.0', outside)).toBe(
      '{"changelog":"features\\n","critical":true,"update_available":true,"update_url_dmg":"https://dl.test/app-1.2.dmg"}',
    );
  });

  it('gives a device inside the rollout the staged release, with the rollout for the SDK to agree with', () => {
    expect(answer(line, '1.0', inside)).toBe(
      `{"changelog":"canary\\n","critical":true,"rollout":{"percent":30,"seed":"${SEED}"},"update_available":true,"update_url_dmg":"https://dl.test/app-1.3.dmg"}`,
    );
  });

  it('without a device id answers as FaynoSync: the staged latest, its own critical flag, the rollout', () => {
    expect(offered(line, '1.0')).toBe('1.3');
    expect(decide(line, parseVersion('1.0'))?.critical).toBe(false);
    expect(decide(line, parseVersion('1.0'))?.staged.map((r) => r.version.text)).toEqual(['1.3']);
  });

  it('tells a device already past every release it may take: no update', () => {
    expect(offered(line, '1.2', outside)).toBeUndefined();
    expect(answer(line, '1.2', outside)).toBe(
      '{"critical":false,"possible_rollback":false,"update_available":false,"update_url_dmg":"https://dl.test/app-1.2.dmg"}',
    );
  });

  it('does not send a device on a release whose rollout it is no longer in back down', () => {
    const decision = decide(line, parseVersion('1.3'), outside);
    expect(decision?.updateAvailable).toBe(false);
    expect(decision?.possibleRollback).toBe(false);
  });

  it('never takes a device past a required intermediate it is not in the rollout of', () => {
    const gated = [
      release('1.0'),
      release('1.1'),
      release('1.2', { intermediate: true, percent: 30, seed: SEED }),
      release('1.3'),
    ];
    expect(offered(gated, '1.0', outside)).toBe('1.1');
    expect(offered(gated, '1.0', inside)).toBe('1.2');
    expect(decide(gated, parseVersion('1.0'), inside)?.intermediateRequired).toBe(true);
    expect(offered(gated, '1.2', outside)).toBe('1.3');
  });

  it('gives every device the same answer when nothing in reach is staged', () => {
    const plain = [release('1.0'), release('2.0')];
    expect(decide(plain, parseVersion('1.0'))?.staged).toEqual([]);
    expect(answer(plain, '1.0', inside)).toBe(answer(plain, '1.0', outside));
  });

  it('gives devices with the same newest open rollout the same answer, so that answers can be shared', () => {
    const staged = [
      release('1.0'),
      release('1.1', { percent: 60, seed: '1111111111111111', critical: true }),
      release('1.2'),
      release('1.3', { percent: 30, seed: '3333333333333333' }),
      release('1.4', { percent: 10, seed: '4444444444444444', intermediate: true }),
      release('1.5'),
    ];
    for (const client of ['0.9', '1.0', '1.1', '1.3']) {
      const gates = decide(staged, parseVersion(client))?.staged ?? [];
      const byKey = new Map<number, Set<string>>();
      for (let i = 0; i < 300; i++) {
        const key = newestOpenRollout(gates, `d${i}`);
        const answers = byKey.get(key) ?? new Set<string>();
        answers.add(answer(staged, client, `d${i}`));
        byKey.set(key, answers);
      }
      for (const answers of byKey.values()) expect(answers.size).toBe(1);
      expect(byKey.size).toBeGreaterThan(1);
    }
  });

  it('offers nothing at 0%', () => {
    const zero = [release('1.0'), release('2.0', { percent: 0, seed: SEED })];
    for (let i = 0; i < 20; i++) expect(offered(zero, '1.0', `d${i}`)).toBeUndefined();
  });
});

describe('release lines from the database', () => {
  let t: TestApp;
  let tenant: SeededTenant;
  let index: ReleaseIndex;

  const lineOf = (platform: string | null, arch: string | null) =>
    releaseLine(
      index,
      tenant.channels.nightly ?? null,
      platform ? (tenant.platforms[platform] ?? null) : null,
      arch ? (tenant.archs[arch] ?? null) : null,
    );

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.database.db;
    tenant = await seedTenant(db, {
      username: 'decision-owner',
      apps: ['app'],
      channels: ['nightly', 'stable'],
      platforms: ['macos', 'windows'],
      archs: ['arm64', 'amd64'],
    });
    const { tenantId } = tenant;
    const appId = tenant.apps.app ?? '';
    const nightly = tenant.channels.nightly;
    const [mac, win] = [tenant.platforms.macos, tenant.platforms.windows];
    const [arm, amd] = [tenant.archs.arm64, tenant.archs.amd64];
    await insertReleases(db, [
      {
        tenantId,
        appId,
        channelId: nightly,
        version: '1.0.0',
        artifacts: [
          { platformId: mac, archId: arm, fileName: 'app-mac-arm.dmg' },
          { platformId: mac, archId: amd, fileName: 'app-mac-amd.dmg' },
          { platformId: win, archId: amd, fileName: 'app-win.exe' },
          { fileName: 'app-any.zip' },
        ],
      },
      // Only macOS/arm64 got 1.1.0; the same extension as the other platforms' files.
      {
        tenantId,
        appId,
        channelId: nightly,
        version: '1.1.0',
        artifacts: [{ platformId: mac, archId: arm, fileName: 'app-1.1-mac-arm.dmg' }],
      },
      // Unpublished and in another channel: neither may ever be offered on nightly.
      {
        tenantId,
        appId,
        channelId: nightly,
        version: '9.0.0',
        published: false,
        artifacts: [{ platformId: mac, archId: arm, fileName: 'draft.dmg' }],
      },
      {
        tenantId,
        appId,
        channelId: tenant.channels.stable,
        version: '5.0.0',
        artifacts: [{ platformId: mac, archId: arm, fileName: 'stable.dmg' }],
      },
      ...['1.2.3.10', '1.2.3-beta.10', '1.2.3', '1.2.3.9', '1.2.3-beta.2'].map((version) => ({
        tenantId,
        appId,
        channelId: tenant.channels.stable,
        version,
        artifacts: [],
      })),
    ]);
    const catalog = await loadCatalog(db, tenantId, 0);
    const app = catalog.apps.get('app');
    if (!app) throw new Error('app not seeded');
    index = await loadReleaseIndex(
      db,
      { apiUrl: 'http://updraft.test', store: t.ctx.store },
      catalog,
      app,
      0,
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const urls = (platform: string | null, arch: string | null, client: string) =>
    manualBody(decide(lineOf(platform, arch), parseVersion(client)) ?? fail());

  it('resolves the same extension per platform and arch', () => {
    expect(urls('macos', 'arm64', '0.1').update_url_dmg).toMatch(/app-1\.1-mac-arm\.dmg$/);
    expect(urls('macos', 'amd64', '0.1').update_url_dmg).toMatch(/app-mac-amd\.dmg$/);
    expect(urls('windows', 'amd64', '0.1')).toMatchObject({
      update_url_exe: expect.stringMatching(/app-win\.exe$/),
    });
    expect(urls('windows', 'amd64', '0.1')).not.toHaveProperty('update_url_dmg');
  });

  it('answers per platform: macOS/arm64 has 1.1.0, macOS/amd64 is current on 1.0.0', () => {
    expect(offered([...lineOf('macos', 'arm64')], '1.0.0')).toBe('1.1.0');
    expect(offered([...lineOf('macos', 'amd64')], '1.0.0')).toBeUndefined();
    expect(decide(lineOf('macos', 'amd64'), parseVersion('1.1.0'))?.possibleRollback).toBe(true);
  });

  it('with neither platform nor arch, only files that have neither', () => {
    expect(urls(null, null, '0.1')).toEqual({
      critical: false,
      update_available: true,
      update_url_zip: expect.stringMatching(/app-any\.zip$/),
    });
  });

  it('ignores unpublished versions and other channels', () => {
    expect(offered([...lineOf('macos', 'arm64')], '1.1.0')).toBeUndefined();
    const published = [...index.channels.values()].flat().map((r) => r.version.text);
    expect(published).not.toContain('9.0.0');
    expect(lineOf('macos', 'arm64').map((r) => r.release.version.text)).toEqual(['1.0.0', '1.1.0']);
  });

  it('sorts by version, not by upload order or text', () => {
    const stable = index.channels.get(tenant.channels.stable ?? '') ?? [];
    expect(stable.map((r) => r.version.text)).toEqual([
      '1.2.3-beta.2',
      '1.2.3-beta.10',
      '1.2.3',
      '1.2.3.9',
      '1.2.3.10',
      '5.0.0',
    ]);
  });

  it('has no line for a platform and arch that never had a file', () => {
    expect(lineOf('windows', 'arm64')).toEqual([]);
  });
});
