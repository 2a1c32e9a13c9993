import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { selfSignedIdentity, signedData as signedCms } from '../helpers/cms.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload } from '../helpers/fenfa.js';
import {
  DEVICES,
  developerCertificate,
  type IpaOptions,
  mobileprovision,
  type ProfileKind,
  packageBytes,
  profilePlist,
  standardPng,
  TEAM_ID,
  typicalApp,
  writeApk,
  writeIpa,
} from '../helpers/packages/fixtures.js';
import { xmlPlist } from '../helpers/packages/plist.js';
import { writeZip } from '../helpers/packages/zip.js';
import { binaryBody } from '../helpers/reports.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ICON = standardPng(60, 60, Buffer.alloc(60 * 60 * 4, 0x80));
const mdpi = standardPng(48, 48, Buffer.alloc(48 * 48 * 4, 0x40));
const xxxhdpi = standardPng(192, 192, Buffer.alloc(192 * 192 * 4, 0xc0));

/** An IPA of com.example.demo 2.1.0 (42), iOS 15.0, with an icon and a profile of `kind`. */
function ipa(kind: ProfileKind | undefined = 'ad-hoc', options: IpaOptions = {}): Promise<Buffer> {
  const cert = developerCertificate();
  return packageBytes((path) =>
    writeIpa(path, {
      files: [{ name: 'AppIcon60x60@2x.png', data: ICON }],
      ...(kind ? { profile: mobileprovision(profilePlist(kind, cert), cert) } : {}),
      ...options,
    }),
  );
}

/** An APK of com.example.android.demo 3.2.1 (30201), minSdk 24, with its densest icon xxxhdpi. */
const apk = () => packageBytes((path) => writeApk(path, typicalApp({ mdpi, xxxhdpi })));

/** A tenant with a product and an iOS and an Android variant without identifiers. */
async function setUp(slug: string, variants: Record<string, unknown> = {}) {
  const tenant = await fenfaTenant(t.app);
  const product = await createProduct(t.app, tenant.adminToken, { name: `App ${slug}`, slug });
  const ios = await createVariant(t.app, tenant.adminToken, product, { platform: 'ios', ...variants });
  const android = await createVariant(t.app, tenant.adminToken, product, {
    platform: 'android',
    ...variants,
  });
  return { ...tenant, product, ios, android };
}

async function adminProduct(token: string, product: string) {
  const res = await request(t.app)
    .get(`/admin/api/products/${product}`)
    .set('X-Auth-Token', token)
    .expect(200);
  return res.body.data as {
    product: { icon_url: string };
    variants: { id: string; identifier: string; releases: Record<string, unknown>[] }[];
  };
}

async function icon(product: string): Promise<Buffer> {
  const res = await request(t.app)
    .get(`/icon/products/${product}`)
    .buffer(true)
    .parse(binaryBody)
    .expect(200);
  return res.body as Buffer;
}

