import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, PASSWORD } from '../helpers/auth.js';
import {
  buildWebBundles,
  checkScreen,
  chromiumMissing,
  expectFitsWidth,
  launchChromium,
  listen,
} from '../helpers/browser.js';
import { type FeedTenant, feedTenant, publisher } from '../helpers/feeds.js';

let t: TestApp;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let tenant: FeedTenant;
let adminKey: string;

beforeAll(async () => {
  buildWebBundles();
  t = await createTestApp();
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
  server = await listen(t.app);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const customerGet = (key: string, path: string) =>
  request(t.app).get(`/v1${path}`).set(bearer(key)).expect(200);

async function pasteKey(key: string): Promise<void> {
  await page.getByLabel('Admin key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Use the key' }).click();
}

describe.skipIf(chromiumMissing)('the customers screen in Chromium', () => {
  let customerKey = '';

  it('takes the pasted admin key, refusing a wrong one', async () => {
    await page.goto(server.url);
    await page.getByLabel('Username').fill(tenant.owner);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    await checkScreen(page, 'customers-key');
    await pasteKey(`${adminKey}x`);
    await page.getByRole('alert').waitFor();
    await pasteKey(adminKey);
    await page.getByText('No customers yet.').waitFor();
    // The key lives in the page's memory only.
    await expect(page.evaluate('localStorage.length + sessionStorage.length')).resolves.toBe(0);
  });

  it('creates a customer, shows its key once, and links an app it then sees', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Acme Corp');
    await page.getByRole('combobox', { name: /^Tier/ }).selectOption('Premium');
    await page.getByRole('button', { name: 'Create customer' }).click();
    customerKey = (await page.getByTestId('customer-key').textContent()) ?? '';
    const tenantId = adminKey.split('.')[0];
    expect(customerKey).toMatch(new RegExp(`^${tenantId}\\.[A-Za-z0-9_-]{43}$`));
    await page.getByRole('button', { name: "Copy the customer's API key" }).click();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(customerKey);
    // Before the link the customer sees no app.
    expect((await customerGet(customerKey, '/applications')).body.data.applications).toEqual([]);

    await page.getByRole('combobox', { name: /^App to link to Acme Corp/ }).selectOption('desktop');
    await page.getByRole('button', { name: 'Link to Acme Corp' }).click();
    await page.getByRole('button', { name: 'Unlink desktop from Acme Corp' }).waitFor();
    const seen = (await customerGet(customerKey, '/applications')).body.data.applications;
    expect(seen.map((a: { applicationId: string }) => a.applicationId)).toEqual(['desktop']);
    await checkScreen(page, 'customers');
  });

  it('lists the share links customers made and revokes one', async () => {
    const share = await request(t.app)
      .post('/v1/downloads/share')
      .set(bearer(customerKey))
      .send({ applicationId: 'desktop', version: '1.0.0' })
      .expect(200);
    const token: string = share.body.data.token;
    await request(t.app).get(`/v1/downloads/d/${token}`).expect(302);
    // The screen reads the links when the key is given.
    await page.getByRole('button', { name: 'Forget the admin key' }).click();
    await pasteKey(adminKey);
    const revoke = page.getByRole('button', { name: `Revoke the link ${token.slice(0, 6)}` });
    await revoke.waitFor();
    await expect(page.getByRole('region', { name: 'Share links' }).getByRole('row').count()).resolves.toBe(2);
    await checkScreen(page, 'customers-share-links');
    await revoke.click();
    await page.getByText('No unexpired share links.').waitFor();
    await request(t.app).get(`/v1/downloads/d/${token}`).expect(404);

    await page.getByRole('button', { name: 'Unlink desktop from Acme Corp' }).click();
    await page.getByRole('button', { name: 'Link to Acme Corp' }).waitFor();
    expect((await customerGet(customerKey, '/applications')).body.data.applications).toEqual([]);
  });

  it('fits a 360 px phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('button', { name: 'Link to Acme Corp' }).waitFor();
    await expectFitsWidth(page);
    await checkScreen(page, 'customers-phone');
  });
});
