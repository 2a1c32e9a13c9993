import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity } from '../../src/core/bindist/activity.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  type AdminClient,
  bootstrapAdmin,
  type CustomerClient,
  newApplication,
  newCustomer,
  publish,
} from '../helpers/bindist.js';

let t: TestApp;
let admin: AdminClient;
let acme: { client: CustomerClient; customerId: string };
let globex: { client: CustomerClient; customerId: string };

beforeAll(async () => {
  t = await createTestApp();
  ({ admin } = await bootstrapAdmin(t.app));
  acme = await newCustomer(admin, 'Acme');
  globex = await newCustomer(admin, 'Globex');
  await newApplication(admin, 'app-one', [acme.customerId, globex.customerId], { name: 'App One' });
  await newApplication(admin, 'app-two', [acme.customerId]);
  await publish(admin, 'app-one', '1.0.0', Buffer.from('one'), { enable: true });
  await publish(admin, 'app-two', '2.0.0', Buffer.from('two'), { enable: true });
  for (let i = 0; i < 3; i++) await acme.client.getDownloadUrl('app-one', '1.0.0');
  await globex.client.getDownloadUrl('app-one', '1.0.0');
  await acme.client.getDownloadUrl('app-two', '2.0.0');
});
afterAll(async () => {
  await t.close();
});

type Item = { type: string; applicationId: string; customerId: string; id: string };
const items = (res: { data: { activities: Item[] } }) => res.data.activities;

describe('GET /v1/activity', () => {
  it('filters by type, singular or plural, and by application and customer', async () => {
    expect(items(await admin.listActivity()).length).toBe(7);
    for (const type of ['download', 'downloads']) {
      const res = await admin.listActivity({ activityType: type });
      expect(items(res).map((a) => a.type)).toEqual(Array(5).fill('download'));
    }
    for (const type of ['upload', 'uploads']) {
      const res = await admin.listActivity({ activityType: type });
      expect(items(res).map((a) => a.type)).toEqual(['upload', 'upload']);
      expect(res.data.activities[0]).toMatchObject({
        uploadMethod: 'direct',
        customerId: 'admin',
        customerName: 'Administrator',
      });
    }
    expect(items(await admin.listActivity({ activityType: 'all', applicationId: 'app-two' })).length).toBe(2);
    const globexOnly = await admin.get('/activity', { customerId: globex.customerId });
    expect(items(globexOnly).map((a) => a.customerId)).toEqual([globex.customerId]);
    const bad = await admin.listActivity({ activityType: 'installs' });
    expect(bad.statusCode).toBe(400);
    expect(bad.error?.message).toMatch(/type/);
  });

  it('pages by cursor through every row exactly once, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await admin.get('/activity', { limit: 2, cursor });
      expect(res.statusCode).toBe(200);
      seen.push(...items(res).map((a) => a.id));
      if (!res.data.pagination.hasMore) break;
      cursor = res.data.pagination.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual(items(await admin.listActivity()).map((a) => a.id));
    expect((await admin.get('/activity', { cursor: 'garbage' })).statusCode).toBe(400);
  });

  it('pages by page and pageSize with meta.pagination', async () => {
    const page2 = await admin.listActivity({ page: 2, pageSize: 3 });
    expect(items(page2)).toHaveLength(3);
    expect(page2.meta?.pagination).toEqual({ page: 2, limit: 3, total: 7, hasNext: true, hasPrevious: true });
    const all = items(await admin.listActivity()).map((a) => a.id);
    expect(items(page2).map((a) => a.id)).toEqual(all.slice(3, 6));
  });

  it('filters by date range', async () => {
    const { db } = t.ctx.database;
    const app = await db
      .selectFrom('apps')
      .select('id')
      .where('name', '=', 'app-two')
      .executeTakeFirstOrThrow();
    const tenantId = admin.apiKey.split('.')[0] as string;
    const at = new Date('2024-03-01T12:00:00Z');
    await recordActivity(db, {
      tenantId,
      type: 'download',
      appId: app.id,
      version: '2.0.0',
      fileId: null,
      fileName: 'old.exe',
      fileSize: 1,
      customerId: acme.customerId,
      method: 'api',
      clientIp: '10.0.0.1',
      userAgent: 'old',
      at,
    });
    const march = await admin.get('/activity', { startDate: '2024-03-01', endDate: '2024-03-02' });
    expect(items(march).map((a) => a.id)).toHaveLength(1);
    expect(march.data.activities[0].timestamp).toBe(at.toISOString());
    expect((await admin.get('/activity', { startDate: 'yesterday' })).statusCode).toBe(400);
    const stats = await admin.get('/applications/app-two/stats');
    expect(stats.data.downloadsByDate['2024-03-01']).toBe(1);
    expect(stats.data.downloadsByDay.at(-1)).toEqual({ date: '2024-03-01', count: 1 });
  });

  it('flags an upload from a new IP address', async () => {
    const { db } = t.ctx.database;
    const tenantId = admin.apiKey.split('.')[0] as string;
    const app = await db
      .selectFrom('apps')
      .select('id')
      .where('name', '=', 'app-one')
      .executeTakeFirstOrThrow();
    const base = {
      tenantId,
      type: 'upload' as const,
      appId: app.id,
      fileId: null,
      fileName: 'x',
      fileSize: 1,
      customerId: 'ci-bot',
      method: 'direct' as const,
      userAgent: null,
    };
    await recordActivity(db, { ...base, version: '9.0.0', clientIp: '10.0.0.1' });
    await recordActivity(db, { ...base, version: '9.0.1', clientIp: '10.0.0.2' });
    const res = await admin.get('/activity', { customerId: 'ci-bot' });
    expect(res.data.activities[0]).toMatchObject({
      version: '9.0.1',
      ipChanged: true,
      previousIp: '10.0.0.1',
    });
    expect(res.data.activities[1]).toMatchObject({ version: '9.0.0', ipChanged: false });
  });
});

