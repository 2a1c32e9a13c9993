import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'plist';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppleConnectClient } from '../../src/core/apple/connect.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type FakeAppStoreConnect, startAppleFake } from '../helpers/apple-fake.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload } from '../helpers/fenfa.js';
import { FakeIosDevice, IOS_INSTALL_DAEMON, IPHONE_SAFARI } from '../helpers/ios-device.js';
import { writeIpa } from '../helpers/packages/fixtures.js';

const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

let t: TestApp;
let apple: Awaited<ReturnType<typeof startAppleFake>>;
let fake: FakeAppStoreConnect;
let ipa: Buffer;
const scratch = mkdtempSync(join(tmpdir(), 'updraft-ios-'));

beforeAll(async () => {
  apple = await startAppleFake();
  fake = apple.fake;
  // The test client stands for the TLS proxy in front of Updraft: its X-Forwarded-Proto counts.
  t = await createTestApp({ APPLE_API_URL: fake.url, TRUST_PROXY: 'loopback' });
  await writeIpa(join(scratch, 'Demo.ipa'));
  ipa = readFileSync(join(scratch, 'Demo.ipa'));
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A tenant with a product `slug`, its iOS variant (bundle id com.example.demo) and an IPA uploaded to it. */
async function setUp(
  slug: string,
  settings: Record<string, unknown> = { primary_domain: '', organization: 'Acme' },
) {
  const tenant = await fenfaTenant(t.app);
  const product = await createProduct(t.app, tenant.adminToken, { name: `Field ${slug}`, slug });
  const ios = await createVariant(t.app, tenant.adminToken, product, {
    platform: 'ios',
    identifier: 'com.example.demo',
  });
  await request(t.app)
    .put('/admin/api/settings')
    .set('X-Auth-Token', tenant.adminToken)
    .send(settings)
    .expect(200);
  const up = await fenfaUpload(
    t.app,
    tenant.uploadToken,
    { variant_id: ios, version: '2.1.0', build: '42' },
    { name: 'Demo.ipa', content: ipa },
  ).expect(201);
  return { ...tenant, product, ios, release: up.body.data.release.id as string };
}

/** The profile for a variant, as Safari downloads it: its text and the nonce cookie. */
async function profile(variant: string) {
  const res = await request(t.app)
    .get(`/udid/profile.mobileconfig?variant=${variant}`)
    .set('User-Agent', IPHONE_SAFARI)
    .buffer(true)
    .parse((r, done) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => {
        text += chunk;
      });
      r.on('end', () => done(null, text));
    })
    .expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/x-apple-aspen-config/);
  const nonce = /udid_nonce=([0-9a-f]{32})/.exec(String(res.headers['set-cookie']))?.[1];
  expect(nonce).toBeDefined();
  return { text: res.body as string, nonce: nonce as string };
}

/** What iOS does after the profile is installed: post the signed answer to the profile's URL. */
function postAnswer(answer: { url: string; body: Buffer }) {
  const url = new URL(answer.url);
  return request(t.app)
    .post(`${url.pathname}${url.search}`)
    .set('Content-Type', 'application/pkcs7-signature')
    .send(answer.body);
}

async function bind(variant: string, device: FakeIosDevice) {
  const { text, nonce } = await profile(variant);
  const answer = await device.answerProfile(text);
  const res = await postAnswer(answer).expect(301);
  return { nonce, answer, res };
}

const devices = async (token: string, query = '') =>
  (await request(t.app).get(`/admin/api/ios_devices${query}`).set('X-Auth-Token', token).expect(200)).body
    .data;

