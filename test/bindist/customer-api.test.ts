import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  type AdminClient,
  bootstrapAdmin,
  CustomerClient,
  fetchSigned,
  newApplication,
  newCustomer,
  publish,
  sha256,
} from '../helpers/bindist.js';

let t: TestApp;
let admin: AdminClient;
let client: CustomerClient;
let customerId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin } = await bootstrapAdmin(t.app));
  ({ client, customerId } = await newCustomer(admin, 'Acme', { tier: 'Basic' }));
  await newApplication(admin, 'alpha-tool', [customerId], {
    name: 'Alpha Tool',
    description: 'Disk imaging',
    tags: ['windows', 'cli'],
  });
  await newApplication(admin, 'beta-suite', [customerId], {
    name: 'Beta Suite',
    description: 'Office things',
    tags: ['macos'],
  });
  await newApplication(admin, 'gamma', [customerId], {
    name: 'Gamma',
    description: 'Editor',
    tags: ['linux', 'cli'],
  });
  for (const v of ['1.2.0', '1.10.0', '1.9.0'])
    await publish(admin, 'alpha-tool', v, Buffer.from(`alpha ${v}`), {
      enable: true,
      releaseNotes: `notes for ${v}`,
    });
});
afterAll(async () => {
  await t.close();
});

const ids = (res: { data: { applications: { applicationId: string }[] } }) =>
  res.data.applications.map((a) => a.applicationId);

