import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { createProduct, createVariant, fenfaTenant } from '../helpers/fenfa.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('Fenfa tokens', () => {
  it('are minted by the tenant admin, shown once, listed without the secret and revoked', async () => {
    const { token: jwt } = await newAdmin(t.app);
    const created = await request(t.app)
      .post('/admin/api/tokens')
      .set(bearer(jwt))
      .send({ label: 'ci', scopes: ['admin'] })
      .expect(201);
    expect(created.body.ok).toBe(true);
    const { id, token, label, scopes, created_at } = created.body.data;
    expect(id).toMatch(/^tok_[0-9a-f]{24}$/);
    expect(token).toMatch(/^fft_[0-9a-f]{64}$/);
    expect([label, scopes, typeof created_at]).toEqual(['ci', ['admin'], 'string']);

    const list = await request(t.app).get('/admin/api/tokens').set(bearer(jwt)).expect(200);
    expect(list.body.data.total).toBe(1);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(list.body.data.items[0]).toMatchObject({ id, label: 'ci', scopes: ['admin'] });

    await request(t.app).get('/admin/api/products').set('X-Auth-Token', token).expect(200);
    await request(t.app).delete(`/admin/api/tokens/${id}`).set(bearer(jwt)).expect(200);
    const after = await request(t.app).get('/admin/api/products').set('X-Auth-Token', token).expect(403);
    expect(after.body).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'invalid token' } });
  });

  it('answer 401 without a token, 403 for a wrong one or an upload token on the admin API', async () => {
    const { uploadToken } = await fenfaTenant(t.app);
    const missing = await request(t.app).get('/admin/api/products').expect(401);
    expect(missing.body).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'missing token' } });
    await request(t.app).get('/admin/api/products').set('X-Auth-Token', 'fft_nope').expect(403);
    await request(t.app).get('/admin/api/products').set('X-Auth-Token', uploadToken).expect(403);
  });

  it('are managed only with a login, and a token cannot mint tokens', async () => {
    const { adminToken } = await fenfaTenant(t.app);
    const res = await request(t.app)
      .post('/admin/api/tokens')
      .set('X-Auth-Token', adminToken)
      .send({ label: 'x', scopes: ['admin'] })
      .expect(401);
    expect(res.body.ok).toBe(false);
    const { token: jwt } = await newAdmin(t.app);
    const bad = await request(t.app)
      .post('/admin/api/tokens')
      .set(bearer(jwt))
      .send({ label: 'x', scopes: ['root'] })
      .expect(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
  });
});