describe('iOS over the air through the Fenfa face', () => {
  it('upload → profile → signed callback → 301 → bound → registered with Apple → manifest → download', async () => {
    const x = await setUp('field');
    const phone = await FakeIosDevice.create({ DEVICE_NAME: 'Ann’s iPhone' });

    const { text, nonce } = await profile(x.ios);
    const mobileconfig = parse(text) as Record<string, unknown>;
    expect(mobileconfig).toMatchObject({
      PayloadType: 'Profile Service',
      PayloadIdentifier: 'com.example.demo.profile-service',
      PayloadDisplayName: 'Acme - Field field',
      PayloadContent: { Challenge: nonce, DeviceAttributes: ['UDID', 'PRODUCT', 'VERSION', 'DEVICE_NAME'] },
    });
    expect(
      await request(t.app).get(`/udid/status?variant=${x.ios}&nonce=${nonce}`).expect(200),
    ).toMatchObject({
      body: { ok: true, data: { bound: false } },
    });

    const answer = await phone.answerProfile(text);
    const callback = await postAnswer(answer).expect(301);
    // The primary domain is not set: the product page on the request's own host (each supertest call has its port).
    const location = new URL(callback.headers.location ?? '');
    expect(`${location.protocol}${location.pathname}${location.search}`).toBe(
      `http:/products/field?udid_bound=1&variant=${x.ios}`,
    );
    expect(String(callback.headers['set-cookie'])).toMatch(/udid_bound=1;.*HttpOnly/);
    // iOS retries a callback it did not see answered: the same 301, nothing bound twice.
    const retry = await postAnswer(answer).expect(301);
    expect(new URL(retry.headers.location ?? '').search).toBe(location.search);

    const status = await request(t.app).get(`/udid/status?variant=${x.ios}&nonce=${nonce}`).expect(200);
    expect(status.body).toEqual({ ok: true, data: { bound: true } });
    const byCookie = await request(t.app).get('/udid/status').set('Cookie', 'udid_bound=1').expect(200);
    expect(byCookie.body.data.bound).toBe(true);
    expect((await request(t.app).get('/udid/status').expect(200)).body.data.bound).toBe(false);

    const listed = await devices(x.adminToken);
    expect(listed.total).toBe(1);
    const device = listed.items[0];
    expect(device).toMatchObject({
      udid: phone.attributes.UDID,
      device_name: 'Ann’s iPhone',
      model: 'iPhone14,2',
      os_version: '21E236',
      signature_verified: true,
      apple_registered: false,
      apple_device_id: null,
    });
    expect(device.id).toMatch(/^dev_/);

    const notConfigured = await request(t.app)
      .post(`/admin/api/devices/${device.id}/register-apple`)
      .set('X-Auth-Token', x.adminToken)
      .expect(400);
    expect(notConfigured.body.error.code).toBe('APPLE_NOT_CONFIGURED');
    expect(notConfigured.body.error.message).toContain('apple_private_key');
    const unconfigured = await request(t.app)
      .get('/admin/api/apple/status')
      .set('X-Auth-Token', x.adminToken);
    expect(unconfigured.body.data).toMatchObject({ configured: false, connected: false });

    await request(t.app)
      .put('/admin/api/settings')
      .set('X-Auth-Token', x.adminToken)
      .send({
        primary_domain: '',
        organization: 'Acme',
        apple_key_id: apple.credentials.keyId,
        apple_issuer_id: apple.credentials.issuerId,
        apple_private_key: apple.credentials.privateKey,
      })
      .expect(200);
    const connected = await request(t.app).get('/admin/api/apple/status').set('X-Auth-Token', x.adminToken);
    expect(connected.body.data).toEqual({
      configured: true,
      connected: true,
      message: 'Connected successfully',
    });

    const registered = await request(t.app)
      .post(`/admin/api/devices/${device.id}/register-apple`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    const appleId = registered.body.data.apple_device_id;
    expect(registered.body.data.message).toBe('Registered successfully');
    expect(fake.devices.find((d) => d.id === appleId)?.attributes).toMatchObject({
      udid: phone.attributes.UDID,
      name: 'Ann’s iPhone',
      platform: 'IOS',
    });
    const again = await request(t.app)
      .post(`/admin/api/devices/${device.id}/register-apple`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(again.body.data).toEqual({ message: 'Already registered with Apple', apple_device_id: appleId });
    expect((await devices(x.adminToken)).items[0]).toMatchObject({
      apple_registered: true,
      apple_device_id: appleId,
    });
    const appleList = await request(t.app).get('/admin/api/apple/devices').set('X-Auth-Token', x.adminToken);
    expect(appleList.body.data.items.map((d: { id: string }) => d.id)).toContain(appleId);

    // The install daemon fetches the manifest after the tap, through the TLS proxy.
    const manifest = await request(t.app)
      .get(`/ios/${x.release}/manifest.plist`)
      .set('User-Agent', IOS_INSTALL_DAEMON)
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/xml/);
    const plist = parse(manifest.text) as {
      items: { assets: { kind: string; url: string }[]; metadata: Record<string, string> }[];
    };
    const item = plist.items[0];
    expect(item?.metadata).toEqual({
      'bundle-identifier': 'com.example.demo',
      'bundle-version': '2.1.0 (42)',
      kind: 'software',
      title: 'Field field',
    });
    const download = new URL(item?.assets[0]?.url ?? '');
    expect(download.protocol).toBe('https:');
    expect(download.pathname).toBe(`/d/${x.release}`);

    await request(t.app).get(download.pathname).set('User-Agent', IOS_INSTALL_DAEMON).expect(200);
    await t.ctx.counters.flush();
    const stats = await request(t.app)
      .get(`/admin/api/variants/${x.ios}/stats`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(stats.body.data.releases[0]).toMatchObject({ download_count: 1, size_bytes: ipa.length });
  });

  it('registers a batch: the devices named, then every unregistered one for an empty body', async () => {
    const x = await setUp('batch', {
      primary_domain: '',
      organization: 'Acme',
      apple_key_id: apple.credentials.keyId,
      apple_issuer_id: apple.credentials.issuerId,
      apple_private_key: apple.credentials.privateKey,
    });
    const phones = await Promise.all(
      ['00008110-000A1C2E3E0880B1', '00008110-000A1C2E3E0880B2', '00008110-000A1C2E3E0880B3'].map((UDID, i) =>
        FakeIosDevice.create({ UDID, DEVICE_NAME: `Tester ${i + 1}` }),
      ),
    );
    for (const phone of phones) await bind(x.ios, phone);
    const ids = new Map<string, string>(
      (await devices(x.adminToken)).items.map((d: { udid: string; id: string }) => [d.udid, d.id]),
    );
    const first = ids.get(phones[0]?.attributes.UDID ?? '') as string;

    const named = await request(t.app)
      .post('/admin/api/devices/register-apple')
      .set('X-Auth-Token', x.adminToken)
      .send({ device_ids: [first, 'dev_unknown'] })
      .expect(200);
    expect(named.body.data).toMatchObject({ success_count: 1, fail_count: 1 });
    expect(named.body.data.results[0]).toMatchObject({ device_id: first, success: true });
    expect(named.body.data.results[1]).toEqual({
      device_id: 'dev_unknown',
      success: false,
      error: 'device dev_unknown not found',
    });

    // Apple already knows the third phone (registered by hand in the portal): found by UDID, not registered twice.
    const third = phones[2]?.attributes.UDID as string;
    const portal = await new AppleConnectClient({
      credentials: apple.credentials,
      baseUrl: fake.url,
    }).registerDevice({ name: 'by hand', udid: third });
    const before = fake.devices.length;
    const all = await request(t.app)
      .post('/admin/api/devices/register-apple')
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(all.body.data).toMatchObject({ success_count: 2, fail_count: 0 });
    expect(fake.devices.length).toBe(before + 1);
    const byUdid = new Map(
      (await devices(x.adminToken)).items.map((d: { udid: string }) => [d.udid, d] as const),
    );
    expect(byUdid.get(third)).toMatchObject({ apple_registered: true, apple_device_id: portal.id });
    expect([...byUdid.values()].every((d) => (d as { apple_registered: boolean }).apple_registered)).toBe(
      true,
    );

    const nothingLeft = await request(t.app)
      .post('/admin/api/devices/register-apple')
      .set('X-Auth-Token', x.adminToken)
      .send({})
      .expect(200);
    expect(nothingLeft.body.data).toEqual({ success_count: 0, fail_count: 0, results: [] });
  });

  it("answers Apple's refusal in the envelope with Apple's reason", async () => {
    const x = await setUp('refused', {
      primary_domain: '',
      organization: 'Acme',
      apple_key_id: apple.credentials.keyId,
      apple_issuer_id: apple.credentials.issuerId,
      apple_private_key: apple.credentials.privateKey,
    });
    await bind(x.ios, await FakeIosDevice.create({ UDID: '00008110-000A1C2E3E0880C1' }));
    const [device] = (await devices(x.adminToken)).items;
    fake.readOnlyKey = true;
    try {
      const res = await request(t.app)
        .post(`/admin/api/devices/${device.id}/register-apple`)
        .set('X-Auth-Token', x.adminToken)
        .expect(400);
      expect(res.body.error.code).toBe('APPLE_API_ERROR');
      expect(res.body.error.message).toMatch(/Admin or Developer role/);
    } finally {
      fake.readOnlyKey = false;
    }
    expect((await devices(x.adminToken)).items[0].apple_registered).toBe(false);
  });

  it('refuses an unknown, expired or foreign nonce with INVALID_NONCE and binds nothing', async () => {
    const x = await setUp('nonces');
    const other = await createVariant(t.app, x.adminToken, x.product, { platform: 'ios', arch: 'arm64' });
    const phone = await FakeIosDevice.create({ UDID: '00008110-000A1C2E3E0880D1' });
    const { text, nonce } = await profile(x.ios);
    const answer = await phone.answerProfile(text);

    const unknown = await request(t.app)
      .post(`/udid/callback?nonce=${'0'.repeat(32)}&variant=${x.ios}`)
      .send(answer.body)
      .expect(400);
    expect(unknown.body.error.code).toBe('INVALID_NONCE');
    const foreign = await request(t.app)
      .post(`/udid/callback?nonce=${nonce}&variant=${other}`)
      .send(answer.body)
      .expect(400);
    expect(foreign.body.error.code).toBe('INVALID_NONCE');

    // Ten minutes later, as the database sees it.
    await t.ctx.database.db
      .updateTable('udid_nonces')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('nonce', '=', nonce)
      .execute();
    const expired = await postAnswer(answer).expect(400);
    expect(expired.body.error).toMatchObject({ code: 'INVALID_NONCE' });
    expect(expired.body.error.message).toMatch(/expired.*Bind device/);
    expect((await devices(x.adminToken)).total).toBe(0);

    // A nonce answered with another profile's challenge is refused too.
    const second = await profile(x.ios);
    const mismatched = await request(t.app)
      .post(`/udid/callback?nonce=${second.nonce}&variant=${x.ios}`)
      .send(answer.body)
      .expect(400);
    expect(mismatched.body.error.code).toBe('INVALID_NONCE');
    expect((await devices(x.adminToken)).total).toBe(0);
    // The refused answer did not use the nonce: the device can still answer it.
    await postAnswer(await phone.answerProfile(second.text)).expect(301);
    expect((await devices(x.adminToken)).total).toBe(1);
  });

  it('stores a device whose signature does not check out as unverified, and refuses a body that is no plist', async () => {
    const x = await setUp('tampered');
    const phone = await FakeIosDevice.create({ UDID: '00008110-000A1C2E3E0880E1', DEVICE_NAME: 'QA iPhone' });
    const { text } = await profile(x.ios);
    const answer = await phone.answerProfile(text);
    const at = answer.body.indexOf('QA iPhone');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(answer.body);
    tampered.write('QA iPhonX', at, 'latin1');
    await postAnswer({ url: answer.url, body: tampered }).expect(301);
    expect((await devices(x.adminToken)).items[0]).toMatchObject({
      device_name: 'QA iPhonX',
      signature_verified: false,
    });

    const junk = await profile(x.ios);
    const url = new URL((await phone.answerProfile(junk.text)).url);
    const res = await request(t.app)
      .post(`${url.pathname}${url.search}`)
      .send(Buffer.from('not a signed plist'))
      .expect(400);
    expect(res.body.ok).toBe(false);
  });

  it('serves the manifest to iOS only, with its checks in order', async () => {
    const x = await setUp('manifest', {
      primary_domain: 'https://dist.example.com',
      secondary_domains: ['cdn.example.com'],
      organization: 'Acme',
    });
    const path = `/ios/${x.release}/manifest.plist`;
    await request(t.app)
      .get('/ios/rel_000000000000000000000000/manifest.plist')
      .set('User-Agent', IPHONE_SAFARI)
      .expect(404);
    const mac = await request(t.app).get(path).set('User-Agent', MAC_SAFARI).expect(403);
    expect(mac.body.error).toEqual({ code: 'FORBIDDEN', message: 'only available on iOS devices' });
    await request(t.app).get(path).expect(403);
    for (const agent of [
      IPHONE_SAFARI,
      IOS_INSTALL_DAEMON,
      'itunesstored/1.0 iOS/17.4 CFNetwork/1494.0.7 Darwin/23.4.0',
    ]) {
      const res = await request(t.app).get(path).set('User-Agent', agent).expect(200);
      const item = (parse(res.text) as { items: { assets: { url: string }[] }[] }).items[0];
      // The IPA comes from the CDN domain, over https.
      expect(item?.assets[0]?.url).toBe(`https://cdn.example.com/d/${x.release}`);
    }

    const android = await createVariant(t.app, x.adminToken, x.product, { platform: 'android' });
    const apk = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: android, version: '2.1.0' },
      { name: 'app.apk', content: ipa },
    ).expect(201);
    const notIos = await request(t.app)
      .get(`/ios/${apk.body.data.release.id}/manifest.plist`)
      .set('User-Agent', IPHONE_SAFARI)
      .expect(400);
    expect(notIos.body.error.message).toMatch(/only iOS releases have a manifest/);

    await request(t.app)
      .put(`/admin/api/apps/${x.ios}/unpublish`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    await request(t.app).get(path).set('User-Agent', IPHONE_SAFARI).expect(404);
    await request(t.app).get(`/udid/profile.mobileconfig?variant=${x.ios}`).expect(404);
  });

  it('asks for the bundle id when the variant has none', async () => {
    const tenant = await fenfaTenant(t.app);
    const product = await createProduct(t.app, tenant.adminToken, { name: 'No id', slug: 'no-id' });
    const ios = await createVariant(t.app, tenant.adminToken, product, { platform: 'ios' });
    const up = await fenfaUpload(
      t.app,
      tenant.uploadToken,
      { variant_id: ios, version: '1.0' },
      { name: 'Demo.ipa', content: ipa },
    ).expect(201);
    const res = await request(t.app)
      .get(`/ios/${up.body.data.release.id}/manifest.plist`)
      .set('User-Agent', IPHONE_SAFARI)
      .expect(409);
    expect(res.body.error.message).toMatch(/CFBundleIdentifier/);
  });

  it('keeps devices and their export to the tenant that bound them', async () => {
    const a = await setUp('tenant-a');
    const b = await setUp('tenant-b');
    const shared = '00008110-000A1C2E3E0880F1';
    const phone = await FakeIosDevice.create({ UDID: shared, DEVICE_NAME: '=HYPERLINK("http://evil")' });
    await bind(a.ios, phone);
    await bind(
      a.ios,
      await FakeIosDevice.create({ UDID: '00008110-000A1C2E3E0880F2', DEVICE_NAME: 'Only A' }),
    );
    await bind(b.ios, phone);

    const ofA = await devices(a.adminToken);
    const ofB = await devices(b.adminToken);
    expect(ofA.total).toBe(2);
    expect(ofB.items.map((d: { udid: string }) => d.udid)).toEqual([shared]);
    const idOfA = ofA.items.find((d: { udid: string }) => d.udid === shared).id;
    expect(ofB.items[0].id).not.toBe(idOfA);

    const foreign = await request(t.app)
      .post(`/admin/api/devices/${idOfA}/register-apple`)
      .set('X-Auth-Token', b.adminToken)
      .expect(404);
    expect(foreign.body.error.code).toBe('DEVICE_NOT_FOUND');
    // B's own filters cannot reach A's variant.
    expect((await devices(b.adminToken, `?variant_id=${a.ios}`)).total).toBe(0);
    expect((await devices(a.adminToken, `?variant_id=${a.ios}`)).total).toBe(2);
    expect((await devices(a.adminToken, `?app_id=${a.product}`)).total).toBe(2);
    expect((await devices(a.adminToken, `?app_id=${b.product}`)).total).toBe(0);
    expect(
      (await devices(a.adminToken, '?q=only')).items.map((d: { device_name: string }) => d.device_name),
    ).toEqual(['Only A']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await devices(a.adminToken, `?from=${today}&to=${today}`)).total).toBe(2);
    expect((await devices(a.adminToken, '?to=2020-01-01')).total).toBe(0);
    expect((await devices(a.adminToken, '?limit=1&offset=1')).items).toHaveLength(1);

    const variants = await request(t.app)
      .get('/admin/api/ios_variants')
      .set('X-Auth-Token', a.adminToken)
      .expect(200);
    expect(variants.body.data.items).toEqual([
      expect.objectContaining({ id: a.ios, product_id: a.product, device_count: 2 }),
    ]);

    const csvA = await request(t.app)
      .get('/admin/exports/ios_devices.csv')
      .set('X-Auth-Token', a.adminToken)
      .expect(200);
    expect(csvA.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csvA.text.trim().split('\r\n');
    expect(lines[0]).toBe('udid,device_name,model,os_version,created_at,verified_at');
    expect(lines).toHaveLength(3);
    // A name a spreadsheet would run as a formula is written as text.
    expect(lines[1]).toMatch(
      new RegExp(`^${shared},"'=HYPERLINK\\(""http://evil""\\)","iPhone14,2",21E236,`),
    );
    const csvB = await request(t.app)
      .get(`/admin/exports/ios_devices.csv?variant_id=${a.ios}`)
      .set('X-Auth-Token', b.adminToken)
      .expect(200);
    expect(csvB.text).toBe('udid,device_name,model,os_version,created_at,verified_at\r\n');
    const filtered = await request(t.app)
      .get(`/admin/exports/ios_devices.csv?app_id=${b.product}`)
      .set('X-Auth-Token', b.adminToken)
      .expect(200);
    expect(filtered.text.trim().split('\r\n')).toHaveLength(2);

    await request(t.app).get('/admin/api/ios_devices').set('X-Auth-Token', a.uploadToken).expect(403);
    await request(t.app).get('/admin/api/ios_devices').expect(401);
  });

  it('deleting the variant removes its bindings and nonces', async () => {
    const x = await setUp('cascade');
    await bind(x.ios, await FakeIosDevice.create({ UDID: '00008110-000A1C2E3E088101' }));
    await request(t.app).delete(`/admin/api/variants/${x.ios}`).set('X-Auth-Token', x.adminToken).expect(200);
    const { db } = t.ctx.database;
    expect(
      await db.selectFrom('ios_device_bindings').selectAll().where('variant_id', '=', x.ios).execute(),
    ).toEqual([]);
    expect(await db.selectFrom('udid_nonces').selectAll().where('variant_id', '=', x.ios).execute()).toEqual(
      [],
    );
    // The device stays: it may be bound for other variants and registered with Apple.
    expect((await devices(x.adminToken)).total).toBe(1);
  });
});

describe('a server with no trusted proxy', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
  });
  afterAll(() => plain?.close());

  it('ignores X-Forwarded-Proto from a peer TRUST_PROXY does not trust', async () => {
    const tenant = await fenfaTenant(plain.app);
    const product = await createProduct(plain.app, tenant.adminToken, { name: 'Plain', slug: 'plain' });
    const ios = await createVariant(plain.app, tenant.adminToken, product, {
      platform: 'ios',
      identifier: 'com.example.demo',
    });
    const up = await fenfaUpload(
      plain.app,
      tenant.uploadToken,
      { variant_id: ios, version: '1.0' },
      { name: 'Demo.ipa', content: ipa },
    ).expect(201);
    const res = await request(plain.app)
      .get(`/ios/${up.body.data.release.id}/manifest.plist`)
      .set('User-Agent', IPHONE_SAFARI)
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    const item = (parse(res.text) as { items: { assets: { url: string }[] }[] }).items[0];
    expect(item?.assets[0]?.url).toMatch(/^http:\/\//);
  });

  it('limits how many profiles (each a stored nonce) one address gets a minute', async () => {
    const tenant = await fenfaTenant(plain.app);
    const product = await createProduct(plain.app, tenant.adminToken, { name: 'Limited', slug: 'limited' });
    const ios = await createVariant(plain.app, tenant.adminToken, product, { platform: 'ios' });
    let res = await request(plain.app).get(`/udid/profile.mobileconfig?variant=${ios}`);
    for (let i = 0; i < 30 && res.status === 200; i++) {
      res = await request(plain.app).get(`/udid/profile.mobileconfig?variant=${ios}`);
    }
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