describe('GET /v1/applications', () => {
  it('lists the entitled applications by name with page metadata', async () => {
    const res = await client.listApplications();
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual(['alpha-tool', 'beta-suite', 'gamma']);
    expect(res.data.isAdmin).toBe(false);
    expect(res.data.applications[0]).toEqual({
      applicationId: 'alpha-tool',
      name: 'Alpha Tool',
      description: 'Disk imaging',
      isActive: true,
      tags: ['windows', 'cli'],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.meta?.pagination).toEqual({
      page: 1,
      limit: 20,
      total: 3,
      hasNext: false,
      hasPrevious: false,
    });
  });

  it('filters by search (name or description, any case) and by tags (any of them)', async () => {
    expect(ids(await client.listApplications({ search: 'OFFICE' }))).toEqual(['beta-suite']);
    expect(ids(await client.listApplications({ search: 'gam' }))).toEqual(['gamma']);
    expect(ids(await client.listApplications({ search: '%' }))).toEqual([]);
    expect(ids(await client.listApplications({ tags: ['cli'] }))).toEqual(['alpha-tool', 'gamma']);
    expect(ids(await client.listApplications({ tags: ['macos', 'linux'] }))).toEqual(['beta-suite', 'gamma']);
  });

  it('pages with pageSize (the SDKs) or limit (the server), and sorts', async () => {
    const second = await client.listApplications({ page: 2, pageSize: 2 });
    expect(ids(second)).toEqual(['gamma']);
    expect(second.meta?.pagination).toEqual({
      page: 2,
      limit: 2,
      total: 3,
      hasNext: false,
      hasPrevious: true,
    });
    const limited = await client.get('/applications', { page: 1, limit: 1 });
    expect(ids(limited)).toEqual(['alpha-tool']);
    expect(limited.meta?.pagination).toMatchObject({ hasNext: true, limit: 1 });
    expect(ids(await client.get('/applications', { sortBy: 'name', sortOrder: 'desc' }))).toEqual([
      'gamma',
      'beta-suite',
      'alpha-tool',
    ]);
    expect(ids(await client.get('/applications', { sortBy: 'createdAt', sortOrder: 'asc' }))).toEqual([
      'alpha-tool',
      'beta-suite',
      'gamma',
    ]);
  });

  it('refuses bad paging and sorting with 400 BAD_REQUEST', async () => {
    for (const params of [
      { page: 0 },
      { pageSize: 101 },
      { limit: 'ten' },
      { sortBy: 'size' },
      { sortOrder: 'up' },
      { isActive: 'maybe' },
    ]) {
      const res = await client.get('/applications', params);
      expect(res.statusCode, JSON.stringify(params)).toBe(400);
      expect(res.error?.code).toBe('BAD_REQUEST');
      expect(res.error?.message).toMatch(/^Validation failed: /);
    }
  });

  it('shows the admin every application with its customers', async () => {
    const res = await admin.get('/applications');
    expect(res.data.isAdmin).toBe(true);
    expect(res.data.applications[0].customers).toEqual([{ customerId, name: 'Acme' }]);
  });
});

describe('versions and files', () => {
  it('lists versions newest first, numeric-aware (1.10 above 1.9), with BinDist fields', async () => {
    const res = await client.listVersions('alpha-tool');
    expect(res.data.versions.map((v: { version: string }) => v.version)).toEqual([
      '1.10.0',
      '1.9.0',
      '1.2.0',
    ]);
    const content = Buffer.from('alpha 1.10.0');
    expect(res.data.versions[0]).toMatchObject({
      versionId: 'alpha-tool-1.10.0',
      applicationId: 'alpha-tool',
      isActive: true,
      isEnabled: true,
      fileSize: content.length,
      checksum: sha256(content),
      downloadCount: 0,
    });
    for (const field of ['createdAt', 'updatedAt'])
      expect(Date.parse(res.data.versions[0][field])).not.toBeNaN();
  });

  it('filters versions by release notes', async () => {
    const res = await client.listVersions('alpha-tool', { changelog: 'FOR 1.9' });
    expect(res.data.versions.map((v: { version: string }) => v.version)).toEqual(['1.9.0']);
  });

  it('hides inactive versions everywhere (list, files, download)', async () => {
    await publish(admin, 'gamma', '2.0.0', Buffer.from('gamma 2'), { enable: true });
    expect((await admin.updateVersion('gamma', '2.0.0', { isActive: false })).statusCode).toBe(200);
    expect((await client.listVersions('gamma', { testChannel: true })).data.versions).toEqual([]);
    expect((await client.listVersionFiles('gamma', '2.0.0')).statusCode).toBe(404);
    expect((await client.getDownloadUrl('gamma', '2.0.0', { testChannel: true })).statusCode).toBe(404);
    expect((await client.createShareLink('gamma', '2.0.0')).statusCode).toBe(404);
  });

  it('reads X-Channel case-insensitively; any other channel is production', async () => {
    await publish(admin, 'beta-suite', '0.1.0', Buffer.from('beta'));
    const lower = await client.get('/applications/beta-suite/versions', undefined, { 'X-Channel': 'test' });
    expect(lower.data.versions).toHaveLength(1);
    const other = await client.get('/applications/beta-suite/versions', undefined, { 'X-Channel': 'Beta' });
    expect(other.data.versions).toHaveLength(0);
    // The files list does not check isEnabled (as BinDist).
    expect((await client.listVersionFiles('beta-suite', '0.1.0')).data.files).toHaveLength(1);
  });
});

describe('GET /v1/downloads/url', () => {
  it('returns a 30-minute URL, by file id too, and validates its query', async () => {
    const files = await client.listVersionFiles('alpha-tool', '1.9.0');
    const fileId = files.data.files[0].fileId as string;
    const res = await client.getDownloadUrl('alpha-tool', '1.9.0', { fileId });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({
      fileId,
      fileName: 'alpha-tool-1.9.0.exe',
      checksum: sha256(Buffer.from('alpha 1.9.0')),
      checksumAlgorithm: 'sha256',
    });
    expect(res.data.downloadId).toMatch(/^[0-9a-f]{24}$/);
    const fetched = await fetchSigned(t.app, res.data.url);
    expect(fetched.body.toString()).toBe('alpha 1.9.0');
    expect((await client.getDownloadUrl('alpha-tool', '1.9.0', { fileId: 'nope' })).statusCode).toBe(404);
    expect((await client.getDownloadUrl('alpha-tool', '9.9.9')).statusCode).toBe(404);
    const missing = await client.get('/downloads/url', { version: '1.9.0' });
    expect(missing.statusCode).toBe(400);
    expect(missing.error?.message).toMatch(/applicationId/);
    expect(
      (await client.get('/downloads/url', { applicationId: 'alpha-tool', version: '../x' })).statusCode,
    ).toBe(400);
  });
});

describe('tiers', () => {
  it('refuses a customer below a version’s minimum tier with 403 "This version requires X tier access"', async () => {
    await publish(admin, 'gamma', '3.0.0', Buffer.from('gamma 3'), { enable: true });
    await t.ctx.database.db
      .updateTable('versions')
      .set({ min_tier: 'Premium' })
      .where('version', '=', '3.0.0')
      .execute();
    const refused = await client.getDownloadUrl('gamma', '3.0.0');
    expect(refused.statusCode).toBe(403);
    expect(refused.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'This version requires Premium tier access',
    });
    expect((await client.createShareLink('gamma', '3.0.0')).statusCode).toBe(403);
    const premium = await newCustomer(admin, 'Premium Co', { tier: 'premium' });
    await admin.put('/management/applications/gamma/customers', { addCustomerIds: [premium.customerId] });
    expect((await premium.client.getDownloadUrl('gamma', '3.0.0')).statusCode).toBe(200);
    expect((await admin.get(`/management/customers/${premium.customerId}`)).data.tier).toBe('Premium');
    expect((await new CustomerClient(t.app, admin.apiKey).getDownloadUrl('gamma', '3.0.0')).statusCode).toBe(
      200,
    );
    expect((await admin.createCustomer('Bad', { tier: 'Gold' })).statusCode).toBe(400);
  });
});

