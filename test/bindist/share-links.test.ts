import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  type AdminClient,
  bootstrapAdmin,
  type CustomerClient,
  linkCustomers,
  newApplication,
  newCustomer,
  publish,
} from '../helpers/bindist.js';

let t: TestApp;
let admin: AdminClient;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin } = await bootstrapAdmin(t.app));
  await newApplication(admin, 'shared-tool');
  await publish(admin, 'shared-tool', '1.0.0', Buffer.from('shared tool'), { enable: true });
});

afterAll(async () => {
  await t.close();
});

async function entitledCustomer(name: string): Promise<{ customerId: string; client: CustomerClient }> {
  const customer = await newCustomer(admin, name);
  await linkCustomers(admin, 'shared-tool', [customer.customerId]);
  return customer;
}

async function shareLink(client: CustomerClient): Promise<string> {
  const res = await client.createShareLink('shared-tool', '1.0.0');
  expect(res.statusCode, JSON.stringify(res.raw)).toBe(200);
  return res.data.token as string;
}

const follow = (token: string) => request(t.app).get(`/v1/downloads/d/${token}`);

describe('share links die with their customer’s access', () => {
  it('when the customer is disabled', async () => {
    const { customerId, client } = await entitledCustomer('Disabled Co');
    const token = await shareLink(client);
    await follow(token).expect(302);
    const patched = await admin.patch(`/management/customers/${customerId}`, { isActive: false });
    expect(patched.statusCode).toBe(200);
    expect((await client.listApplications()).statusCode).toBe(401);
    const res = await follow(token).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('when the customer is unlinked from the application', async () => {
    const { customerId, client } = await entitledCustomer('Unlinked Co');
    const token = await shareLink(client);
    await follow(token).expect(302);
    await linkCustomers(admin, 'shared-tool', [], [customerId]);
    await follow(token).expect(404);
  });

  it('when the customer’s key is regenerated (a leaked key may have minted them)', async () => {
    const { customerId, client } = await entitledCustomer('Rekeyed Co');
    const token = await shareLink(client);
    await follow(token).expect(302);
    const res = await admin.post(`/management/customers/${customerId}/regenerate-key`);
    expect(res.statusCode).toBe(200);
    await follow(token).expect(404);
  });
});

describe('the admin lists and revokes share links', () => {
  it('lists them (prefix, never the token), filtered, and revokes one', async () => {
    const { customerId, client } = await entitledCustomer('Listed Co');
    const other = await entitledCustomer('Other Co');
    const token = await shareLink(client);
    const kept = await shareLink(other.client);

    const listed = await admin.get('/management/share-links', { customerId });
    expect(listed.statusCode).toBe(200);
    expect(listed.data.shareLinks).toEqual([
      {
        shareLinkId: expect.any(String),
        tokenPrefix: token.slice(0, 6),
        applicationId: 'shared-tool',
        version: '1.0.0',
        fileId: expect.any(String),
        customerId,
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        expired: false,
      },
    ]);
    expect(JSON.stringify(listed.raw)).not.toContain(token);
    expect(listed.meta?.pagination).toMatchObject({ page: 1, total: 1 });
    const all = await admin.get('/management/share-links');
    expect(all.data.shareLinks.length).toBeGreaterThanOrEqual(2);

    // Customers cannot list or revoke.
    expect((await client.get('/management/share-links')).statusCode).toBe(403);
    const id = listed.data.shareLinks[0].shareLinkId as string;
    expect((await client.delete(`/management/share-links/${id}`)).statusCode).toBe(403);

    const revoked = await admin.delete(`/management/share-links/${id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.data).toMatchObject({ message: 'Share link revoked', shareLinkId: id });
    await follow(token).expect(404);
    await follow(kept).expect(302);
    expect((await admin.delete(`/management/share-links/${id}`)).statusCode).toBe(404);
    const audit = await admin.get('/audit');
    expect(JSON.stringify(audit.raw)).toContain('SHARE_LINK_REVOKED');
  });
});
