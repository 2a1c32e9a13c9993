import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { deviceWhere, feedTenant, type Publish, publisher, rolloutSeedOf } from '../helpers/feeds.js';
import { type UploadFile, upload } from '../helpers/releases.js';
import { API, download, RFC3339, tauriBody } from './squirrel-clients.js';

let t: TestApp;
let owner: string;
let token: string;
let publish: Publish;
let stagedSeed: string;

const NOTES = '# Tauri <em>notes</em>\n\n- "fixed" the thing & more — ünïcode\n';
const files = new Map<string, Buffer>();
/** What `tauri build` writes beside a bundle: the base64 of a minisign signature (its contents are opaque here). */
const sig = (name: string) =>
  Buffer.from(`untrusted comment: signature from tauri secret key\n${name}`).toString('base64');

function bundle(name: string): UploadFile {
  const content = randomBytes(2000);
  files.set(name, content);
  return { name, content };
}

async function release(
  platform: string,
  arch: string,
  version: string,
  file: UploadFile,
  extra: Record<string, unknown> = {},
) {
  await publish(version, [file], { platform, arch, signature: sig(file.name), ...extra });
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, token } = await feedTenant(t, {
    apps: ['Feeds Lab'],
    channels: ['stable'],
    // Named as Tauri fills {{target}} and {{arch}}.
    platforms: { darwin: ['tauri'], windows: ['tauri'] },
    archs: ['aarch64', 'x86_64'],
  }));
  publish = publisher(t, token, { app_name: 'Feeds Lab', channel: 'stable', updater: 'tauri' });
  await release('darwin', 'aarch64', '1.0.0', bundle('Feeds Lab_1.0.0.app.tar.gz'));
  await release('darwin', 'aarch64', '1.1.0', bundle('Feeds Lab_1.1.0.app.tar.gz'), {
    intermediate: true,
    changelog: NOTES,
  });
  await release('darwin', 'aarch64', '1.2.0', bundle('Feeds Lab_1.2.0.app.tar.gz'));
  await release('darwin', 'aarch64', '1.3.0', bundle('Feeds Lab_1.3.0.app.tar.gz'), { rollout: 20 });
  // One version, two bundles, each uploaded with its own signature.
  await release('windows', 'x86_64', '2.0.0', bundle('Feeds Lab_2.0.0_x64_en-US.msi'));
  await release('windows', 'x86_64', '2.1.0', bundle('Feeds Lab_2.1.0_x64_en-US.msi'));
  await release('windows', 'x86_64', '2.1.0', bundle('Feeds Lab_2.1.0_x64-setup.exe'));
  stagedSeed = await rolloutSeedOf(t, '1.3.0');
});

afterAll(() => t.close());

/** The endpoint a Tauri app configures: …/{{target}}/{{arch}}/{{current_version}}/tauri. */
const endpoint = (target: string, arch: string, current: string, query = '') =>
  request(t.app)
    .get(`/update/${owner}/Feeds%20Lab/stable/${target}/${arch}/${current}/tauri${query}`)
    .set('Accept', 'application/json');

