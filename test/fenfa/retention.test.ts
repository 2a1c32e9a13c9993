import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAllRetention } from '../../src/core/commands/apply-retention.js';
import { previewRetention } from '../../src/core/fenfa/retention.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload, zipLike } from '../helpers/fenfa.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A tenant with an Android variant and `versions` uploaded to it in that order (the last is the newest). */
async function variantWith(t: TestApp, versions: string[]) {
  const tenant = await fenfaTenant(t.app);
  const product = await createProduct(t.app, tenant.adminToken, { name: 'Kept' });
  const variant = await createVariant(t.app, tenant.adminToken, product, { platform: 'android' });
  const releases: string[] = [];
  for (const version of versions) {
    const res = await fenfaUpload(
      t.app,
      tenant.uploadToken,
      { variant_id: variant, version },
      { name: `kept-${version}.apk`, content: zipLike(3000) },
    ).expect(201);
    releases.push(res.body.data.release.id as string);
  }
  return { ...tenant, product, variant, releases };
}

type Setup = Awaited<ReturnType<typeof variantWith>>;

const artifactId = (release: string) => release.replace(/^rel_/, '');

/** The ids of the variant's releases the admin API lists, newest first. */
async function listed(t: TestApp, x: Setup): Promise<string[]> {
  const res = await request(t.app)
    .get(`/admin/api/products/${x.product}`)
    .set('X-Auth-Token', x.adminToken)
    .expect(200);
  const variant = res.body.data.variants.find((v: { id: string }) => v.id === x.variant);
  return variant.releases.map((r: { id: string }) => r.id);
}

async function storageKey(t: TestApp, release: string): Promise<string> {
  const row = await t.ctx.database.db
    .selectFrom('artifacts')
    .select('storage_key')
    .where('id', '=', artifactId(release))
    .executeTakeFirstOrThrow();
  return row.storage_key;
}

/** Moves a release's upload time into the past: the policy's days are counted from it. */
async function uploadedAgo(t: TestApp, release: string, days: number, now = Date.now()): Promise<void> {
  await t.ctx.database.db
    .updateTable('artifacts')
    .set({ created_at: new Date(now - days * DAY_MS) })
    .where('id', '=', artifactId(release))
    .execute();
}

const put = (t: TestApp, x: Setup, body: object, token = x.adminToken) =>
  request(t.app).put(`/admin/api/variants/${x.variant}/retention`).set('X-Auth-Token', token).send(body);