describe('Fenfa smart upload', () => {
  it('fills an iOS release from the package: version, build, min OS, bundle id, profile, icon and file name', async () => {
    const x = await setUp('smart-ios');
    const res = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.ios, changelog: 'First' },
      { name: 'Demo App.ipa', content: await ipa() },
      { path: '/smart-upload' },
    )
      .set('Host', 'fenfa.test')
      .expect(201);
    const { app, release, urls } = res.body.data;
    expect(app).toEqual({
      id: x.ios,
      name: 'App smart-ios',
      platform: 'ios',
      bundle_id: 'com.example.demo',
      product_id: x.product,
      variant_id: x.ios,
    });
    expect(release).toMatchObject({ version: '2.1.0', build: 42 });
    expect(urls.ios_install).toMatch(/^itms-services:\/\/\?action=download-manifest&url=/);

    const tree = await adminProduct(x.adminToken, x.product);
    const variant = tree.variants.find((v) => v.id === x.ios);
    // The variant had no identifier: the package's fills it.
    expect(variant?.identifier).toBe('com.example.demo');
    const stored = variant?.releases[0] ?? {};
    expect(stored).toMatchObject({
      id: release.id,
      version: '2.1.0',
      build: 42,
      min_os: 'iOS 15.0',
      changelog: 'First',
      bundle_id: 'com.example.demo',
      file_ext: 'ipa',
    });
    // Fenfa's stored name: the original's safe characters, the UTC time of the upload, the version.
    expect(stored.file_name).toMatch(/^DemoApp_\d{8}_\d{6}_2\.1\.0\.ipa$/);
    expect(stored.provisioning_profile).toMatchObject({
      uuid: '6b2c8d1e-4f3a-4b5c-9d7e-0a1b2c3d4e5f',
      name: 'Demo ad-hoc',
      team_id: TEAM_ID,
      team_name: 'Example Ltd',
      app_id_name: 'Demo App ID',
      app_id_prefix: TEAM_ID,
      bundle_id: 'com.example.demo',
      platform: 'iOS, xrOS',
      profile_type: 'ad-hoc',
      provisions_all_devices: false,
      creation_date: '2025-01-02T03:04:05Z',
      expiration_date: '2026-01-02T03:04:05Z',
      provisioned_devices: DEVICES,
      device_count: 2,
      signature_verified: false,
    });
    expect((stored.provisioning_profile as { certificates: unknown[] }).certificates).toHaveLength(1);

    // The product had no icon: the package's is now served as its icon.
    expect(tree.product.icon_url).toMatch(new RegExp(`/icon/products/${x.product}$`));
    expect((await icon(x.product)).equals(ICON)).toBe(true);

    // The public product JSON shows the profile without the device list, certificates and entitlements.
    const pub = await request(t.app).get(`/api/products/${x.product}`).expect(200);
    const shown = pub.body.data.variants.find((v: { id: string }) => v.id === x.ios).releases[0];
    expect(shown.provisioning_profile).toMatchObject({ profile_type: 'ad-hoc', device_count: 2 });
    expect(shown.provisioning_profile.provisioned_devices).toBeUndefined();
    expect(shown.provisioning_profile.certificates).toBeUndefined();
    expect(shown.provisioning_profile.entitlements).toBeUndefined();
  });

  it.each<ProfileKind>(['enterprise', 'development', 'app-store', 'ad-hoc', 'distribution'])(
    'stores a %s profile with its type, at /admin/api/smart-upload too',
    async (kind) => {
      const x = await setUp(`profile-${kind}`);
      const res = await fenfaUpload(
        t.app,
        x.adminToken,
        { variant_id: x.ios },
        { name: 'demo.ipa', content: await ipa(kind) },
        { path: '/admin/api/smart-upload' },
      ).expect(201);
      const stored = (await adminProduct(x.adminToken, x.product)).variants.find((v) => v.id === x.ios)
        ?.releases[0];
      expect(stored?.id).toBe(res.body.data.release.id);
      expect(stored?.provisioning_profile).toMatchObject({
        profile_type: kind,
        provisions_all_devices: kind === 'enterprise',
        name: `Demo ${kind}`,
      });
    },
  );

  it('checks the CMS signature of the profile and says whether it held', async () => {
    const x = await setUp('signed-profile');
    const signer = await selfSignedIdentity('Apple iPhone OS Provisioning Profile Signing', 'Apple Inc.');
    const plist = xmlPlist(profilePlist('enterprise', developerCertificate()));
    const signed = await signedCms(plist, signer, { signedAttributes: true });
    await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.ios },
      { name: 'signed.ipa', content: await ipa(undefined, { profile: signed }) },
      { path: '/smart-upload' },
    ).expect(201);
    // Signed by another key than the certificate it carries: readable, not verified.
    const other = await selfSignedIdentity('Someone else');
    const forged = await signedCms(plist, signer, { signedAttributes: true, certificate: other.certificate });
    await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.ios, version: '2.1.1' },
      { name: 'forged.ipa', content: await ipa(undefined, { profile: forged }) },
      { path: '/smart-upload' },
    ).expect(201);
    const releases = (await adminProduct(x.adminToken, x.product)).variants.find((v) => v.id === x.ios)
      ?.releases as { version: string; provisioning_profile: { signature_verified: boolean } }[];
    const verified = Object.fromEntries(
      releases.map((r) => [r.version, r.provisioning_profile.signature_verified]),
    );
    expect(verified).toEqual({ '2.1.0': true, '2.1.1': false });
  });

  it('finds the variant by product and package when none is named, and reads an APK', async () => {
    const x = await setUp('smart-android');
    const res = await fenfaUpload(
      t.app,
      x.uploadToken,
      { product_id: x.product, channel: 'beta' },
      { name: 'app-release.apk', content: await apk() },
      { path: '/smart-upload' },
    ).expect(201);
    expect(res.body.data.app).toMatchObject({
      variant_id: x.android,
      platform: 'android',
      bundle_id: 'com.example.android.demo',
    });
    expect(res.body.data.release).toMatchObject({ version: '3.2.1', build: 30201 });
    const stored = (await adminProduct(x.adminToken, x.product)).variants.find((v) => v.id === x.android)
      ?.releases[0];
    expect(stored).toMatchObject({ min_os: 'Android 24', channel: 'beta' });
    expect(stored?.provisioning_profile).toBeUndefined();
    expect((await icon(x.product)).equals(xxxhdpi)).toBe(true);

    // A second Android variant with another identifier: the package's identifier decides.
    const arm = await createVariant(t.app, x.adminToken, x.product, {
      platform: 'android',
      arch: 'arm64',
      identifier: 'com.example.other',
    });
    const again = await fenfaUpload(
      t.app,
      x.uploadToken,
      { product_id: x.product, version: '3.2.2' },
      { name: 'app-release.apk', content: await apk() },
      { path: '/smart-upload' },
    ).expect(201);
    expect(again.body.data.app.variant_id).toBe(x.android);
    expect(again.body.data.app.variant_id).not.toBe(arm);
  });

  it('lets form fields override what the package says, except the bundle id', async () => {
    const x = await setUp('overrides', { identifier: 'com.example.variant' });
    const { product } = x;
    // The product already has an icon: the package's does not replace it.
    await fenfaUpload(
      t.app,
      x.uploadToken,
      {
        variant_id: x.android,
        version: '0.1.0',
        icon_base64: `data:image/png;base64,${mdpi.toString('base64')}`,
      },
      { name: 'first.apk', content: await apk() },
      { path: '/smart-upload' },
    ).expect(201);
    const res = await fenfaUpload(
      t.app,
      x.uploadToken,
      {
        variant_id: x.ios,
        version: '9.9.9',
        build: '7',
        min_os: '16.0',
        changelog: 'Overridden',
        bundle_id: 'com.evil.app',
        identifier: 'com.evil.app',
      },
      { name: 'demo.ipa', content: await ipa() },
      { path: '/smart-upload' },
    ).expect(201);
    expect(res.body.data.app.bundle_id).toBe('com.example.demo');
    expect(res.body.data.release).toMatchObject({ version: '9.9.9', build: 7 });
    const tree = await adminProduct(x.adminToken, product);
    const variant = tree.variants.find((v) => v.id === x.ios);
    // The variant keeps its own identifier; the release records the one it installs as.
    expect(variant?.identifier).toBe('com.example.variant');
    expect(variant?.releases[0]).toMatchObject({
      version: '9.9.9',
      build: 7,
      min_os: '16.0',
      changelog: 'Overridden',
      bundle_id: 'com.example.demo',
    });
    expect((await icon(product)).equals(mdpi)).toBe(true);
  });

  it('takes the bundle id from the profile when Info.plist has none', async () => {
    const x = await setUp('profile-bundle');
    const res = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.ios },
      { name: 'demo.ipa', content: await ipa('enterprise', { info: { CFBundleIdentifier: '' } }) },
      { path: '/smart-upload' },
    ).expect(201);
    expect(res.body.data.app.bundle_id).toBe('com.example.demo');
  });

  it('refuses what it cannot read with Fenfa codes, and stores nothing', async () => {
    const x = await setUp('refusals');
    const before = await stored();
    const send = (fields: Record<string, string>, name: string, content: Buffer, token = x.uploadToken) =>
      fenfaUpload(t.app, token, fields, { name, content }, { path: '/smart-upload' });
    const truncated = (await ipa()).subarray(0, 300);
    const bad = await send({ variant_id: x.ios }, 'demo.ipa', truncated).expect(400);
    expect(bad.body.error.code).toBe('BAD_FILE');
    expect(bad.body.error.message).toMatch(/upload the whole \.ipa or \.apk/);
    const brokenPlist = await packageBytes((path) =>
      writeZip(path, [{ name: 'Payload/Demo.app/Info.plist', data: Buffer.from('<plist><dict>') }]),
    );
    const damaged = await send({ variant_id: x.ios }, 'demo.ipa', brokenPlist).expect(422);
    expect(damaged.body.error.code).toBe('PARSE_ERROR');
    const noVersion = await send(
      { variant_id: x.ios },
      'demo.ipa',
      await ipa('ad-hoc', { info: { CFBundleShortVersionString: '' } }),
    ).expect(400);
    expect(noVersion.body.error.message).toBe(
      'the package has no version (CFBundleShortVersionString): send version',
    );
    const wrongPlatform = await send({ variant_id: x.android }, 'demo.ipa', await ipa()).expect(400);
    expect(wrongPlatform.body.error.message).toMatch(/not a android package/);
    const noVariant = await send({}, 'demo.ipa', await ipa()).expect(400);
    expect(noVariant.body.error.message).toMatch(/^variant_id is required \(or product_id/);
    const desktop = await createVariant(t.app, x.adminToken, x.product, { platform: 'windows' });
    expect((await send({ variant_id: desktop }, 'setup.exe', Buffer.from('MZ'))).status).toBe(400);

    // Another tenant's variant and product do not exist for this token.
    const other = await fenfaTenant(t.app);
    expect((await send({ variant_id: x.ios }, 'demo.ipa', await ipa(), other.uploadToken)).status).toBe(404);
    expect((await send({ product_id: x.product }, 'demo.ipa', await ipa(), other.uploadToken)).status).toBe(
      404,
    );
    // An upload token is no admin token.
    const admin = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.ios },
      { name: 'demo.ipa', content: await ipa() },
      { path: '/admin/api/smart-upload' },
    );
    expect(admin.status).toBe(403);

    expect(await stored()).toEqual(before);
    const tree = await adminProduct(x.adminToken, x.product);
    expect(tree.variants.flatMap((v) => v.releases)).toEqual([]);
    expect(tree.product.icon_url).toBe('');
    const profiles = await t.ctx.database.db
      .selectFrom('fenfa_profiles')
      .select('artifact_id')
      .where('tenant_id', '=', (await tenantOf(x.product)) ?? '')
      .execute();
    expect(profiles).toEqual([]);
  });

  it('removes the profile with its release', async () => {
    const x = await setUp('delete-profile');
    const res = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.ios },
      { name: 'demo.ipa', content: await ipa() },
      { path: '/smart-upload' },
    ).expect(201);
    const artifactId = (res.body.data.release.id as string).replace(/^rel_/, '');
    const profile = () =>
      t.ctx.database.db
        .selectFrom('fenfa_profiles')
        .select('profile_type')
        .where('artifact_id', '=', artifactId)
        .execute();
    expect(await profile()).toEqual([{ profile_type: 'ad-hoc' }]);
    await request(t.app)
      .delete(`/admin/api/releases/${res.body.data.release.id}`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(await profile()).toEqual([]);
  });
});

