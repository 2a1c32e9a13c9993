import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload, zipLike } from '../helpers/fenfa.js';
import { createApp, createNamed, upload } from '../helpers/releases.js';
import { binaryBody } from '../helpers/reports.js';

let t: TestApp;
beforeAll(async () => {
  // The test client is the trusted proxy: its X-Forwarded-Proto counts.
  t = await createTestApp({ TRUST_PROXY: 'loopback' });
});
afterAll(() => t.close());

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A tenant with a product `slug` and an Android and an iOS variant. */
async function setUp(slug: string) {
  const tenant = await fenfaTenant(t.app);
  const product = await createProduct(t.app, tenant.adminToken, { name: `App ${slug}`, slug });
  const android = await createVariant(t.app, tenant.adminToken, product, {
    platform: 'android',
    display_name: 'Android',
    identifier: 'com.example.app',
  });
  const ios = await createVariant(t.app, tenant.adminToken, product, {
    platform: 'ios',
    display_name: 'iOS',
    identifier: 'com.example.app',
  });
  return { ...tenant, product, android, ios };
}

describe('Fenfa POST /upload', () => {
  it('stores the package through the release pipeline and answers 201 with the links', async () => {
    const x = await setUp('uploaded');
    const apk = zipLike(5000);
    const res = await fenfaUpload(
      t.app,
      x.uploadToken,
      {
        variant_id: x.android,
        version: '1.2.0',
        build: '120',
        channel: 'beta',
        changelog: 'Fixes',
        min_os: '8.0',
      },
      { name: 'app-release.apk', content: apk },
    )
      .set('Host', 'fenfa.test')
      .expect(201);
    const { app, release, urls } = res.body.data;
    expect(app).toEqual({
      id: x.android,
      name: 'App uploaded',
      platform: 'android',
      bundle_id: 'com.example.app',
      product_id: x.product,
      variant_id: x.android,
    });
    expect(release).toMatchObject({ version: '1.2.0', build: 120 });
    expect(release.id).toMatch(/^rel_[0-9a-f]{24}$/);
    const host = 'http://fenfa.test';
    expect(urls).toEqual({
      page: `${host}/products/uploaded`,
      release_page: `${host}/products/uploaded?release=${release.id}`,
      download: `${host}/d/${release.id}`,
      ios_manifest: '',
      ios_install: '',
    });

    const json = await request(t.app).get('/api/products/uploaded').set('Host', 'fenfa.test').expect(200);
    const variant = json.body.data.variants.find((v: { id: string }) => v.id === x.android);
    expect(variant.latest_release).toMatchObject({
      id: release.id,
      version: '1.2.0',
      build: 120,
      channel: 'beta',
      min_os: '8.0',
      changelog: 'Fixes',
      download_count: 0,
      actions: { download: urls.download, release_page: urls.release_page },
    });

    const got = await request(t.app).get(`/d/${release.id}`).buffer(true).parse(binaryBody).expect(200);
    expect(Buffer.compare(got.body as Buffer, apk)).toBe(0);
    expect(got.headers['content-type']).toBe('application/vnd.android.package-archive');
    expect(got.headers['content-disposition']).toContain('app-release.apk');
    const part = await request(t.app)
      .get(`/d/${release.id}`)
      .set('Range', 'bytes=100-199')
      .buffer(true)
      .parse(binaryBody)
      .expect(206);
    expect(Buffer.compare(part.body as Buffer, apk.subarray(100, 200))).toBe(0);
    await t.ctx.counters.flush();
    const stats = await request(t.app)
      .get(`/admin/api/variants/${x.android}/stats`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    // The ranged request resumed a download: one download counted.
    expect(stats.body.data.releases[0].download_count).toBe(1);
    expect(stats.body.data.total_downloads).toBe(1);
  });

  it('accepts the file before the fields, and gives iOS releases the manifest and itms-services links', async () => {
    const x = await setUp('ios-first');
    await request(t.app)
      .put('/admin/api/settings')
      .set('X-Auth-Token', x.adminToken)
      .send({
        primary_domain: 'http://dist.example.com',
        secondary_domains: ['cdn.example.com'],
        organization: 'Ex',
      })
      .expect(200);
    const res = await fenfaUpload(
      t.app,
      x.adminToken,
      { variant_id: x.ios, version: '3.0' },
      { name: 'App.ipa', content: zipLike() },
      { fileFirst: true },
    )
      .set('X-Forwarded-Proto', 'https')
      .expect(201);
    const id = res.body.data.release.id;
    const manifest = `https://dist.example.com/ios/${id}/manifest.plist`;
    expect(res.body.data.urls).toEqual({
      page: 'https://dist.example.com/products/ios-first',
      release_page: `https://dist.example.com/products/ios-first?release=${id}`,
      download: `https://cdn.example.com/d/${id}`,
      ios_manifest: manifest,
      ios_install: `itms-services://?action=download-manifest&url=${encodeURIComponent(manifest)}`,
    });
  });

  it('falls back to the request host for a localhost primary domain', async () => {
    const x = await setUp('local-domain');
    await request(t.app)
      .put('/admin/api/settings')
      .set('X-Auth-Token', x.adminToken)
      .send({ primary_domain: 'http://localhost:8000', organization: 'Ex' })
      .expect(200);
    const res = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.android, version: '1.0.0' },
      {
        name: 'a.apk',
        content: zipLike(),
      },
    )
      .set('Host', 'apps.example.org')
      .expect(201);
    expect(res.body.data.urls.page).toBe('http://apps.example.org/products/local-domain');
  });

  it('refuses a package of the wrong type, a fake ZIP, a missing file or version, and a wrong token', async () => {
    const x = await setUp('refusals');
    const bad = async (
      fields: Record<string, string>,
      name: string,
      content: Buffer,
      token = x.uploadToken,
    ) => (await fenfaUpload(t.app, token, fields, { name, content })).body;
    expect(await bad({ variant_id: x.android, version: '1.0.0' }, 'setup.exe', zipLike())).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: '"setup.exe" is not a android package: send a .apk file' },
    });
    expect(
      (await bad({ variant_id: x.ios, version: '1.0.0' }, 'App.ipa', randomBytes(100))).error.message,
    ).toBe('"App.ipa" is not a valid .ipa (a ZIP archive starts with "PK")');
    expect((await bad({ variant_id: x.android }, 'a.apk', zipLike())).error.message).toBe(
      'version is required, e.g. 1.4.2',
    );
    expect((await bad({ variant_id: 'var_nope', version: '1.0.0' }, 'a.apk', zipLike())).error.code).toBe(
      'NOT_FOUND',
    );
    const wrong = await fenfaUpload(
      t.app,
      'nope',
      { variant_id: x.android, version: '1' },
      { name: 'a.apk', content: zipLike() },
    );
    expect(wrong.status).toBe(403);
    const other = await fenfaTenant(t.app);
    const theirs = await fenfaUpload(
      t.app,
      other.uploadToken,
      { variant_id: x.android, version: '1.0.0' },
      {
        name: 'a.apk',
        content: zipLike(),
      },
    );
    expect(theirs.status).toBe(404);
    const noFile = await request(t.app)
      .post('/upload')
      .set('X-Auth-Token', x.uploadToken)
      .field('variant_id', x.android)
      .field('version', '1.0.0')
      .expect(400);
    expect(noFile.body.error.message).toContain('app_file');
    // Nothing was left in temporary storage by the refusals.
    expect(await t.ctx.store.list('tmp/', 'private')).toEqual([]);
  });

  it('leaves FaynoSync uploads (no X-Auth-Token) to FaynoSync, which still answers as before', async () => {
    const x = await setUp('faynosync-path');
    const res = await upload(t.app, x.jwt, { app_name: 'faynosync-path', version: '1.0.0' }, [
      { name: 'x.exe', content: randomBytes(10) },
    ]);
    // The tenant has platforms now (created by the Fenfa variants): FaynoSync's rule asks for one.
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'you have created platforms, setting platform is required' });
    const none = await request(t.app).post('/upload').expect(401);
    expect(none.body.error).toContain('missing authorization header');
  });
});

