import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneReports } from '../../src/core/reports/retention.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { reportBody } from '../helpers/reports.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('report detail blobs on the S3 driver', () => {
  let s3: TestS3;
  let t: TestApp;
  let token: string;
  let key: string;

  beforeAll(async () => {
    s3 = await startS3();
    t = await createTestApp({ ...s3.env, REPORTS_MAX_BLOBS_PER_GROUP: '2' });
    token = (await newAdmin(t.app)).token;
    await request(t.app)
      .post('/app/create')
      .set(bearer(token))
      .field('data', JSON.stringify({ app: 'crashy', reports: 'true' }))
      .expect(200);
    const keys = await request(t.app).get('/report-keys/list').set(bearer(token)).expect(200);
    key = keys.body.report_keys[0].key_value;
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  const ingest = (reason: string, details: unknown, device: string) =>
    request(t.app)
      .post('/reports/ingest')
      .set('Authorization', `Bearer ${key}`)
      .set('X-Device-ID', device)
      .send(reportBody('crashy', { reason, details }))
      .expect(202);

  const blobs = async (hash: string) =>
    (await request(t.app).get(`/reports/groups/${hash}/blobs`).set(bearer(token)).expect(200)).body.items as {
      url: string;
      storage: { key: string; driver: string };
    }[];

  it('stores details in the private bucket, downloadable through the signed URL', async () => {
    const res = await ingest('s3.stored', { stack: 'at main()' }, 'd1');
    expect(res.body.stored_details).toBe(true);
    const [blob] = await blobs(res.body.group_hash);
    expect(blob?.storage.driver).toBe('s3');
    expect(new URL(blob?.url ?? '').pathname).toMatch(/^\/updraft-private\/reports\//);

    const signed = await fetch(blob?.url ?? '');
    expect(signed.status).toBe(200);
    expect(JSON.parse(gunzipSync(Buffer.from(await signed.arrayBuffer())).toString())).toEqual({
      stack: 'at main()',
    });
    // A presigned GET that lives 15 minutes (s3rver enforces no ACLs, so refusing unsigned reads is not shown here).
    const query = new URL(blob?.url ?? '').searchParams;
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect(query.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('caps, prunes and deletes objects in the bucket', async () => {
    let hash = '';
    for (let i = 0; i < 3; i++) hash = (await ingest('s3.cap', { n: i }, `cap${i}`)).body.group_hash;
    const kept = await blobs(hash);
    expect(kept).toHaveLength(2);
    const listed = (await t.ctx.store.list('reports/', 'private')).filter((k) => k.includes(hash));
    expect(listed.sort()).toEqual(kept.map((b) => b.storage.key).sort());

    await request(t.app).delete(`/reports/groups/${hash}`).set(bearer(token)).expect(200);
    expect((await t.ctx.store.list('reports/', 'private')).filter((k) => k.includes(hash))).toEqual([]);

    const old = (await ingest('s3.old', { x: 1 }, 'old')).body.group_hash;
    const [blob] = await blobs(old);
    await pruneReports(t.ctx, new Date(Date.now() + 31 * DAY_MS));
    expect(await t.ctx.store.head(blob?.storage.key ?? '', 'private')).toBeUndefined();
    expect(await blobs(old)).toEqual([]);
  });
});