/** Every object of the store, both visibilities (temporary uploads included). */
async function stored(): Promise<string[]> {
  const [open, closed] = [await t.ctx.store.list('', 'public'), await t.ctx.store.list('', 'private')];
  return [...open.map((k) => `public/${k}`), ...closed.map((k) => `private/${k}`)].sort();
}

async function tenantOf(product: string): Promise<string | undefined> {
  const row = await t.ctx.database.db
    .selectFrom('apps')
    .select('tenant_id')
    .where('id', '=', product.replace(/^prd_/, ''))
    .executeTakeFirst();
  return row?.tenant_id;
}

describe('Fenfa parse-app', () => {
  it('answers what an IPA and an APK hold, and keeps nothing', async () => {
    const x = await fenfaTenant(t.app);
    const before = await stored();
    const parse = (name: string, content: Buffer, token = x.adminToken) =>
      fenfaUpload(t.app, token, {}, { name, content }, { path: '/admin/api/parse-app' });
    const ios = await parse('Demo.ipa', await ipa('enterprise')).expect(200);
    expect(ios.body.data).toMatchObject({
      platform: 'ios',
      bundle_id: 'com.example.demo',
      version: '2.1.0',
      build: '42',
      app_name: 'Demo App',
      min_os: 'iOS 15.0',
      icon_base64: `data:image/png;base64,${ICON.toString('base64')}`,
      file_name: 'Demo.ipa',
      provisioning_profile: { profile_type: 'enterprise', provisions_all_devices: true },
    });
    const android = await parse('app.apk', await apk()).expect(200);
    expect(android.body.data).toMatchObject({
      platform: 'android',
      package_name: 'com.example.android.demo',
      version_name: '3.2.1',
      version_code: 30201,
      min_sdk: 'Android 24',
      file_name: 'app.apk',
    });
    expect(android.body.data.file_size).toBeGreaterThan(xxxhdpi.length);

    const notZip = await parse('Demo.ipa', Buffer.from('not a zip at all')).expect(400);
    expect(notZip.body.error.code).toBe('BAD_FILE');
    const unknown = await parse('Demo.dmg', await ipa()).expect(400);
    expect(unknown.body.error.message).toMatch(/send an \.ipa or \.apk file/);
    expect((await parse('Demo.ipa', await ipa(), x.uploadToken)).status).toBe(403);
    expect((await request(t.app).post('/admin/api/parse-app').set('X-Auth-Token', x.adminToken)).status).toBe(
      400,
    );

    expect(await stored()).toEqual(before);
  });
});
