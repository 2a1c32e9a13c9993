import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { newAdmin } from '../helpers/auth.js';
import { createProduct, createVariant, fenfaUpload, zipLike } from '../helpers/fenfa.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

const ADMIN_TOKEN = 'configured-admin-token-0123456789';
const UPLOAD_TOKEN = 'configured-upload-token-0123456789';

/**
 * A drop-in move from Fenfa on the S3 driver: the configured tokens act for FENFA_TOKEN_OWNER's tenant, uploads land
 * in the bucket, downloads of a public app redirect to it, and deletes remove the objects (Fenfa leaves them).
 */
describe('Fenfa with configured tokens on S3', () => {
  let s3: TestS3;
  let t: TestApp;
  const owner = `fenfaowner${process.pid}`;

  beforeAll(async () => {
    s3 = await startS3();
    t = await createTestApp({
      ...s3.env,
      FENFA_ADMIN_TOKEN: ADMIN_TOKEN,
      FENFA_UPLOAD_TOKEN: UPLOAD_TOKEN,
      FENFA_TOKEN_OWNER: owner,
    });
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('act for nobody until the owner exists, then for its tenant only', async () => {
    await request(t.app).get('/admin/api/products').set('X-Auth-Token', ADMIN_TOKEN).expect(403);
    await newAdmin(t.app, owner);
    await request(t.app).get('/admin/api/products').set('X-Auth-Token', ADMIN_TOKEN).expect(200);
    // The upload token uploads but does not administer.
    await request(t.app).get('/admin/api/products').set('X-Auth-Token', UPLOAD_TOKEN).expect(403);
  });

  it('upload to the bucket, redirect downloads to it, and remove the objects on delete', async () => {
    const product = await createProduct(t.app, ADMIN_TOKEN, { name: 'Cloud', slug: 'cloud' });
    const variant = await createVariant(t.app, ADMIN_TOKEN, product, {
      platform: 'linux',
      display_name: 'Linux',
    });
    const content = zipLike(4096);
    const res = await fenfaUpload(
      t.app,
      UPLOAD_TOKEN,
      { variant_id: variant, version: '1.0.0' },
      {
        name: 'cloud.zip',
        content,
      },
    ).expect(201);
    const rel = res.body.data.release.id as string;
    const artifact = await t.ctx.database.db
      .selectFrom('artifacts')
      .select('storage_key')
      .where('id', '=', rel.slice('rel_'.length))
      .executeTakeFirstOrThrow();
    expect(await t.ctx.store.head(artifact.storage_key, 'public')).toMatchObject({ size: content.length });

    const download = await request(t.app).get(`/d/${rel}`).expect(302);
    const fetched = await fetch(download.headers.location as string);
    expect(Buffer.compare(Buffer.from(await fetched.arrayBuffer()), content)).toBe(0);

    await request(t.app)
      .delete(`/admin/api/variants/${variant}`)
      .set('X-Auth-Token', ADMIN_TOKEN)
      .expect(200);
    expect(await t.ctx.store.head(artifact.storage_key, 'public')).toBeUndefined();
    expect(await t.ctx.store.list('releases/', 'public')).toEqual([]);
    await request(t.app).get(`/d/${rel}`).expect(404);
  });
});
