import { parse } from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppleConnectClient, appleDeviceName } from '../../../src/core/apple/connect.js';
import { readDeviceAttributes } from '../../../src/core/apple/device-attributes.js';
import { isIosInstallAgent, itmsServicesLink, otaManifest } from '../../../src/core/apple/ota-manifest.js';
import { newNonce, profileServiceConfig, udidCallbackUrl } from '../../../src/core/apple/profile-service.js';
import { type FakeAppStoreConnect, startAppleFake } from '../../helpers/apple-fake.js';
import { FakeIosDevice, IOS_INSTALL_DAEMON, IPHONE_SAFARI } from '../../helpers/ios-device.js';

const BASE = 'https://apps.example.com';

describe('ad-hoc iOS flow through the core modules', () => {
  let apple: Awaited<ReturnType<typeof startAppleFake>>;
  let fake: FakeAppStoreConnect;
  beforeAll(async () => {
    apple = await startAppleFake();
    fake = apple.fake;
  });
  afterAll(() => fake.close());

  it('profile → signed answer → attributes with the challenge → registered with Apple → manifest', async () => {
    const nonce = newNonce();
    const mobileconfig = profileServiceConfig({
      callbackUrl: udidCallbackUrl(BASE, nonce, 'var_ios'),
      challenge: nonce,
      organization: 'Acme',
      productName: 'Field App',
      bundleId: 'com.acme.field',
    });
    const phone = await FakeIosDevice.create({ DEVICE_NAME: 'Ann’s iPhone' });

    const answer = await phone.answerProfile(mobileconfig);
    expect(answer.url).toBe(`${BASE}/udid/callback?nonce=${nonce}&variant=var_ios`);
    const callback = await readDeviceAttributes(answer.body);
    expect(callback).toMatchObject({
      attributes: { udid: phone.attributes.UDID, product: 'iPhone14,2', device_name: 'Ann’s iPhone' },
      challenge: nonce,
      verified: true,
    });

    const client = new AppleConnectClient({ credentials: apple.credentials, baseUrl: fake.url });
    const batch = await client.registerDevices([
      { device_id: 'dev_1', udid: callback.attributes.udid, name: appleDeviceName(callback.attributes) },
    ]);
    expect(batch.results[0]).toMatchObject({ success: true, message: 'Registered successfully' });
    expect(fake.devices.map((d) => [d.id, d.attributes.udid, d.attributes.name])).toEqual([
      [batch.results[0]?.apple_device_id, phone.attributes.UDID, 'Ann’s iPhone'],
    ]);

    const manifestUrl = `${BASE}/ios/rel_1/manifest.plist`;
    expect(isIosInstallAgent(IPHONE_SAFARI)).toBe(true);
    expect(isIosInstallAgent(IOS_INSTALL_DAEMON)).toBe(true);
    expect(new URL(itmsServicesLink(manifestUrl)).searchParams.get('url')).toBe(manifestUrl);
    const manifest = parse(
      otaManifest({
        downloadUrl: `${BASE}/d/rel_1`,
        bundleId: 'com.acme.field',
        version: '1.4.0',
        build: 42,
        title: 'Field App',
      }),
    ) as { items: { metadata: Record<string, string> }[] };
    expect(manifest.items[0]?.metadata['bundle-version']).toBe('1.4.0 (42)');
  });

  it('answers only what the profile asks for', async () => {
    const phone = await FakeIosDevice.create();
    const nonce = newNonce();
    const mobileconfig = profileServiceConfig({
      callbackUrl: udidCallbackUrl(BASE, nonce, 'var_ios'),
      challenge: nonce,
      organization: 'Acme',
      productName: 'Field App',
    }).replace(/<string>(PRODUCT|VERSION|DEVICE_NAME)<\/string>/g, '');
    const callback = await readDeviceAttributes((await phone.answerProfile(mobileconfig)).body);
    expect(callback.attributes).toEqual({
      udid: phone.attributes.UDID,
      product: undefined,
      version: undefined,
      device_name: undefined,
    });
  });
});
