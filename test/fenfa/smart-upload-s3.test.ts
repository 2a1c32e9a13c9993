import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload } from '../helpers/fenfa.js';
import {
  developerCertificate,
  mobileprovision,
  packageBytes,
  profilePlist,
  standardPng,
  writeIpa,
} from '../helpers/packages/fixtures.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

/**
 * Smart upload and parse-app on the S3 driver: the package is read from its temporary object by range requests (no
 * local copy), and a refused or parsed package leaves no object behind.
 */
describe('Fenfa smart upload on S3', () => {
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

  const objects = async () => ({
    public: await t.ctx.store.list('', 'public'),
    private: await t.ctx.store.list('', 'private'),
  });

  it('reads an IPA whose directory spans many read-ahead blocks from the bucket, and stores nothing it refuses', async () => {
    const x = await fenfaTenant(t.app);
    const product = await createProduct(t.app, x.adminToken, { name: 'On S3' });
    const ios = await createVariant(t.app, x.adminToken, product, { platform: 'ios' });
    const cert = developerCertificate();
    const icon = standardPng(60, 60, Buffer.alloc(60 * 60 * 4, 0x33));
    // Thousands of entries first (a framework's files), and one incompressible one: the central directory is far
    // larger than one read-ahead block, and the app's entries lie behind a megabyte of data.
    const content = await packageBytes((path) =>
      writeIpa(path, {
        before: [
          ...Array.from({ length: 3000 }, (_, i) => ({
            name: `Payload/Demo.app/Frameworks/Kit.framework/Resources/part-${i}.strings`,
            data: Buffer.from(`"key${i}" = "value";`),
          })),
          { name: 'Payload/Demo.app/Frameworks/Kit.framework/Kit', data: randomBytes(1024 * 1024) },
        ],
        files: [{ name: 'AppIcon60x60@2x.png', data: icon }],
        profile: mobileprovision(profilePlist('enterprise', cert), cert),
      }),
    );

    const parsed = await fenfaUpload(
      t.app,
      x.adminToken,
      {},
      { name: 'Demo.ipa', content },
      { path: '/admin/api/parse-app' },
    ).expect(200);
    expect(parsed.body.data).toMatchObject({
      bundle_id: 'com.example.demo',
      version: '2.1.0',
      file_size: content.length,
      provisioning_profile: { profile_type: 'enterprise' },
    });
    expect(await objects()).toEqual({ public: [], private: [] });

    const refused = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: ios },
      { name: 'Demo.ipa', content: content.subarray(0, content.length - 100) },
      { path: '/smart-upload' },
    ).expect(400);
    expect(refused.body.error.code).toBe('BAD_FILE');
    expect(await objects()).toEqual({ public: [], private: [] });

    const res = await fenfaUpload(
      t.app,
      x.uploadToken,
      { variant_id: ios },
      { name: 'Demo.ipa', content },
      { path: '/smart-upload' },
    ).expect(201);
    expect(res.body.data.release).toMatchObject({ version: '2.1.0', build: 42 });
    const stored = await objects();
    expect(stored.private).toEqual([]);
    expect(stored.public).toHaveLength(2);
    expect(stored.public.filter((k) => k.startsWith('logos/'))).toHaveLength(1);
    const tree = await request(t.app)
      .get(`/admin/api/products/${product}`)
      .set('X-Auth-Token', x.adminToken)
      .expect(200);
    const release = tree.body.data.variants[0].releases[0];
    expect(release).toMatchObject({ size_bytes: content.length, bundle_id: 'com.example.demo' });
    expect(release.provisioning_profile).toMatchObject({ profile_type: 'enterprise' });
  });
});