describe('share links', () => {
  it('accepts expiresInMinutes (docs) and expiresMinutes (SDKs), 5 to 1440, default 30', async () => {
    const docs = await client.post('/downloads/share', {
      applicationId: 'alpha-tool',
      version: '1.2.0',
      expiresInMinutes: 5,
    });
    expect(docs.data.expiresInMinutes).toBe(5);
    const dflt = await client.post('/downloads/share', { applicationId: 'alpha-tool', version: '1.2.0' });
    expect(dflt.data.expiresInMinutes).toBe(30);
    const max = await client.createShareLink('alpha-tool', '1.2.0', { expiresMinutes: 1440 });
    expect(Date.parse(max.data.expiresAt) - Date.now()).toBeGreaterThan(1439 * 60_000);
    for (const minutes of [4, 1441, 2.5]) {
      const res = await client.createShareLink('alpha-tool', '1.2.0', { expiresMinutes: minutes });
      expect(res.statusCode, String(minutes)).toBe(400);
      expect(res.error?.message).toMatch(/expiresMinutes/);
    }
    const both = await client.post('/downloads/share', {
      applicationId: 'alpha-tool',
      version: '1.2.0',
      expiresMinutes: 10,
      expiresInMinutes: 20,
    });
    expect(both.statusCode).toBe(400);
  });

  it('serves /downloads/d/{token} and /downloads/share/{token} without credentials; unknown → 404; only the hash is stored', async () => {
    const share = await client.createShareLink('alpha-tool', '1.2.0');
    const token = share.data.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    for (const path of [`/v1/downloads/d/${token}`, `/v1/downloads/share/${token}`]) {
      const res = await request(t.app).get(path).expect(302);
      expect((await fetchSigned(t.app, res.headers.location as string)).body.toString()).toBe('alpha 1.2.0');
    }
    const unknown = await request(t.app).get('/v1/downloads/d/AAAAAAAAAAAAAAAA').expect(404);
    expect(unknown.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Invalid or expired download link',
    });
    await request(t.app).get('/v1/downloads/share/not%20a%20token').expect(404);
    const rows = await t.ctx.database.db.selectFrom('bindist_share_links').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('stops working once the application is deleted', async () => {
    await newApplication(admin, 'doomed', [customerId]);
    await publish(admin, 'doomed', '1.0.0', Buffer.from('doomed'), { enable: true });
    const share = await client.createShareLink('doomed', '1.0.0');
    await request(t.app).get(`/v1/downloads/d/${share.data.token}`).expect(302);
    expect((await admin.deleteApplication('doomed')).statusCode).toBe(200);
    await request(t.app).get(`/v1/downloads/d/${share.data.token}`).expect(404);
    expect((await client.getApplication('doomed')).statusCode).toBe(404);
    expect(ids(await client.listApplications())).not.toContain('doomed');
  });
});

describe('time fields', () => {
  it('never sends "" for a time field', async () => {
    const bodies = [
      await client.listApplications(),
      await client.listVersions('alpha-tool'),
      await admin.listCustomers(),
      await admin.listActivity(),
      await admin.get('/audit'),
    ];
    const text = JSON.stringify(bodies.map((b) => b.raw));
    expect(text).not.toMatch(/"(?:\w+At|timestamp)":""/);
  });
});