describe('Fenfa products (the docs examples)', () => {
  it('List Products and Create Product as the curl examples send them', async () => {
    const { adminToken: YOUR_ADMIN_TOKEN } = await fenfaTenant(t.app);
    // curl -X POST http://localhost:8000/admin/api/products -H "X-Auth-Token: …" -H "Content-Type: application/json" -d '…'
    const created = await request(t.app)
      .post('/admin/api/products')
      .set('X-Auth-Token', YOUR_ADMIN_TOKEN)
      .set('Content-Type', 'application/json')
      .send('{"name": "MyApp", "slug": "myapp", "description": "Cross-platform app"}')
      .expect(201);
    expect(created.body.data.product).toMatchObject({
      slug: 'myapp',
      name: 'MyApp',
      description: 'Cross-platform app',
      published: true,
    });
    expect(created.body.data.product.id).toMatch(/^prd_[0-9a-f]{24}$/);
    // curl http://localhost:8000/admin/api/products -H "X-Auth-Token: YOUR_ADMIN_TOKEN"
    const list = await request(t.app)
      .get('/admin/api/products')
      .set('X-Auth-Token', YOUR_ADMIN_TOKEN)
      .expect(200);
    expect(list.body).toEqual({
      ok: true,
      data: {
        total: 1,
        items: [
          expect.objectContaining({
            id: created.body.data.product.id,
            slug: 'myapp',
            name: 'MyApp',
            variant_count: 0,
          }),
        ],
      },
    });
  });

  it('generates slugs from Unicode names and de-duplicates them', async () => {
    const { adminToken } = await fenfaTenant(t.app);
    const slugOf = async (body: Record<string, unknown>) => {
      const id = await createProduct(t.app, adminToken, body);
      const res = await request(t.app)
        .get(`/admin/api/products/${id}`)
        .set('X-Auth-Token', adminToken)
        .expect(200);
      return res.body.data.product.slug as string;
    };
    expect(await slugOf({ name: 'Mein Äpp 2!' })).toBe('mein-äpp-2');
    expect(await slugOf({ name: 'Mein Äpp 2' })).toBe('mein-äpp-2-2');
    expect(await slugOf({ name: '我的应用' })).toBe('我的应用');
    expect(await slugOf({ name: 'x', slug: 'mein-äpp-2' })).toBe('mein-äpp-2-3');
  });

  it('updates partially; a slug another product has is a 400', async () => {
    const { adminToken } = await fenfaTenant(t.app);
    const a = await createProduct(t.app, adminToken, { name: 'Alpha' });
    await createProduct(t.app, adminToken, { name: 'Beta' });
    const dup = await request(t.app)
      .put(`/admin/api/products/${a}`)
      .set('X-Auth-Token', adminToken)
      .send({ slug: 'beta' })
      .expect(400);
    expect(dup.body.error).toEqual({
      code: 'BAD_REQUEST',
      message: 'slug "beta" is already used by another product',
    });
    const res = await request(t.app)
      .put(`/admin/api/products/${a}`)
      .set('X-Auth-Token', adminToken)
      .send({ description: 'new', slug: 'alpha-one' })
      .expect(200);
    expect(res.body.data.product).toMatchObject({ name: 'Alpha', description: 'new', slug: 'alpha-one' });
  });

  it('keeps products, slugs and tokens to their tenant', async () => {
    const one = await fenfaTenant(t.app);
    const two = await fenfaTenant(t.app);
    const id = await createProduct(t.app, one.adminToken, { name: 'Shared', slug: 'shared' });
    expect(await createProduct(t.app, two.adminToken, { name: 'Shared', slug: 'shared' })).not.toBe(id);
    const theirs = await request(t.app)
      .get(`/admin/api/products/${id}`)
      .set('X-Auth-Token', two.adminToken)
      .expect(404);
    expect(theirs.body.error.code).toBe('NOT_FOUND');
    await request(t.app).delete(`/admin/api/products/${id}`).set('X-Auth-Token', two.adminToken).expect(404);
    const list = await request(t.app)
      .get('/admin/api/products')
      .set('X-Auth-Token', two.adminToken)
      .expect(200);
    expect(list.body.data.items.map((p: { slug: string }) => p.slug)).toEqual(['shared']);
    expect(list.body.data.items[0].id).not.toBe(id);
    const tokens = await request(t.app).get('/admin/api/tokens').set(bearer(two.jwt)).expect(200);
    const oneTokens = await request(t.app).get('/admin/api/tokens').set(bearer(one.jwt)).expect(200);
    await request(t.app)
      .delete(`/admin/api/tokens/${oneTokens.body.data.items[0].id}`)
      .set(bearer(two.jwt))
      .expect(404);
    expect(tokens.body.data.total).toBe(2);
  });

  it('pages and searches the product list', async () => {
    const { adminToken } = await fenfaTenant(t.app);
    for (const name of ['One', 'Two', 'Three']) await createProduct(t.app, adminToken, { name });
    const page = await request(t.app)
      .get('/admin/api/products?limit=2&offset=1')
      .set('X-Auth-Token', adminToken)
      .expect(200);
    expect(page.body.data.total).toBe(3);
    expect(page.body.data.items.map((p: { name: string }) => p.name)).toEqual(['Two', 'One']);
    const found = await request(t.app)
      .get('/admin/api/products?q=thr')
      .set('X-Auth-Token', adminToken)
      .expect(200);
    expect(found.body.data.items.map((p: { name: string }) => p.name)).toEqual(['Three']);
    const bad = await request(t.app)
      .get('/admin/api/products?limit=5000')
      .set('X-Auth-Token', adminToken)
      .expect(400);
    expect(bad.body.error.message).toBe('limit must be at most 1000');
  });
});

