import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bootstrapAdmin, fetchSigned, linkCustomers, newCustomer, sha256 } from '../helpers/bindist.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** §A.9 of the behaviour notes, step by step over HTTP, with the SDK-shaped client. */
describe('BinDist fixture flow (§A.9)', () => {
  it('goes from bootstrap to stats and activity', async () => {
    // 1. Bootstrap the admin key with the Updraft JWT.
    const { admin } = await bootstrapAdmin(t.app);

    // 2. Create the application.
    const created = await admin.createApplication('my-app', 'My App', [], {
      description: 'The app',
      tags: ['windows'],
    });
    expect(created.statusCode, JSON.stringify(created.raw)).toBe(201);

    // 3. Create a customer and get its key (shown once).
    const { client, customerId, apiKey } = await newCustomer(admin, 'Acme Corp');
    expect(apiKey).toMatch(/^[0-9a-f]{24}\.[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify((await admin.listCustomers()).raw)).not.toContain(apiKey.split('.')[1]);
    expect((await client.getApplication('my-app')).statusCode).toBe(404);

    // 4. Link the customer to the application.
    await linkCustomers(admin, 'my-app', [customerId]);
    const listed = await client.listApplications();
    expect(listed.data.applications.map((a: { applicationId: string }) => a.applicationId)).toEqual([
      'my-app',
    ]);

    // 5. Small upload of 1.0.0: new versions start disabled, so the customer does not see it.
    const content = Buffer.from(`my-app 1.0.0 ${'x'.repeat(5000)}`);
    const up = await admin.uploadSmallFile('my-app', '1.0.0', 'my-app-1.0.0.exe', content, 'First release');
    expect(up.statusCode, JSON.stringify(up.raw)).toBe(201);
    expect((await client.listVersions('my-app')).data.versions).toEqual([]);
    const notEnabled = await client.getDownloadUrl('my-app', '1.0.0');
    expect(notEnabled.statusCode).toBe(403);
    expect(notEnabled.error?.message).toBe("Version '1.0.0' is not enabled for download");

    // 6. The Test channel shows it (and may download it).
    const test = await client.listVersions('my-app', { testChannel: true });
    expect(test.data.versions).toHaveLength(1);
    expect(test.data.versions[0]).toMatchObject({
      version: '1.0.0',
      isEnabled: false,
      versionId: 'my-app-1.0.0',
      releaseNotes: 'First release',
    });
    expect((await client.getDownloadUrl('my-app', '1.0.0', { testChannel: true })).statusCode).toBe(200);

    // 7. Enable it: now visible without the channel.
    expect((await admin.updateVersion('my-app', '1.0.0', { isEnabled: true })).statusCode).toBe(200);
    const prod = await client.listVersions('my-app');
    expect(prod.data.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);

    // 8. Download URL, a plain GET without credentials, SHA-256 compared the SDK's way.
    const files = await client.listVersionFiles('my-app', '1.0.0');
    expect(files.data.files).toEqual([
      expect.objectContaining({
        fileName: 'my-app-1.0.0.exe',
        fileType: 'MAIN',
        fileSize: content.length,
        checksum: sha256(content),
        order: 1,
      }),
    ]);
    const url = await client.getDownloadUrl('my-app', '1.0.0');
    expect(url.data.url).toBe(url.data.downloadUrl);
    expect(url.data.checksum).toMatch(/^[0-9a-f]{64}$/);
    const expiresIn = Date.parse(url.data.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(29 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 60_000);
    const [bytes, meta] = await client.downloadFile('my-app', '1.0.0');
    expect(sha256(bytes)).toBe(sha256(content));
    expect(meta).toMatchObject({
      fileName: 'my-app-1.0.0.exe',
      fileSize: content.length,
      checksum: sha256(content),
    });

    // 9. Share link → 302 to a working URL; once expired → 410.
    const share = await client.createShareLink('my-app', '1.0.0', { expiresMinutes: 60 });
    expect(share.statusCode, JSON.stringify(share.raw)).toBe(200);
    expect(share.data.shareUrl).toBe(`http://updraft.test/v1/downloads/d/${share.data.token}`);
    expect(share.data.expiresInMinutes).toBe(60);
    const followed = await request(t.app).get(`/v1/downloads/d/${share.data.token}`).expect(302);
    expect(followed.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
    const shared = await fetchSigned(t.app, followed.headers.location as string);
    expect(shared.status).toBe(200);
    expect(sha256(shared.body)).toBe(sha256(content));
    await t.ctx.database.db
      .updateTable('bindist_share_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const expired = await request(t.app).get(`/v1/downloads/d/${share.data.token}`).expect(410);
    expect(expired.body.error).toMatchObject({ code: 'EXPIRED', message: 'This download link has expired' });

    // 10. Stats (admin) and activity.
    const stats = await admin.get('/applications/my-app/stats');
    expect(stats.statusCode).toBe(200);
    // The Test-channel URL, two download URLs (one by download_file) and the share link followed once.
    expect(stats.data.totalDownloads).toBe(4);
    expect(stats.data.uniqueCustomers).toBe(1);
    expect(stats.data.downloadsByVersion).toEqual({ '1.0.0': 4 });
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.data.downloadsByDate).toEqual({ [today]: 4 });
    expect(stats.data.downloadsByDay).toEqual([{ date: today, count: 4 }]);
    const activity = await admin.listActivity();
    expect(activity.statusCode).toBe(200);
    const types = activity.data.activities.map((a: { type: string }) => a.type);
    expect(types.filter((x: string) => x === 'download')).toHaveLength(4);
    expect(types.filter((x: string) => x === 'upload')).toHaveLength(1);
    const downloads = await admin.listActivity({ activityType: 'download' });
    expect(downloads.data.activities[0]).toMatchObject({
      type: 'download',
      applicationId: 'my-app',
      applicationName: 'My App',
      version: '1.0.0',
      customerId,
      customerName: 'Acme Corp',
      downloadSource: 'share',
      fileName: 'my-app-1.0.0.exe',
    });
    const versions = await client.listVersions('my-app');
    expect(versions.data.versions[0].downloadCount).toBe(4);
  });
});
