import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/auth.js';
import {
  type AdminClient,
  bootstrapAdmin,
  type CustomerClient,
  newApplication,
  newCustomer,
  publish,
} from '../helpers/bindist.js';

/** Application management and the version PATCH of the /v1 face, over HTTP with real keys. */
describe('BinDist management: applications and versions', () => {
  let t: TestApp;
  let admin: AdminClient;
  let tenantId: string;
  let customer: { customerId: string; apiKey: string; client: CustomerClient };
  let other: AdminClient;

  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, tenantId } = await bootstrapAdmin(t.app));
    ({ admin: other } = await bootstrapAdmin(t.app));
    customer = await newCustomer(admin, 'Acme Corp');
  });

  afterAll(async () => {
    await t?.close();
  });

  const auditTypes = async (applicationId: string) => {
    const rows = await t.ctx.database.db
      .selectFrom('bindist_audit_events')
      .select(['event_type', 'details'])
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.filter((r) => r.details.applicationId === applicationId).map((r) => r.event_type);
  };

  describe('create', () => {
    it('answers 201 with the application, links the customers given, and audits it', async () => {
      const res = await admin.createApplication('desk-app', 'Desk App', [customer.customerId], {
        description: 'A desk application',
        tags: ['windows', 'utility'],
      });
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(201);
      expect(res.success).toBe(true);
      expect(res.data).toMatchObject({
        applicationId: 'desk-app',
        name: 'Desk App',
        description: 'A desk application',
        tags: ['windows', 'utility'],
        isActive: true,
        customerIds: [customer.customerId],
      });
      expect(Date.parse(res.data.createdAt)).not.toBeNaN();
      expect(res.meta?.requestId).toBeTruthy();
      const seen = await customer.client.getApplication('desk-app');
      expect(seen.statusCode).toBe(200);
      expect(seen.data.name).toBe('Desk App');
      expect(await auditTypes('desk-app')).toEqual(['APPLICATION_CREATED']);
    });

    it('writes nothing when its audit row cannot be written: the change and the audit are one transaction', async () => {
      const { db } = t.ctx.database;
      // The audit table refuses this tenant's rows (NOT VALID: the rows already there stay).
      await sql
        .raw(
          `ALTER TABLE bindist_audit_events ADD CONSTRAINT refuse_audit CHECK (tenant_id <> '${tenantId}') NOT VALID`,
        )
        .execute(db);
      try {
        expect(
          (await admin.createApplication('unaudited', 'Unaudited', [customer.customerId])).statusCode,
        ).toBe(500);
        expect((await admin.deleteApplication('desk-app')).statusCode).toBe(500);
      } finally {
        await sql.raw('ALTER TABLE bindist_audit_events DROP CONSTRAINT refuse_audit').execute(db);
      }
      expect((await admin.get('/applications/unaudited')).statusCode).toBe(404);
      expect((await customer.client.getApplication('desk-app')).statusCode).toBe(200);
      expect(await auditTypes('unaudited')).toEqual([]);
    });

    it('refuses an id that is taken: 409 CONFLICT', async () => {
      await newApplication(admin, 'taken-app');
      const res = await admin.createApplication('taken-app', 'Again', []);
      expect(res.statusCode).toBe(409);
      expect(res.error?.code).toBe('CONFLICT');
      expect(res.error?.message).toMatch(/never reused/);
    });

    it('the same id in another tenant is another application', async () => {
      await newApplication(admin, 'shared-name');
      const res = await other.createApplication('shared-name', 'Theirs', []);
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(201);
    });

    it.each([
      [{ name: 'No id' }, /applicationId.*required/],
      [{ applicationId: 'my app', name: 'Spaces' }, /applicationId/],
      [{ applicationId: '-leading', name: 'Dash' }, /applicationId/],
      [{ applicationId: 'a'.repeat(101), name: 'Long' }, /applicationId/],
      [{ applicationId: 42, name: 'Number' }, /applicationId/],
      [{ applicationId: 'no-name' }, /name.*required/],
      [{ applicationId: 'bad-tags', name: 'Tags', tags: 'windows' }, /tags/],
      [
        { applicationId: 'many-tags', name: 'Tags', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        /tags/,
      ],
      [{ applicationId: 'long-desc', name: 'Desc', description: 'x'.repeat(2001) }, /description/],
      [{ applicationId: 'bad-customers', name: 'C', customerIds: 'abc' }, /customerIds/],
    ])('refuses %j with 400 BAD_REQUEST', async (body, message) => {
      const res = await admin.post('/management/applications', body);
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(400);
      expect(res.error?.code).toBe('BAD_REQUEST');
      expect(res.error?.message).toMatch(message);
    });

    it("refuses unknown customers (and another tenant's) without creating the app", async () => {
      const theirs = await newCustomer(other, 'Their customer');
      for (const ids of [['no-such-customer'], [theirs.customerId]]) {
        const res = await admin.createApplication('linked-wrong', 'Linked', ids);
        expect(res.statusCode).toBe(400);
        expect(res.error?.message).toMatch(/customer not found/);
      }
      const created = await admin.createApplication('linked-wrong', 'Linked', []);
      expect(created.statusCode).toBe(201);
    });

    it("accepts a mixed-case id, as BinDist's server does", async () => {
      const res = await admin.createApplication('My_App2', 'Mixed', []);
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(201);
      expect(res.data.applicationId).toBe('My_App2');
    });
  });

  describe('delete', () => {
    it('soft-deletes: hidden afterwards, deleting again is 400, and the id is never reused (409)', async () => {
      await newApplication(admin, 'doomed', [customer.customerId]);
      const res = await admin.deleteApplication('doomed');
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(200);
      expect(res.data).toMatchObject({
        message: 'Application deleted successfully',
        applicationId: 'doomed',
      });
      expect(Date.parse(res.data.deletedAt)).not.toBeNaN();

      expect((await customer.client.getApplication('doomed')).statusCode).toBe(404);
      expect((await admin.get('/applications/doomed')).statusCode).toBe(404);
      const list = await admin.get('/applications', { pageSize: 100 });
      expect(list.data.applications.map((a: { applicationId: string }) => a.applicationId)).not.toContain(
        'doomed',
      );

      const again = await admin.deleteApplication('doomed');
      expect(again.statusCode).toBe(400);
      expect(again.error?.code).toBe('BAD_REQUEST');
      const reuse = await admin.createApplication('doomed', 'Reborn', []);
      expect(reuse.statusCode).toBe(409);
      expect(await auditTypes('doomed')).toEqual(['APPLICATION_CREATED', 'APPLICATION_DELETED']);
    });

    it('an unknown application is 404 NOT_FOUND', async () => {
      const res = await admin.deleteApplication('never-made');
      expect(res.statusCode).toBe(404);
      expect(res.error?.code).toBe('NOT_FOUND');
    });

    it('keeps the files: the version rows and stored objects stay after a delete', async () => {
      await newApplication(admin, 'kept');
      await publish(admin, 'kept', '1.0.0', randomBytes(500));
      const keys = await t.ctx.database.db
        .selectFrom('artifacts as a')
        .innerJoin('versions as v', 'v.id', 'a.version_id')
        .innerJoin('apps as p', 'p.id', 'v.app_id')
        .select('a.storage_key')
        .where('p.tenant_id', '=', tenantId)
        .where('p.name', '=', 'kept')
        .execute();
      expect(keys).toHaveLength(1);
      expect((await admin.deleteApplication('kept')).statusCode).toBe(200);
      expect(await t.ctx.store.head(keys[0]?.storage_key ?? '', 'private')).toBeDefined();
    });
  });

  describe('update', () => {
    it('changes name, description and tags; the id stays', async () => {
      await newApplication(admin, 'renamed', [], { tags: ['old'] });
      const res = await admin.patch('/management/applications/renamed', {
        name: 'Renamed App',
        description: 'now described',
        tags: ['new', 'tags'],
      });
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(200);
      expect(res.data).toMatchObject({
        applicationId: 'renamed',
        name: 'Renamed App',
        description: 'now described',
        tags: ['new', 'tags'],
      });
      const empty = await admin.patch('/management/applications/renamed', {});
      expect(empty.statusCode).toBe(400);
      const blank = await admin.patch('/management/applications/renamed', { name: '   ' });
      expect(blank.statusCode).toBe(400);
    });
  });

  describe('customers of an application', () => {
    it('links and unlinks customers; the customer sees exactly what it is linked to', async () => {
      await newApplication(admin, 'linkable');
      const second = await newCustomer(admin, 'Second');
      expect((await customer.client.getApplication('linkable')).statusCode).toBe(404);

      const link = await admin.post('/management/applications/linkable/customers', undefined);
      expect(link.statusCode).toBe(404);
      const res = await request(t.app)
        .put('/v1/management/applications/linkable/customers')
        .set(bearer(admin.apiKey))
        .send({ addCustomerIds: [customer.customerId, second.customerId] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data.added.sort()).toEqual([customer.customerId, second.customerId].sort());
      expect((await customer.client.getApplication('linkable')).statusCode).toBe(200);

      const unlink = await request(t.app)
        .put('/v1/management/applications/linkable/customers')
        .set(bearer(admin.apiKey))
        .send({ removeCustomerIds: [customer.customerId] });
      expect(unlink.status).toBe(200);
      expect(unlink.body.data).toMatchObject({
        removed: [customer.customerId],
        customerIds: [second.customerId],
      });
      expect((await customer.client.getApplication('linkable')).statusCode).toBe(404);
      expect((await second.client.getApplication('linkable')).statusCode).toBe(200);
      expect(await auditTypes('linkable')).toEqual([
        'APPLICATION_CREATED',
        'CUSTOMER_APP_LINKED',
        'CUSTOMER_APP_LINKED',
        'CUSTOMER_APP_UNLINKED',
      ]);

      for (const body of [
        {},
        { addCustomerIds: ['x'], removeCustomerIds: ['x'] },
        { addCustomerIds: ['nobody'] },
      ]) {
        const bad = await request(t.app)
          .put('/v1/management/applications/linkable/customers')
          .set(bearer(admin.apiKey))
          .send(body);
        expect(bad.status, JSON.stringify(body)).toBe(400);
        expect(bad.body.error.code).toBe('BAD_REQUEST');
      }
    });
  });

  describe('version PATCH', () => {
    beforeAll(async () => {
      await newApplication(admin, 'versioned', [customer.customerId]);
      await publish(admin, 'versioned', '1.0.0', randomBytes(1000), { releaseNotes: 'first' });
    });

    it('isEnabled publishes: the customer sees the version without the Test channel', async () => {
      const before = await customer.client.listVersions('versioned');
      expect(before.data.versions).toEqual([]);
      const res = await admin.updateVersion('versioned', '1.0.0', { isEnabled: true });
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(200);
      expect(res.data).toMatchObject({
        applicationId: 'versioned',
        version: '1.0.0',
        isEnabled: true,
        isActive: true,
        releaseNotes: 'first',
      });
      expect(Date.parse(res.data.updatedAt)).not.toBeNaN();
      const after = await customer.client.listVersions('versioned');
      expect(after.data.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);
    });

    it('isActive=false hides it everywhere, even on the Test channel; releaseNotes "" clears them', async () => {
      const res = await admin.updateVersion('versioned', '1.0.0', { isActive: false, releaseNotes: '' });
      expect(res.statusCode).toBe(200);
      expect(res.data).toMatchObject({ isActive: false, releaseNotes: null });
      const listed = await customer.client.listVersions('versioned', { testChannel: true });
      expect(listed.data.versions).toEqual([]);
      const back = await admin.patch('/applications/versioned/versions/1.0.0', {
        isActive: 'true',
        releaseNotes: 'back',
        minimumClientVersion: '0.9',
      });
      expect(back.statusCode).toBe(200);
      expect(back.data).toMatchObject({ isActive: true, releaseNotes: 'back' });
    });

    it("requiredTier gates customers below it (403 with BinDist's message) and null removes it", async () => {
      const res = await admin.patch('/applications/versioned/versions/1.0.0', { requiredTier: 'premium' });
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(200);
      expect(res.data.requiredTier).toBe('Premium');
      const denied = await customer.client.getDownloadUrl('versioned', '1.0.0');
      expect(denied.statusCode).toBe(403);
      expect(denied.error?.message).toBe('This version requires Premium tier access');
      const cleared = await admin.patch('/applications/versioned/versions/1.0.0', { requiredTier: null });
      expect(cleared.data.requiredTier).toBeNull();
      expect((await customer.client.getDownloadUrl('versioned', '1.0.0')).statusCode).toBe(200);
    });

    it('is also served under /management', async () => {
      const res = await admin.patch('/management/applications/versioned/versions/1.0.0', {
        isEnabled: false,
      });
      expect(res.statusCode).toBe(200);
      expect(res.data.isEnabled).toBe(false);
    });

    it.each([
      [{}, /at least one/],
      [{ isEnabled: 'yes' }, /isEnabled/],
      [{ isActive: 3 }, /isActive/],
      [{ releaseNotes: 42 }, /releaseNotes/],
      [{ releaseNotes: 'x'.repeat(5001) }, /releaseNotes/],
      [{ requiredTier: 'Gold' }, /requiredTier/],
    ])('refuses %j with 400', async (body, message) => {
      const res = await admin.patch('/applications/versioned/versions/1.0.0', body);
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(400);
      expect(res.error?.code).toBe('BAD_REQUEST');
      expect(res.error?.message).toMatch(message);
    });

    it('refuses a JSON body that is not an object', async () => {
      const res = await request(t.app)
        .patch('/v1/applications/versioned/versions/1.0.0')
        .set(bearer(admin.apiKey))
        .set('Content-Type', 'application/json')
        .send('[true]');
      expect(res.status).toBe(400);
      expect(res.body.success).toBe(false);
    });

    it('an unknown version or application is 404', async () => {
      expect((await admin.updateVersion('versioned', '9.9.9', { isEnabled: true })).statusCode).toBe(404);
      expect((await admin.updateVersion('nope', '1.0.0', { isEnabled: true })).statusCode).toBe(404);
    });
  });

  describe('isolation', () => {
    it('a customer key gets 403 FORBIDDEN on every management route', async () => {
      await newApplication(admin, 'guarded', [customer.customerId]);
      await publish(admin, 'guarded', '1.0.0', randomBytes(100));
      const c = customer.client;
      const calls = [
        () => c.post('/management/applications', { applicationId: 'mine', name: 'Mine' }),
        () => c.patch('/management/applications/guarded', { name: 'Mine' }),
        () => c.delete('/management/applications/guarded'),
        () => c.patch('/applications/guarded/versions/1.0.0', { isEnabled: true }),
        () => c.patch('/management/applications/guarded/versions/1.0.0', { isEnabled: true }),
        () => c.post('/management/upload', { applicationId: 'guarded', version: '2.0.0' }),
        () => c.post('/management/upload/large-url', { applicationId: 'guarded', version: '2.0.0' }),
        () => c.post('/management/upload/large-complete', { uploadId: 'x' }),
      ];
      for (const call of calls) {
        const res = await call();
        expect(res.statusCode, JSON.stringify(res.raw)).toBe(403);
        expect(res.error).toMatchObject({ code: 'FORBIDDEN', message: 'Admin access required' });
      }
      const link = await request(t.app)
        .put('/v1/management/applications/guarded/customers')
        .set(bearer(customer.apiKey))
        .send({ addCustomerIds: [customer.customerId] });
      expect(link.status).toBe(403);
      expect((await admin.get('/applications/guarded')).statusCode).toBe(200);
      expect((await c.listVersions('guarded', { testChannel: true })).data.versions[0].isEnabled).toBe(false);
    });

    it("another tenant's application is 404 to every management route", async () => {
      await newApplication(admin, 'private-to-us');
      await publish(admin, 'private-to-us', '1.0.0', randomBytes(100));
      const calls = [
        () => other.patch('/management/applications/private-to-us', { name: 'Stolen' }),
        () => other.deleteApplication('private-to-us'),
        () => other.updateVersion('private-to-us', '1.0.0', { isEnabled: true }),
        () => other.uploadSmallFile('private-to-us', '2.0.0', 'x.exe', randomBytes(10)),
        () =>
          other.post('/management/upload/large-url', {
            applicationId: 'private-to-us',
            version: '2.0.0',
            fileName: 'x.exe',
            fileSize: 10,
          }),
      ];
      for (const call of calls) {
        const res = await call();
        expect(res.statusCode, JSON.stringify(res.raw)).toBe(404);
        expect(res.error?.code).toBe('NOT_FOUND');
      }
      const still = await admin.get('/applications/private-to-us');
      expect(still.data.name).toBe('private-to-us');
      const versions = await admin.get('/applications/private-to-us/versions', {}, { 'X-Channel': 'Test' });
      expect(
        versions.data.versions.map((v: { version: string; isEnabled: boolean }) => [v.version, v.isEnabled]),
      ).toEqual([['1.0.0', false]]);
    });

    it('no key or a wrong key is 401 with the envelope and a top-level message', async () => {
      const none = await request(t.app)
        .post('/v1/management/applications')
        .send({ applicationId: 'x', name: 'x' });
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
      expect(typeof none.body.message).toBe('string');
      const wrong = await request(t.app)
        .delete('/v1/management/applications/desk-app')
        .set(bearer(`${tenantId}.${'x'.repeat(43)}`));
      expect(wrong.status).toBe(401);
    });
  });
});