describe('Fenfa variants', () => {
  it('are created on the catalog platforms, listed in sort order, and one per platform and arch', async () => {
    const { jwt, adminToken } = await fenfaTenant(t.app);
    const product = await createProduct(t.app, adminToken, { name: 'Multi' });
    const android = await createVariant(t.app, adminToken, product, {
      platform: 'android',
      display_name: 'Android',
      identifier: 'com.example.multi',
      sort_order: 2,
    });
    const ios = await createVariant(t.app, adminToken, product, {
      platform: 'ios',
      display_name: 'iPhone',
      identifier: 'com.example.multi',
      installer_type: 'ipa',
      min_os: '15.0',
      sort_order: 1,
    });
    expect(ios).toMatch(/^var_[0-9a-f]{24}$/);
    const dup = await request(t.app)
      .post(`/admin/api/products/${product}/variants`)
      .set('X-Auth-Token', adminToken)
      .send({ platform: 'ios', display_name: 'again', identifier: 'x' })
      .expect(400);
    expect(dup.body.error.message).toContain('already has a variant for ios');
    const got = await request(t.app)
      .get(`/admin/api/products/${product}`)
      .set('X-Auth-Token', adminToken)
      .expect(200);
    expect(got.body.data.variants.map((v: { id: string }) => v.id)).toEqual([ios, android]);
    expect(got.body.data.variants[0]).toMatchObject({
      platform: 'ios',
      min_os: '15.0',
      installer_type: 'ipa',
      releases: [],
    });
    // The catalog platforms every face uses now hold them.
    const platforms = await request(t.app).get('/platform/list').set(bearer(jwt)).expect(200);
    expect(JSON.stringify(platforms.body)).toContain('"android"');

    const changed = await request(t.app)
      .put(`/admin/api/variants/${android}`)
      .set('X-Auth-Token', adminToken)
      .send({ display_name: 'Android phones', published: false })
      .expect(200);
    expect(changed.body.data.variant).toMatchObject({ display_name: 'Android phones', published: false });
    await request(t.app)
      .put(`/admin/api/variants/${android}`)
      .set('X-Auth-Token', adminToken)
      .send({ platform: 'linux' })
      .expect(400);
    await request(t.app)
      .put(`/admin/api/apps/${android}/publish`)
      .set('X-Auth-Token', adminToken)
      .expect(200);
    await request(t.app)
      .put(`/admin/api/apps/${product}/unpublish`)
      .set('X-Auth-Token', adminToken)
      .expect(200);
    const after = await request(t.app)
      .get(`/admin/api/products/${product}`)
      .set('X-Auth-Token', adminToken)
      .expect(200);
    expect(after.body.data.product.published).toBe(false);
    expect(after.body.data.variants[1].published).toBe(true);
    await request(t.app).delete(`/admin/api/variants/${ios}`).set('X-Auth-Token', adminToken).expect(200);
    await request(t.app).get(`/admin/api/variants/${ios}/stats`).set('X-Auth-Token', adminToken).expect(404);
  });
});

describe('Fenfa settings', () => {
  it('store domains per tenant, say storage is configured by the environment, never return Apple secrets', async () => {
    const { adminToken } = await fenfaTenant(t.app);
    const other = await fenfaTenant(t.app);
    const res = await request(t.app)
      .put('/admin/api/settings')
      .set('X-Auth-Token', adminToken)
      .send({
        primary_domain: 'https://dist.example.com/',
        secondary_domains: ['https://cdn.example.com'],
        organization: 'Example Ltd',
        apple_key_id: 'ABC123',
        apple_issuer_id: 'issuer',
        apple_private_key: '-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----',
      })
      .expect(200);
    expect(res.body.data).toMatchObject({
      primary_domain: 'https://dist.example.com',
      secondary_domains: ['https://cdn.example.com'],
      organization: 'Example Ltd',
      storage_type: 'local',
      apple_configured: true,
      apple_key_id: 'ABC123',
    });
    expect(JSON.stringify(res.body)).not.toContain('secret');
    const theirs = await request(t.app)
      .get('/admin/api/settings')
      .set('X-Auth-Token', other.adminToken)
      .expect(200);
    expect(theirs.body.data).toMatchObject({ primary_domain: '', organization: '', apple_configured: false });
    const storage = await request(t.app)
      .put('/admin/api/settings')
      .set('X-Auth-Token', adminToken)
      .send({ primary_domain: 'https://dist.example.com', organization: 'x', storage_type: 's3' })
      .expect(400);
    expect(storage.body.error.message).toContain('STORAGE_DRIVER');
    await request(t.app)
      .put('/admin/api/settings')
      .set('X-Auth-Token', adminToken)
      .send({ organization: 'x' })
      .expect(400);
    const config = await request(t.app)
      .get('/admin/api/upload-config')
      .set('X-Auth-Token', adminToken)
      .expect(200);
    expect(config.body.data).toMatchObject({ storage_type: 'local', upload_domain: '' });
  });
});