describe('Fenfa retention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('is off by default: every release stays, the preview removes nothing', async () => {
    const x = await variantWith(t, ['1.0.0', '1.1.0', '1.2.0']);
    const policy = await request(t.app)
      .get(`/admin/api/variants/${x.variant}/retention`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(policy.body).toEqual({
      ok: true,
      data: { variant_id: x.variant, keep_last: null, keep_days: null, enabled: false },
    });
    const preview = await request(t.app)
      .get(`/admin/api/variants/${x.variant}/retention/preview`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(preview.body.data).toMatchObject({ enabled: false, keep: 3, remove: [] });
    await applyAllRetention(t.ctx, new Date(Date.now() + 3650 * DAY_MS));
    expect(await listed(t, x)).toEqual([...x.releases].reverse());
  });

  it('keeps the newest N: applied when set, after each upload, and files leave the store', async () => {
    const x = await variantWith(t, ['1.0.0', '1.1.0', '1.2.0']);
    const [oldest, middle, newest] = x.releases as [string, string, string];
    const oldestKey = await storageKey(t, oldest);
    const set = await put(t, x, { keep_last: 2 }).expect(200);
    expect(set.body.data).toMatchObject({ keep_last: 2, keep_days: null, enabled: true });
    expect(set.body.data.deleted).toEqual([
      expect.objectContaining({ id: oldest, version: '1.0.0', file_name: 'kept-1.0.0.apk' }),
    ]);
    expect(await listed(t, x)).toEqual([newest, middle]);
    expect(await t.ctx.store.head(oldestKey, 'public')).toBeUndefined();
    await request(t.app).get(`/d/${oldest}`).expect(404);

    const middleKey = await storageKey(t, middle);
    const next = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: x.variant, version: '1.3.0' },
      { name: 'kept-1.3.0.apk', content: zipLike(3000) },
    ).expect(201);
    expect(await listed(t, x)).toEqual([next.body.data.release.id, newest]);
    expect(await t.ctx.store.head(middleKey, 'public')).toBeUndefined();

    // Turned off again: nothing more goes.
    await put(t, x, {}).expect(200, {
      ok: true,
      data: { variant_id: x.variant, keep_last: null, keep_days: null, enabled: false, deleted: [] },
    });
  });

  it('keeps the last D days, counted on the clock it is given, and never the newest release', async () => {
    const x = await variantWith(t, ['2.0.0', '2.1.0', '2.2.0']);
    const [old, recent, newest] = x.releases as [string, string, string];
    const now = Date.now();
    await uploadedAgo(t, old, 20, now);
    await uploadedAgo(t, recent, 3, now);
    await uploadedAgo(t, newest, 1, now);
    const set = await put(t, x, { keep_days: 7 }).expect(200);
    expect(set.body.data.deleted.map((r: { id: string }) => r.id)).toEqual([old]);
    expect(await listed(t, x)).toEqual([newest, recent]);

    // Five days on, the 3-day-old release is 8 days old; the newest is kept however old it gets.
    const later = new Date(now + 5 * DAY_MS);
    const tenantId = (
      await t.ctx.database.db
        .selectFrom('fenfa_variants')
        .select('tenant_id')
        .where('id', '=', x.variant)
        .executeTakeFirstOrThrow()
    ).tenant_id;
    const preview = await previewRetention(t.ctx.database.db, tenantId, x.variant, { now: later });
    expect(preview.remove.map((r) => r.id)).toEqual([recent]);
    expect(await applyAllRetention(t.ctx, later)).toBeGreaterThanOrEqual(1);
    expect(await listed(t, x)).toEqual([newest]);
    await applyAllRetention(t.ctx, new Date(now + 3650 * DAY_MS));
    expect(await listed(t, x)).toEqual([newest]);
  });

  it('keeps what either rule keeps when both are set', async () => {
    const x = await variantWith(t, ['3.0.0', '3.1.0', '3.2.0', '3.3.0']);
    const [a, b, c, d] = x.releases as [string, string, string, string];
    const now = Date.now();
    for (const [release, days] of [
      [a, 30],
      [b, 2],
      [c, 20],
      [d, 10],
    ] as const)
      await uploadedAgo(t, release, days, now);
    // Newest first by upload time: b (2 days), d, c, a. keep_last 2 keeps b and d; keep_days 25 keeps c too.
    const preview = await request(t.app)
      .get(`/admin/api/variants/${x.variant}/retention/preview?keep_last=2&keep_days=25`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(preview.body.data).toMatchObject({ keep_last: 2, keep_days: 25, enabled: true, keep: 3 });
    expect(preview.body.data.remove.map((r: { id: string }) => r.id)).toEqual([a]);
  });

  it('the preview is a dry run: nothing is deleted and the stored policy stays', async () => {
    const x = await variantWith(t, ['4.0.0', '4.1.0', '4.2.0']);
    const preview = await request(t.app)
      .get(`/admin/api/variants/${x.variant}/retention/preview?keep_last=1`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(preview.body.data).toMatchObject({ keep_last: 1, keep_days: null, keep: 1 });
    expect(preview.body.data.remove.map((r: { id: string }) => r.id)).toEqual([x.releases[1], x.releases[0]]);
    expect(await listed(t, x)).toEqual([...x.releases].reverse());
    const stored = await request(t.app)
      .get(`/admin/api/variants/${x.variant}/retention`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    expect(stored.body.data.enabled).toBe(false);
  });

  it("is the variant's tenant's: another tenant can neither read, set nor preview it, nor lose releases to it", async () => {
    const x = await variantWith(t, ['5.0.0', '5.1.0']);
    const other = await variantWith(t, ['6.0.0', '6.1.0']);
    for (const call of [
      request(t.app).get(`/admin/api/variants/${x.variant}/retention`),
      request(t.app).get(`/admin/api/variants/${x.variant}/retention/preview`),
      request(t.app).put(`/admin/api/variants/${x.variant}/retention`).send({ keep_last: 1 }),
    ]) {
      const res = await call.set('X-Auth-Token', other.adminToken).expect(404);
      expect(res.body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
    expect(await listed(t, x)).toEqual([...x.releases].reverse());
    await put(t, x, { keep_last: 1 }).expect(200);
    await applyAllRetention(t.ctx);
    expect(await listed(t, x)).toEqual([x.releases[1]]);
    expect(await listed(t, other)).toEqual([...other.releases].reverse());
  });

  it('refuses a policy it cannot keep with a 400 that says why', async () => {
    const x = await variantWith(t, []);
    const cases: [object, RegExp][] = [
      [{ keep_last: 0 }, /keep_last must be at least 1/],
      [{ keep_days: 1.5 }, /keep_days must be a whole number/],
      [{ keep_last: '3' }, /keep_last must be a number/],
    ];
    for (const [body, message] of cases) {
      const res = await put(t, x, body).expect(400);
      expect(res.body.error).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(message) });
    }
    const query = await request(t.app)
      .get(`/admin/api/variants/${x.variant}/retention/preview?keep_days=0`)
      .set('X-Auth-Token', x.adminToken)
      .expect(400);
    expect(query.body.error.message).toMatch(/keep_days must be at least 1/);
    await request(t.app)
      .put('/admin/api/variants/var_nope/retention')
      .set('X-Auth-Token', x.adminToken)
      .send({ keep_last: 1 })
      .expect(404);
  });
});

describe('Fenfa retention on S3', () => {
  let s3: TestS3;
  let t: TestApp;
  beforeAll(async () => {
    s3 = await startS3();
    t = await createTestApp(s3.env);
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('removes the objects of the releases it deletes from the bucket', async () => {
    const x = await variantWith(t, ['1.0.0', '1.1.0']);
    const oldKey = await storageKey(t, x.releases[0] as string);
    const newKey = await storageKey(t, x.releases[1] as string);
    expect(await t.ctx.store.head(oldKey, 'public')).toBeDefined();
    const set = await put(t, x, { keep_last: 1 }).expect(200);
    expect(set.body.data.deleted.map((r: { id: string }) => r.id)).toEqual([x.releases[0]]);
    expect(await t.ctx.store.head(oldKey, 'public')).toBeUndefined();
    expect(await t.ctx.store.head(newKey, 'public')).toBeDefined();
  });
});
