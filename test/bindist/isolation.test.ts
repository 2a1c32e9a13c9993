import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  type AdminClient,
  type ApiResponse,
  bootstrapAdmin,
  type CustomerClient,
  linkCustomers,
  newApplication,
  newCustomer,
  publish,
} from '../helpers/bindist.js';

let t: TestApp;
let adminA: AdminClient;
let adminB: AdminClient;
let acme: { client: CustomerClient; customerId: string };
let globex: { client: CustomerClient; customerId: string };
let otherTenant: { client: CustomerClient; customerId: string };

beforeAll(async () => {
  t = await createTestApp();
  ({ admin: adminA } = await bootstrapAdmin(t.app));
  ({ admin: adminB } = await bootstrapAdmin(t.app));
  acme = await newCustomer(adminA, 'Acme');
  globex = await newCustomer(adminA, 'Globex');
  otherTenant = await newCustomer(adminB, 'Initech');
  await newApplication(adminA, 'shared', [acme.customerId, globex.customerId]);
  await newApplication(adminA, 'acme-only', [acme.customerId]);
  // Tenant B has an app of the same id, linked to its own customer.
  await newApplication(adminB, 'acme-only', [otherTenant.customerId]);
  await publish(adminA, 'shared', '1.0.0', Buffer.from('shared'), { enable: true });
  await publish(adminA, 'acme-only', '1.0.0', Buffer.from('acme secret build'), { enable: true });
  await publish(adminB, 'acme-only', '1.0.0', Buffer.from('tenant b build'), { enable: true });
});
afterAll(async () => {
  await t.close();
});

/** Every customer read of one application, as a not-entitled caller would try it. */
async function everyRead(client: CustomerClient, applicationId: string): Promise<ApiResponse[]> {
  return [
    await client.getApplication(applicationId),
    await client.listVersions(applicationId, { testChannel: true }),
    await client.listVersionFiles(applicationId, '1.0.0'),
    await client.getDownloadUrl(applicationId, '1.0.0', { testChannel: true }),
    await client.createShareLink(applicationId, '1.0.0'),
    await client.getStats(applicationId),
  ];
}

describe('entitlements', () => {
  it('hides an application the customer is not linked to: 404 everywhere, never 403', async () => {
    for (const res of await everyRead(globex.client, 'acme-only')) {
      expect(res.statusCode, JSON.stringify(res.raw)).toBe(404);
      expect(res.error?.code).toBe('NOT_FOUND');
    }
    const listed = await globex.client.listApplications();
    expect(listed.data.applications.map((a: { applicationId: string }) => a.applicationId)).toEqual([
      'shared',
    ]);
    expect(listed.meta?.pagination?.total).toBe(1);
    expect((await globex.client.listApplications({ search: 'acme' })).data.applications).toEqual([]);
  });

  it('gives the linked customer its application, and takes it away on unlink', async () => {
    const url = await acme.client.getDownloadUrl('acme-only', '1.0.0');
    expect(url.statusCode).toBe(200);
    await linkCustomers(adminA, 'acme-only', [globex.customerId]);
    expect((await globex.client.getDownloadUrl('acme-only', '1.0.0')).statusCode).toBe(200);
    await linkCustomers(adminA, 'acme-only', [], [globex.customerId]);
    expect((await globex.client.getDownloadUrl('acme-only', '1.0.0')).statusCode).toBe(404);
  });

  it('limits a customer’s stats to its own downloads', async () => {
    await acme.client.getDownloadUrl('shared', '1.0.0');
    await globex.client.getDownloadUrl('shared', '1.0.0');
    await globex.client.getDownloadUrl('shared', '1.0.0');
    const own = await globex.client.getStats('shared');
    expect(own.data.totalDownloads).toBe(2);
    expect(own.data.uniqueCustomers).toBe(1);
    expect(
      own.data.recentDownloads.every((d: { customerId: string }) => d.customerId === globex.customerId),
    ).toBe(true);
    const all = await adminA.get('/applications/shared/stats');
    expect(all.data.totalDownloads).toBe(3);
    expect(all.data.uniqueCustomers).toBe(2);
  });
});

describe('tenants', () => {
  it('never shows a customer another tenant’s application of the same id', async () => {
    const mine = await otherTenant.client.downloadFile('acme-only', '1.0.0');
    expect(mine[0].toString()).toBe('tenant b build');
    const theirs = await acme.client.downloadFile('acme-only', '1.0.0');
    expect(theirs[0].toString()).toBe('acme secret build');
    for (const res of await everyRead(otherTenant.client, 'shared')) expect(res.statusCode).toBe(404);
  });

  it('keeps admins to their own tenant: applications, customers, links, activity and audit', async () => {
    expect((await adminB.get('/applications/shared')).statusCode).toBe(404);
    expect((await adminB.get('/applications/shared/stats')).statusCode).toBe(404);
    const link = await adminB.put('/management/applications/acme-only/customers', {
      addCustomerIds: [acme.customerId],
    });
    expect(link.statusCode).toBe(400);
    expect((await acme.client.listApplications()).data.applications).toHaveLength(2);
    expect((await adminB.get(`/management/customers/${acme.customerId}`)).statusCode).toBe(404);
    const customers = (await adminB.listCustomers()).data.customers.map(
      (c: { customerId: string }) => c.customerId,
    );
    expect(customers).toEqual([otherTenant.customerId]);
    const activity = await adminB.listActivity();
    expect(
      activity.data.activities.every((a: { customerId: string }) => a.customerId !== acme.customerId),
    ).toBe(true);
    const audit = await adminB.get('/audit');
    expect(JSON.stringify(audit.data.events)).not.toContain(acme.customerId);
  });

  it('keeps a tenant’s customer keys out of the other tenant even with the other tenant’s id in front', async () => {
    const secret = (await adminB.createCustomer('Spy')).data.apiKey.split('.')[1];
    const tenantA = adminA.apiKey.split('.')[0];
    const res = await request(t.app)
      .get('/v1/applications')
      .set('Authorization', `Bearer ${tenantA}.${secret}`);
    expect(res.status).toBe(401);
  });
});
