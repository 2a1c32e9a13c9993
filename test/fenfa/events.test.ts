import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload, zipLike } from '../helpers/fenfa.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setUp(slug: string) {
  const tenant = await fenfaTenant(t.app);
  const product = await createProduct(t.app, tenant.adminToken, { name: slug, slug });
  const variant = await createVariant(t.app, tenant.adminToken, product, {
    platform: 'android',
    display_name: 'A',
  });
  const up = await fenfaUpload(
    t.app,
    tenant.uploadToken,
    { variant_id: variant, version: '1.0.0', build: '7' },
    {
      name: 'e.apk',
      content: zipLike(),
    },
  ).expect(201);
  return { ...tenant, product, variant, release: up.body.data.release.id as string };
}

describe('Fenfa events', () => {
  it('logs page visits and clicks, server-side downloads and uploads, per tenant', async () => {
    const x = await setUp('evented');
    const other = await setUp('evented-other');
    await request(t.app)
      .post('/events')
      .set('User-Agent', 'Mozilla/5.0 (Linux; Android 14)')
      .send({ type: 'visit', variant_id: x.variant, extra: { ref: 'qr' } })
      .expect(201, { ok: true });
    // sendBeacon posts text/plain.
    await request(t.app)
      .post('/events')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ type: 'click', release_id: x.release }))
      .expect(201);
    await request(t.app).get(`/d/${x.release}`).expect(200);
    await t.ctx.counters.flush();

    const all = await request(t.app).get('/admin/api/events').set('X-Auth-Token', x.adminToken).expect(200);
    expect(all.body.data.total).toBe(4);
    expect(all.body.data.items.map((e: { type: string }) => e.type)).toEqual([
      'download',
      'click',
      'visit',
      'upload',
    ]);
    expect(all.body.data.items[2]).toMatchObject({
      type: 'visit',
      app_id: x.product,
      variant_id: x.variant,
      release_id: null,
      ua: 'Mozilla/5.0 (Linux; Android 14)',
      extra: { ref: 'qr' },
    });
    const downloads = await request(t.app)
      .get(`/admin/api/events?type=download&release_id=${x.release}&limit=1`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(downloads.body.data).toMatchObject({
      total: 1,
      items: [{ type: 'download', variant_id: x.variant }],
    });
    const theirs = await request(t.app)
      .get('/admin/api/events')
      .set('X-Auth-Token', other.adminToken)
      .expect(200);
    expect(theirs.body.data.items.map((e: { type: string }) => e.type)).toEqual(['upload']);
    const today = new Date().toISOString().slice(0, 10);
    const ranged = await request(t.app)
      .get(`/admin/api/events?from=${today}&to=${today}`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(ranged.body.data.total).toBe(4);
    const past = await request(t.app)
      .get('/admin/api/events?to=2020-01-01')
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(past.body.data.total).toBe(0);
  });

  it('refuses unknown types, missing or unknown ids and large bodies', async () => {
    const x = await setUp('guarded');
    const bad = await request(t.app)
      .post('/events')
      .send({ type: 'purchase', variant_id: x.variant })
      .expect(400);
    expect(bad.body).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'type must be visit or click' },
    });
    await request(t.app).post('/events').send({ type: 'visit' }).expect(400);
    await request(t.app).post('/events').send({ type: 'visit', variant_id: 'var_0000' }).expect(404);
    const big = await request(t.app)
      .post('/events')
      .send({ type: 'visit', variant_id: x.variant, extra: { pad: 'x'.repeat(5000) } })
      .expect(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('Fenfa CSV exports', () => {
  it('stream releases and events with Fenfa columns, safe against formula injection', async () => {
    const x = await setUp('exported');
    await request(t.app)
      .post('/events')
      .set('User-Agent', '=HYPERLINK("http://evil.example","x")')
      .send({ type: 'visit', variant_id: x.variant })
      .expect(201);
    // curl -o releases.csv http://localhost:8000/admin/exports/releases.csv -H "X-Auth-Token: YOUR_ADMIN_TOKEN"
    const releases = await request(t.app)
      .get('/admin/exports/releases.csv')
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(releases.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, row, ...rest] = releases.text.split('\r\n');
    expect(header).toBe(
      'app_id,variant_id,release_id,version,build,created_at,size_bytes,sha256,download_count,channel',
    );
    expect(row?.split(',').slice(0, 5)).toEqual([x.product, x.variant, x.release, '1.0.0', '7']);
    expect(rest).toEqual(['']);
    const events = await request(t.app)
      .get('/admin/exports/events.csv?type=visit')
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    const lines = events.text.split('\r\n');
    expect(lines[0]).toBe('ts,type,app_id,variant_id,release_id,ip,ua,extra');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines).toHaveLength(3);
    await request(t.app).get('/admin/exports/events.csv').expect(401);
  });
});

// Last: the limit is per address, and every request of this file comes from the same one.
describe('Fenfa events from one address', () => {
  it('are limited', async () => {
    const x = await setUp('limited');
    let status = 0;
    for (let i = 0; i < 70 && status !== 429; i++) {
      status = (await request(t.app).post('/events').send({ type: 'visit', app_id: x.product })).status;
    }
    expect(status).toBe(429);
  });
});