describe('Tauri: …/{version}/tauri', () => {
  it('offers the required intermediate with its own version, notes, date, URL and signature', async () => {
    const res = await endpoint('darwin', 'aarch64', '1.0.0').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = tauriBody(res.body);
    expect(body).toEqual({
      version: '1.1.0',
      notes: NOTES,
      pub_date: expect.stringMatching(RFC3339),
      url: `${API}/update/${owner}/Feeds%20Lab/stable/darwin/aarch64/1.1.0/Feeds%20Lab_1.1.0.app.tar.gz`,
      signature: sig('Feeds Lab_1.1.0.app.tar.gz'),
    });
    const file = await download(t.app, body.url, { Accept: 'application/octet-stream' }).expect(200);
    expect((file.body as Buffer).equals(files.get('Feeds Lab_1.1.0.app.tar.gz') ?? Buffer.alloc(0))).toBe(
      true,
    );
  });

  it('offers the newest fully rolled-out release after the intermediate', async () => {
    const res = await endpoint('darwin', 'aarch64', '1.1.0').expect(200);
    expect(tauriBody(res.body).version).toBe('1.2.0');
  });

  it('answers 204 to a current client and to one ahead of what is published', async () => {
    await endpoint('darwin', 'aarch64', '1.2.0').expect(204);
    await endpoint('darwin', 'aarch64', '5.0.0').expect(204);
  });

  it('gates a staged rollout by X-Device-ID', async () => {
    const yes = await endpoint('darwin', 'aarch64', '1.2.0')
      .set(
        'X-Device-ID',
        deviceWhere(stagedSeed, (b) => b < 20),
      )
      .expect(200);
    expect(tauriBody(yes.body).version).toBe('1.3.0');
    await endpoint('darwin', 'aarch64', '1.2.0')
      .set(
        'X-Device-ID',
        deviceWhere(stagedSeed, (b) => b >= 20),
      )
      .expect(204);
  });

  it('chooses the bundle by {{bundle_type}}, each with the signature uploaded with it', async () => {
    const msi = tauriBody(
      (await endpoint('windows', 'x86_64', '2.0.0', '?bundle_type=msi').expect(200)).body,
    );
    expect(msi.url.endsWith('/2.1.0/Feeds%20Lab_2.1.0_x64_en-US.msi')).toBe(true);
    expect(msi.signature).toBe(sig('Feeds Lab_2.1.0_x64_en-US.msi'));
    const nsis = tauriBody(
      (await endpoint('windows', 'x86_64', '2.0.0', '?bundle_type=nsis').expect(200)).body,
    );
    expect(nsis.url.endsWith('/2.1.0/Feeds%20Lab_2.1.0_x64-setup.exe')).toBe(true);
    expect(nsis.signature).toBe(sig('Feeds Lab_2.1.0_x64-setup.exe'));
    const any = tauriBody((await endpoint('windows', 'x86_64', '2.0.0').expect(200)).body);
    expect(any.url).toBe(msi.url);
    // A bundle type the release lacks: nothing to install.
    await endpoint('windows', 'x86_64', '2.0.0', '?bundle_type=deb').expect(204);
  });

  it('refuses an unknown bundle_type with the list of known ones', async () => {
    const res = await endpoint('windows', 'x86_64', '2.0.0', '?bundle_type=snap').expect(400);
    expect(res.body.error).toMatch(
      /unknown bundle_type "snap": use one of app, appimage, msi, nsis, deb, rpm/,
    );
  });

  it('carries an ETag and answers If-None-Match with 304', async () => {
    const first = await endpoint('darwin', 'aarch64', '1.0.0').expect(200);
    await endpoint('darwin', 'aarch64', '1.0.0')
      .set('If-None-Match', first.headers.etag as string)
      .expect(304);
  });
});

describe('Tauri uploads', () => {
  const data = (extra: Record<string, unknown>) => ({
    app_name: 'Feeds Lab',
    channel: 'stable',
    platform: 'darwin',
    arch: 'aarch64',
    updater: 'tauri',
    ...extra,
  });

  it('require the signature, and say so', async () => {
    const res = await upload(t.app, token, data({ version: '3.0.0' }), [bundle('x.app.tar.gz')]).expect(400);
    expect(res.body.error).toMatch(
      /^tauri updater requires a signature parameter.*Please include a signature/,
    );
  });

  it('require a semantic version, which Tauri compares', async () => {
    for (const version of ['3.1', '3.1.0.7']) {
      const res = await upload(t.app, token, data({ version, signature: 'c2ln' }), [
        bundle('x.app.tar.gz'),
      ]).expect(400);
      expect(res.body.error).toMatch(/tauri updater requires a semantic version such as 1\.2\.3/);
    }
  });
});
