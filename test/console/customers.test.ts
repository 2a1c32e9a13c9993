import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, PASSWORD } from '../helpers/auth.js';
import { AdminClient, linkCustomers, newCustomer, publish } from '../helpers/bindist.js';
import { checkScreen, chromiumMissing, expectFitsWidth, withConsole } from '../helpers/browser.js';
import { type FeedTenant, feedTenant, publisher } from '../helpers/feeds.js';

let tenant: FeedTenant;
let adminKey: string;

const ui = withConsole(async (t) => {
  tenant = await feedTenant(t, {
    apps: ['desktop', 'cli'],
    channels: ['stable'],
    platforms: { windows: [] },
    archs: ['x64'],
  });
  const publish = publisher(t, tenant.token, { app_name: 'desktop', channel: 'stable' });
  await publish('1.0.0', [{ name: 'desktop-1.0.0.exe', content: Buffer.from('exe') }], {
    platform: 'windows',
    arch: 'x64',
  });
  // The admin key is minted once, as an admin does with the API; the console only takes it pasted.
  const minted = await request(t.app)
    .post('/v1/management/admin/regenerate-key')
    .set(bearer(tenant.token))
    .expect(200);
  adminKey = minted.body.data.apiKey;
});

const customerGet = (key: string, path: string) =>
  request(ui.t.app).get(`/v1${path}`).set(bearer(key)).expect(200);

async function pasteKey(key: string): Promise<void> {
  await ui.page.getByLabel('Admin key', { exact: true }).fill(key);
  await ui.page.getByRole('button', { name: 'Use the key' }).click();
}