describe('one model under every face', () => {
  it('shows a FaynoSync desktop upload in the product JSON of the matching variant, and on the page', async () => {
    const x = await fenfaTenant(t.app);
    await createNamed(t.app, x.jwt, 'platform', 'windows');
    const appId = await createApp(t.app, x.jwt, 'desk');
    await upload(t.app, x.jwt, { app_name: 'desk', version: '2.0.0', publish: true, platform: 'windows' }, [
      { name: 'Desk-2.0.0.exe', content: randomBytes(300) },
      { name: 'latest.yml', content: Buffer.from('version: 2.0.0\n') },
    ]).expect(200);
    const product = `prd_${appId}`;
    const variant = await createVariant(t.app, x.adminToken, product, {
      platform: 'windows',
      display_name: 'Windows',
    });
    const json = await request(t.app).get(`/api/products/${product}`).expect(200);
    expect(json.body.data.product).toMatchObject({
      id: product,
      slug: 'desk',
      name: 'desk',
      published: true,
    });
    const [v] = json.body.data.variants;
    expect(v.id).toBe(variant);
    expect(v.releases.map((r: { version: string; file_name?: string }) => r.version)).toEqual(['2.0.0']);
    const page = await request(t.app).get('/products/desk').expect(200);
    expect(page.text).toContain('Desk-2.0.0.exe');
    const byId = await request(t.app).get(`/api/products/slug/desk`).expect(200);
    expect(byId.body.data.product.id).toBe(product);
  });

  it('hides what Fenfa unpublishes or deletes from update clients, pages and downloads', async () => {
    const x = await setUp('hidden');
    await createNamed(t.app, x.jwt, 'channel', 'stable');
    const up = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.android, version: '2.0.0', channel: 'stable' },
      {
        name: 'h.apk',
        content: zipLike(),
      },
    ).expect(201);
    const rel = up.body.data.release.id as string;
    const check = async () =>
      (
        await request(t.app).get('/checkVersion').query({
          app_name: 'hidden',
          version: '1.0.0',
          channel: 'stable',
          platform: 'android',
          owner: x.username,
        })
      ).body;
    expect((await check()).update_available).toBe(true);

    await request(t.app)
      .put(`/admin/api/apps/${x.android}/unpublish`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    const nothing = { error: 'no matching documents found for app_name: hidden' };
    expect(await check()).toEqual(nothing);
    await request(t.app).get(`/d/${rel}`).expect(404);
    const json = await request(t.app).get('/api/products/hidden').expect(200);
    expect(json.body.data.variants.map((v: { id: string }) => v.id)).toEqual([x.ios]);
    await request(t.app)
      .put(`/admin/api/apps/${x.android}/publish`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect((await check()).update_available).toBe(true);

    await request(t.app)
      .put(`/admin/api/apps/${x.product}/unpublish`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect((await check()).update_available).not.toBe(true);
    await request(t.app).get('/api/products/hidden').expect(404);
    await request(t.app).get('/products/hidden').expect(404);
    await request(t.app).get(`/d/${rel}`).expect(404);
    await request(t.app)
      .put(`/admin/api/apps/${x.product}/publish`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);

    const key = (
      await t.ctx.database.db
        .selectFrom('artifacts')
        .select('storage_key')
        .where('id', '=', rel.slice(4))
        .executeTakeFirstOrThrow()
    ).storage_key;
    expect(await t.ctx.store.head(key, 'public')).toBeDefined();
    const removed = await request(t.app)
      .delete(`/admin/api/releases/${rel}`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(removed.body).toEqual({ ok: true, data: { deleted: true } });
    expect(await t.ctx.store.head(key, 'public')).toBeUndefined();
    expect(await check()).toEqual(nothing);
    await request(t.app).get(`/d/${rel}`).expect(404);
    const search = await request(t.app)
      .get('/search')
      .query({ app_name: 'hidden' })
      .set(bearer(x.jwt))
      .expect(200);
    expect(search.body.total).toBe(0);
  });

  it('deletes a product with its variants, releases and files', async () => {
    const x = await setUp('gone');
    const up = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.android, version: '1.0.0' },
      {
        name: 'g.apk',
        content: zipLike(),
      },
    ).expect(201);
    const key = (
      await t.ctx.database.db
        .selectFrom('artifacts')
        .select('storage_key')
        .where('id', '=', up.body.data.release.id.slice(4))
        .executeTakeFirstOrThrow()
    ).storage_key;
    await request(t.app)
      .delete(`/admin/api/products/${x.product}`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(await t.ctx.store.head(key, 'public')).toBeUndefined();
    await request(t.app)
      .get(`/admin/api/products/${x.product}`)
      .set('X-Auth-Token', x.adminToken)
      .expect(404);
    await request(t.app)
      .get(`/admin/api/variants/${x.android}/stats`)
      .set('X-Auth-Token', x.adminToken)
      .expect(404);
    const apps = await request(t.app).get('/app/list').set(bearer(x.jwt)).expect(200);
    expect(JSON.stringify(apps.body)).not.toContain('"gone"');
  });
});

describe('Fenfa public routes', () => {
  it('serve the icon sent with an upload, the health check and the download page', async () => {
    const x = await setUp('iconic');
    await fenfaUpload(
      t.app,
      x.uploadToken,
      {
        variant_id: x.android,
        version: '1.0.0',
        icon_base64: `data:image/png;base64,${PNG.toString('base64')}`,
      },
      { name: 'i.apk', content: zipLike() },
    ).expect(201);
    const icon = await request(t.app)
      .get(`/icon/products/${x.product}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(Buffer.compare(icon.body as Buffer, PNG)).toBe(0);
    expect(icon.headers['content-type']).toBe('image/png');
    const json = await request(t.app).get(`/api/products/${x.product}`).expect(200);
    expect(json.body.data.product.icon_url).toMatch(new RegExp(`/icon/products/${x.product}$`));
    expect((await request(t.app).get('/healthz').expect(200)).body).toEqual({
      ok: true,
      data: { status: 'ok' },
    });
    const page = await request(t.app).get('/products/iconic').expect(200);
    expect(page.text).toContain('i.apk');
    const missing = await request(t.app).get('/api/products/nope-nope').expect(404);
    expect(missing.body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'product not found' } });
  });
});
