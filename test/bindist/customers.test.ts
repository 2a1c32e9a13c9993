import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  type AdminClient,
  bootstrapAdmin,
  CustomerClient,
  newApplication,
  newCustomer,
} from '../helpers/bindist.js';

let t: TestApp;
let admin: AdminClient;
beforeAll(async () => {
  t = await createTestApp();
  ({ admin } = await bootstrapAdmin(t.app));
});
afterAll(async () => {
  await t.close();
});

describe('management of customers', () => {
  it('creates a customer the SDK way (…/admin/apikeys) and directly, returning the key once', async () => {
    const sdk = await admin.createCustomer('Zeta Ltd', { notes: 'via SDK' });
    expect(sdk.statusCode).toBe(201);
    expect(sdk.data).toMatchObject({
      name: 'Zeta Ltd',
      tier: 'Basic',
      notes: 'via SDK',
      isActive: true,
      parentCustomerId: 'admin',
    });
    expect(sdk.data.customerId).toMatch(/^[0-9a-f-]{36}$/);
    const direct = await admin.post('/management/customers', {
      name: 'Alpha GmbH',
      email: 'ops@alpha.example',
      reference: 'PO-1',
      license: 'L-7',
    });
    expect(direct.statusCode).toBe(201);
    expect(direct.data.apiKey).toEqual(expect.any(String));
    const listed = await admin.listCustomers();
    expect(listed.data.customers.map((c: { name: string }) => c.name)).toEqual(['Alpha GmbH', 'Zeta Ltd']);
    expect(JSON.stringify(listed.raw)).not.toContain('apiKey');
    expect(listed.data.customers[0]).toMatchObject({
      email: 'ops@alpha.example',
      reference: 'PO-1',
      license: 'L-7',
    });
    expect(listed.meta?.pagination).toMatchObject({ page: 1, limit: 20, total: 2 });
    expect((await admin.listCustomers(2, 1)).data.customers.map((c: { name: string }) => c.name)).toEqual([
      'Zeta Ltd',
    ]);
  });

  it('validates what it takes', async () => {
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(201) },
      { name: 'x', email: 'nope' },
      { name: 'x', tier: 'Gold' },
      { name: 'x', notes: 5 },
    ]) {
      const res = await admin.post('/management/customers', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.error?.message).toMatch(/^Validation failed: /);
    }
    const { customerId } = await newCustomer(admin, 'Valid');
    expect((await admin.updateCustomer(customerId, {})).statusCode).toBe(400);
    expect((await admin.patch(`/management/customers/${customerId}`, { isActive: 'yes' })).statusCode).toBe(
      400,
    );
    expect((await admin.patch('/management/customers/bad id!', { name: 'x' })).statusCode).toBe(400);
    expect(
      (await admin.patch('/management/customers/00000000-0000-0000-0000-000000000000', { name: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('updates fields, clears them with null, and sets the tier', async () => {
    const { customerId } = await newCustomer(admin, 'Old Name');
    const res = await admin.patch(`/management/customers/${customerId}`, {
      name: 'New Name',
      notes: 'hi',
      tier: 'Enterprise',
    });
    expect(res.data).toMatchObject({ customerId, name: 'New Name', notes: 'hi', tier: 'Enterprise' });
    const cleared = await admin.patch(`/management/customers/${customerId}`, { notes: null, tier: null });
    expect(cleared.data).toMatchObject({ notes: null, tier: null });
    expect(Date.parse(cleared.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(cleared.data.createdAt));
  });

  it('issues a new key for an existing customer on a bodiless …/{id}/apikeys (the docs’ form)', async () => {
    const { customerId, client } = await newCustomer(admin, 'Keyed');
    const res = await admin.post(`/management/customers/${customerId}/apikeys`);
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ customerId, apiKey: expect.any(String), createdAt: expect.any(String) });
    expect((await client.listApplications()).statusCode).toBe(401);
    expect((await new CustomerClient(t.app, res.data.apiKey).listApplications()).statusCode).toBe(200);
    expect((await admin.post('/management/customers/nobody/apikeys')).statusCode).toBe(404);
  });

  it('shows one customer with its applications', async () => {
    const { customerId } = await newCustomer(admin, 'Linked');
    await newApplication(admin, 'linked-app', [customerId]);
    const res = await admin.get(`/management/customers/${customerId}`);
    expect(res.data).toMatchObject({ customerId, name: 'Linked', applicationIds: ['linked-app'] });
  });
});
