import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import {
  bundleVersion,
  isIosInstallAgent,
  itmsServicesLink,
  otaManifest,
  otaUrlProblem,
} from '../../../src/core/apple/ota-manifest.js';

describe('OTA manifest', () => {
  it('lists the IPA as the software package with bundle id, "version (build)", kind and title', () => {
    const xml = otaManifest({
      downloadUrl: 'https://apps.example.com/d/rel_0a1b2c',
      bundleId: 'com.acme.field',
      version: '2.4.0',
      build: 118,
      title: 'Field & Co <beta>',
    });
    expect(xml).toContain('<string>Field &amp; Co &lt;beta&gt;</string>');
    expect(parse(xml)).toEqual({
      items: [
        {
          assets: [{ kind: 'software-package', url: 'https://apps.example.com/d/rel_0a1b2c' }],
          metadata: {
            'bundle-identifier': 'com.acme.field',
            'bundle-version': '2.4.0 (118)',
            kind: 'software',
            title: 'Field & Co <beta>',
          },
        },
      ],
    });
  });

  it('shows the version alone without a build, as Fenfa does for build 0', () => {
    expect(bundleVersion('1.0.3', 7)).toBe('1.0.3 (7)');
    expect(bundleVersion('1.0.3', '2024.05.1')).toBe('1.0.3 (2024.05.1)');
    expect(bundleVersion('1.0.3', 0)).toBe('1.0.3');
    expect(bundleVersion('1.0.3', null)).toBe('1.0.3');
    expect(bundleVersion('1.0.3')).toBe('1.0.3');
    expect(bundleVersion('', 12)).toBe('12');
  });

  it('links with itms-services and the manifest URL encoded whole', () => {
    const manifest = 'https://apps.example.com/ios/rel_0a1b2c/manifest.plist?x=1&y=2';
    const link = itmsServicesLink(manifest);
    expect(link).toBe(
      'itms-services://?action=download-manifest&url=https%3A%2F%2Fapps.example.com%2Fios%2Frel_0a1b2c%2Fmanifest.plist%3Fx%3D1%26y%3D2',
    );
    expect(new URL(link).searchParams.get('url')).toBe(manifest);
  });

  it('says when a URL cannot install over the air', () => {
    expect(otaUrlProblem('https://apps.example.com/d/rel_1')).toBeUndefined();
    expect(otaUrlProblem('http://apps.example.com/d/rel_1')).toMatch(/not https/);
    expect(otaUrlProblem('/d/rel_1')).toMatch(/not an absolute URL/);
  });

  it.each([
    [
      'Safari on an iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    ],
    [
      'Safari on an iPad',
      'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
    ],
    [
      'an iPod touch',
      'Mozilla/5.0 (iPod touch; CPU iPhone OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.7 Mobile/15E148 Safari/604.1',
    ],
    [
      'the install daemon',
      'com.apple.appstored/1.0 iOS/17.4 model/iPhone14,2 hwp/t8110 build/21E236 (6; dt:270) AMS/1',
    ],
    ['a CFNetwork fetch', 'itunesstored/1.0 CFNetwork/1494.0.7 Darwin/23.4.0'],
  ])('lets %s fetch the manifest', (_, ua) => {
    expect(isIosInstallAgent(ua)).toBe(true);
  });

  it.each([
    [
      'Chrome on Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    ],
    [
      'Chrome on Android',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    ],
    [
      'Safari on a Mac',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    ],
    ['curl', 'curl/8.5.0'],
    ['no user agent', undefined],
  ])('keeps %s out', (_, ua) => {
    expect(isIosInstallAgent(ua)).toBe(false);
  });
});
