import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import {
  DEVICE_ATTRIBUTES,
  newNonce,
  profileServiceConfig,
  udidCallbackUrl,
} from '../../../src/core/apple/profile-service.js';

const UUID_V4_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

describe('Profile Service mobileconfig', () => {
  const nonce = '0123456789abcdef0123456789abcdef';
  const callbackUrl = udidCallbackUrl('https://apps.example.com/', nonce, 'var_1a2b');

  it('builds the callback URL on the primary domain with the nonce and the variant', () => {
    expect(callbackUrl).toBe(
      'https://apps.example.com/udid/callback?nonce=0123456789abcdef0123456789abcdef&variant=var_1a2b',
    );
  });

  it("is Fenfa's unsigned Profile Service plist", () => {
    const xml = profileServiceConfig({
      callbackUrl,
      challenge: nonce,
      organization: 'Acme',
      productName: 'Field App',
      bundleId: 'com.acme.field',
    });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC/);
    const profile = parse(xml) as Record<string, unknown>;
    expect(profile).toEqual({
      PayloadContent: { URL: callbackUrl, Challenge: nonce, DeviceAttributes: [...DEVICE_ATTRIBUTES] },
      PayloadOrganization: 'Acme',
      PayloadDisplayName: 'Acme - Field App',
      PayloadDescription: 'Register your device to install: Field App',
      PayloadVersion: 1,
      PayloadUUID: expect.stringMatching(UUID_V4_UPPER),
      PayloadIdentifier: 'com.acme.field.profile-service',
      PayloadType: 'Profile Service',
    });
    expect(DEVICE_ATTRIBUTES).toEqual(['UDID', 'PRODUCT', 'VERSION', 'DEVICE_NAME']);
    expect(xml).toMatch(/<key>PayloadVersion<\/key>\s*<integer>1<\/integer>/);
  });

  it('escapes names and the URL as XML, and gives every profile its own UUID', () => {
    const input = {
      callbackUrl,
      challenge: nonce,
      organization: 'Smith & Sons <QA>',
      productName: '"Beta" & more',
      bundleId: 'com.smith.app',
    };
    const xml = profileServiceConfig(input);
    expect(xml).toContain('<string>Smith &amp; Sons &lt;QA&gt; - "Beta" &amp; more</string>');
    expect(xml).toContain(
      '/udid/callback?nonce=0123456789abcdef0123456789abcdef&amp;variant=var_1a2b</string>',
    );
    const profile = parse(xml) as { PayloadDisplayName: string; PayloadUUID: string };
    expect(profile.PayloadDisplayName).toBe('Smith & Sons <QA> - "Beta" & more');
    expect((parse(profileServiceConfig(input)) as { PayloadUUID: string }).PayloadUUID).not.toBe(
      profile.PayloadUUID,
    );
  });

  it('falls back to the reversed host before an IPA told the bundle id, and names an unnamed organization', () => {
    const profile = parse(
      profileServiceConfig({ callbackUrl, challenge: nonce, organization: '', productName: 'Field App' }),
    ) as Record<string, unknown>;
    expect(profile.PayloadIdentifier).toBe('com.example.apps.profile-service');
    expect(profile.PayloadOrganization).toBe('Device Registration');
    expect(profile.PayloadDisplayName).toBe('Device Registration - Field App');
  });

  it('makes 32-hex nonces that do not repeat', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[0-9a-f]{32}$/);
  });
});
