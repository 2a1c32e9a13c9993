import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { checkScreen, chromiumMissing, launchChromium, listen } from '../helpers/browser.js';
import { createProduct, createVariant, fenfaTenant, fenfaUpload } from '../helpers/fenfa.js';
import { FakeIosDevice, IPHONE_SAFARI } from '../helpers/ios-device.js';
import {
  developerCertificate,
  mobileprovision,
  type ProfileKind,
  packageBytes,
  profilePlist,
  writeIpa,
} from '../helpers/packages/fixtures.js';

/** iPadOS asks for the desktop site by default: Safari then says it is a Mac. */
const IPAD_DESKTOP =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

let t: TestApp;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let variant: string;
const scratch = mkdtempSync(join(tmpdir(), 'updraft-ios-page-'));

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await fenfaTenant(t.app);
  const product = await createProduct(t.app, tenant.adminToken, { name: 'Field App', slug: 'field' });
  variant = await createVariant(t.app, tenant.adminToken, product, {
    platform: 'ios',
    identifier: 'com.example.demo',
  });
  const mac = await createVariant(t.app, tenant.adminToken, product, { platform: 'macos' });
  await writeIpa(join(scratch, 'Field.ipa'));
  await fenfaUpload(
    t.app,
    tenant.uploadToken,
    { variant_id: variant, version: '2.1.0', build: '42' },
    { name: 'Field.ipa', content: readFileSync(join(scratch, 'Field.ipa')) },
  ).expect(201);
  await fenfaUpload(
    t.app,
    tenant.uploadToken,
    { variant_id: mac, version: '2.1.0' },
    { name: 'Field.dmg', content: Buffer.from('a disk image') },
  ).expect(201);
  // An enterprise and an ad-hoc build, each on a product of its own, through smart upload (which keeps the profile).
  for (const kind of ['enterprise', 'ad-hoc'] satisfies ProfileKind[]) {
    const signed = await createProduct(t.app, tenant.adminToken, {
      name: `Field ${kind}`,
      slug: `field-${kind}`,
    });
    const ios = await createVariant(t.app, tenant.adminToken, signed, { platform: 'ios' });
    const cert = developerCertificate();
    const profile = mobileprovision(profilePlist(kind, cert), cert);
    await fenfaUpload(
      t.app,
      tenant.uploadToken,
      { variant_id: ios },
      { name: 'Field.ipa', content: await packageBytes((path) => writeIpa(path, { profile })) },
      { path: '/smart-upload' },
    ).expect(201);
  }
  server = await listen(t.app);
  if (!chromiumMissing) browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(chromiumMissing)("the product page's iOS install in Chromium", () => {
  it('shows "Bind device" until the device is bound, then "Install"', async () => {
    const context = await browser.newContext({
      userAgent: IPHONE_SAFARI,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/products/field`);
    const bindLink = page.locator('a.recommended');
    expect(await bindLink.textContent()).toMatch(/^Bind device: Field\.ipa/);
    const profileUrl = (await bindLink.getAttribute('href')) ?? '';
    expect(profileUrl).toBe(`${server.url}/udid/profile.mobileconfig?variant=${variant}`);
    await checkScreen(page, 'product-page-ios-bind');

    // Safari downloads the profile (the nonce cookie lands in the browser), Settings installs it and iOS posts the
    // signed answer; its 301 reopens Safari on the product page.
    const profile = await context.request.get(profileUrl);
    expect(profile.status()).toBe(200);
    const phone = await FakeIosDevice.create();
    const answer = await phone.answerProfile(await profile.text());
    const callback = await context.request.post(answer.url, {
      data: answer.body,
      headers: { 'Content-Type': answer.contentType },
      maxRedirects: 0,
    });
    expect(callback.status()).toBe(301);
    await page.goto(callback.headers().location ?? '');
    const install = page.locator('a.recommended');
    expect(await install.textContent()).toMatch(/^Install: Field\.ipa/);
    const href = (await install.getAttribute('href')) ?? '';
    expect(href).toBe(
      `itms-services://?action=download-manifest&url=${encodeURIComponent(`${server.url}/ios/${href.match(/rel_[0-9a-f]{24}/)?.[0]}/manifest.plist`)}`,
    );
    await checkScreen(page, 'product-page-ios-install');

    // Back later, from the bare address: the browser remembers the binding.
    await page.goto(`${server.url}/products/field`);
    expect(await page.locator('a.recommended').getAttribute('data-ios')).toBe('install');
    await context.close();
  });

  it('offers "Install" at once for an enterprise build, and "Bind device" for an ad-hoc one', async () => {
    const context = await browser.newContext({
      userAgent: IPHONE_SAFARI,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/products/field-enterprise`);
    const install = page.locator('a.recommended');
    expect(await install.getAttribute('data-ios')).toBe('install');
    const href = (await install.getAttribute('href')) ?? '';
    const release = href.match(/rel_[0-9a-f]{24}/)?.[0];
    expect(href).toBe(
      `itms-services://?action=download-manifest&url=${encodeURIComponent(`${server.url}/ios/${release}/manifest.plist`)}`,
    );
    await checkScreen(page, 'product-page-ios-enterprise');

    // An ad-hoc build installs only on the devices its profile lists: the same new visitor binds first.
    await page.goto(`${server.url}/products/field-ad-hoc`);
    const bind = page.locator('a.recommended');
    expect(await bind.getAttribute('data-ios')).toBe('bind');
    expect(await bind.getAttribute('href')).toMatch(/\/udid\/profile\.mobileconfig\?variant=/);
    await context.close();
  });

  it('puts the iOS link first on an iPad that sends a desktop user agent', async () => {
    const context = await browser.newContext({ userAgent: IPAD_DESKTOP, hasTouch: true });
    // An iPad reports five touch points; Chromium's touch emulation reports one.
    await context.addInitScript(
      'Object.defineProperty(Navigator.prototype, "maxTouchPoints", { get: () => 5 })',
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/products/field`);
    const first = page.locator('a.recommended');
    await expect.poll(() => first.getAttribute('data-platform')).toBe('ios');
    expect(await first.getAttribute('data-ios')).toBe('bind');
    expect(await page.locator('a.file[data-platform="macos"]').count()).toBe(1);
    await context.close();

    const mac = await browser.newContext({ userAgent: IPAD_DESKTOP });
    const macPage = await mac.newPage();
    await macPage.goto(`${server.url}/products/field`);
    expect(await macPage.locator('a.recommended').getAttribute('data-platform')).toBe('macos');
    await mac.close();
  });
});