describe.skipIf(chromiumMissing)('the customers screen in Chromium', () => {
  let customerKey = '';

  it('takes the pasted admin key, refusing a wrong one', async () => {
    await ui.page.goto(ui.url);
    await ui.page.getByLabel('Username').fill(tenant.owner);
    await ui.page.getByLabel('Password').fill(PASSWORD);
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    await ui.page.getByRole('link', { name: 'Customers' }).click();
    await ui.page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    await checkScreen(ui.page, 'customers-key');
    await pasteKey(`${adminKey}x`);
    await ui.page.getByRole('alert').waitFor();
    await pasteKey(adminKey);
    await ui.page.getByText('No customers yet.').waitFor();
    // The key lives in the page's memory only.
    await expect(ui.page.evaluate('localStorage.length + sessionStorage.length')).resolves.toBe(0);
  });

  it('creates a customer, shows its key once, and links an app it then sees', async () => {
    await ui.page.getByLabel('Name', { exact: true }).fill('Acme Corp');
    await ui.page.getByRole('combobox', { name: /^Tier/ }).selectOption('Premium');
    await ui.page.getByRole('button', { name: 'Create customer' }).click();
    customerKey = (await ui.page.getByTestId('customer-key').textContent()) ?? '';
    const tenantId = adminKey.split('.')[0];
    expect(customerKey).toMatch(new RegExp(`^${tenantId}\\.[A-Za-z0-9_-]{43}$`));
    await ui.page.getByRole('button', { name: "Copy the customer's API key" }).click();
    await expect(ui.page.evaluate('navigator.clipboard.readText()')).resolves.toBe(customerKey);
    // Before the link the customer sees no app.
    expect((await customerGet(customerKey, '/applications')).body.data.applications).toEqual([]);

    await ui.page.getByRole('combobox', { name: /^App to link to Acme Corp/ }).selectOption('desktop');
    await ui.page.getByRole('button', { name: 'Link to Acme Corp' }).click();
    await ui.page.getByRole('button', { name: 'Unlink desktop from Acme Corp' }).waitFor();
    const seen = (await customerGet(customerKey, '/applications')).body.data.applications;
    expect(seen.map((a: { applicationId: string }) => a.applicationId)).toEqual(['desktop']);
    await checkScreen(ui.page, 'customers');
  });

  it('lists the share links customers made and revokes one', async () => {
    const share = await request(ui.t.app)
      .post('/v1/downloads/share')
      .set(bearer(customerKey))
      .send({ applicationId: 'desktop', version: '1.0.0' })
      .expect(200);
    const token: string = share.body.data.token;
    await request(ui.t.app).get(`/v1/downloads/d/${token}`).expect(302);
    // The screen reads the links when the key is given.
    await ui.page.getByRole('button', { name: 'Forget the admin key' }).click();
    await pasteKey(adminKey);
    const revoke = ui.page.getByRole('button', { name: `Revoke the link ${token.slice(0, 6)}` });
    await revoke.waitFor();
    await expect(ui.page.getByRole('region', { name: 'Share links' }).getByRole('row').count()).resolves.toBe(
      2,
    );
    await checkScreen(ui.page, 'customers-share-links');
    await revoke.click();
    await ui.page.getByText('No unexpired share links.').waitFor();
    await request(ui.t.app).get(`/v1/downloads/d/${token}`).expect(404);

    await ui.page.getByRole('button', { name: 'Unlink desktop from Acme Corp' }).click();
    await ui.page.getByRole('button', { name: 'Link to Acme Corp' }).waitFor();
    expect((await customerGet(customerKey, '/applications')).body.data.applications).toEqual([]);
  });

  it("shows an app's downloads and the activity list with its filters, and edits a customer's tier", async () => {
    // One upload through /v1, and downloads by two customers: two URLs for Beta Ltd, Acme's share link above.
    const admin = new AdminClient(ui.t.app, adminKey);
    await publish(admin, 'desktop', '1.1.0', Buffer.from('exe 1.1.0'), { enable: true });
    const beta = await newCustomer(admin, 'Beta Ltd');
    await linkCustomers(admin, 'desktop', [beta.customerId]);
    for (const version of ['1.0.0', '1.1.0']) {
      const url = await beta.client.getDownloadUrl('desktop', version);
      expect(url.statusCode, JSON.stringify(url.raw)).toBe(200);
    }
    await ui.page.getByRole('button', { name: 'Forget the admin key' }).click();
    await pasteKey(adminKey);

    const downloads = ui.page.getByRole('region', { name: 'Downloads' });
    await downloads.getByLabel('Application').selectOption('desktop');
    await expect.poll(() => downloads.getByTestId('total-downloads').textContent()).toBe('3');
    await expect(downloads.getByTestId('unique-customers').textContent()).resolves.toBe('2');
    const recent = downloads.getByRole('table', { name: 'Recent downloads of desktop' });
    const recentRows = await recent.locator('tbody tr').allInnerTexts();
    expect(recentRows.map((r) => r.split('\t').slice(1))).toEqual([
      ['1.1.0', 'Beta Ltd'],
      ['1.0.0', 'Beta Ltd'],
      ['1.0.0', 'Acme Corp'],
    ]);
    const today = new Date().toISOString().slice(0, 10);
    await downloads.getByRole('img', { name: /^Downloads per day.*3 in all/ }).waitFor();
    await downloads.getByRole('img', { name: 'Downloads per version: 1.0.0 2, 1.1.0 1' }).waitFor();
    await checkScreen(ui.page, 'customers-downloads');

    const activity = ui.page.getByRole('region', { name: 'Activity' });
    const kinds = async () =>
      (
        await activity
          .getByRole('table', { name: 'Activity' })
          .locator('tbody tr td:nth-child(2)')
          .allInnerTexts()
      ).map((k) => k.split(' ')[0]);
    await expect.poll(kinds).toEqual(['Download', 'Download', 'Upload', 'Download']);
    await activity.getByLabel('Customer').selectOption({ label: 'Beta Ltd' });
    await activity.getByRole('button', { name: 'Show activity' }).click();
    await expect.poll(kinds).toEqual(['Download', 'Download']);
    await activity.getByLabel('Customer').selectOption({ label: 'Every customer' });
    await activity.getByLabel('Kind').selectOption({ label: 'Uploads' });
    await activity.getByLabel('From (UTC day)').fill(today);
    await activity.getByLabel('To (UTC day)').fill(today);
    await activity.getByRole('button', { name: 'Show activity' }).click();
    await expect.poll(kinds).toEqual(['Upload']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await activity.getByLabel('From (UTC day)').fill(tomorrow);
    await activity.getByLabel('To (UTC day)').fill('');
    await activity.getByRole('button', { name: 'Show activity' }).click();
    await activity.getByText('No activity matches.').waitFor();
    await checkScreen(ui.page, 'customers-activity');

    const acme = ui.page.getByRole('row', { name: /^Acme Corp/ });
    await expect(acme.getByLabel('Tier of Acme Corp').inputValue()).resolves.toBe('Premium');
    await acme.getByLabel('Tier of Acme Corp').selectOption('Enterprise');
    await acme.getByRole('button', { name: 'Set tier of Acme Corp' }).click();
    const acmeId = await request(ui.t.app)
      .get('/v1/management/customers')
      .set(bearer(adminKey))
      .expect(200)
      .then((r) => r.body.data.customers.find((c: { name: string }) => c.name === 'Acme Corp').customerId);
    await expect
      .poll(async () => (await customerGet(adminKey, `/management/customers/${acmeId}`)).body.data.tier)
      .toBe('Enterprise');
    await ui.page.getByLabel('Tier of Beta Ltd').selectOption('');
    await ui.page.getByRole('button', { name: 'Set tier of Beta Ltd' }).click();
    await expect
      .poll(
        async () => (await customerGet(adminKey, `/management/customers/${beta.customerId}`)).body.data.tier,
      )
      .toBe(null);
  });

  it('fits a 360 px phone', async () => {
    await ui.page.setViewportSize({ width: 360, height: 740 });
    await ui.page.getByRole('button', { name: 'Link to Acme Corp' }).waitFor();
    await expectFitsWidth(ui.page);
    await checkScreen(ui.page, 'customers-phone');
  });
});