describe('stats', () => {
  it('counts downloads by version and day, optionally for one version', async () => {
    const stats = await admin.get('/applications/app-one/stats');
    expect(stats.data).toMatchObject({
      applicationId: 'app-one',
      totalDownloads: 4,
      uniqueCustomers: 2,
      downloadsByVersion: { '1.0.0': 4 },
    });
    expect(stats.data.recentDownloads).toHaveLength(4);
    const none = await admin.get('/applications/app-one/stats', { version: '0.0.1' });
    expect(none.data).toMatchObject({ version: '0.0.1', totalDownloads: 0, downloadsByDay: [] });
  });
});

describe('GET /v1/audit', () => {
  it('lists administrative actions newest first, filtered and paged by lastEventId', async () => {
    await admin.updateCustomer(globex.customerId, { isActive: false });
    await admin.updateCustomer(globex.customerId, { isActive: true, notes: 'back' });
    const res = await admin.get('/audit');
    expect(res.statusCode).toBe(200);
    const types = res.data.events.map((e: { eventType: string }) => e.eventType);
    expect(types.slice(0, 2)).toEqual(['CUSTOMER_ENABLED', 'CUSTOMER_DISABLED']);
    expect(types).toContain('CUSTOMER_CREATED');
    expect(types).toContain('ADMIN_KEY_REGENERATED');
    expect(res.data.events[0]).toMatchObject({
      actor: 'user:admin',
      outcome: 'SUCCESS',
      details: { customerId: globex.customerId },
    });
    const created = await admin.get('/audit', { eventType: 'customer_created' });
    expect(created.data.events).toHaveLength(2);
    const first = await admin.get('/audit', { limit: 1 });
    expect(first.data.pagination.hasMore).toBe(true);
    const next = await admin.get('/audit', { limit: 1, lastEventId: first.data.pagination.lastEventId });
    expect(next.data.events[0].eventId).toBe(res.data.events[1].eventId);
    expect((await admin.get('/audit', { lastEventId: 'ffffffffffffffffffffffff' })).statusCode).toBe(400);
  });
});
