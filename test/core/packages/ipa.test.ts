import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../../src/core/packages/read-package.js';
import {
  crushPng,
  DEVICES,
  developerCertificate,
  mobileprovision,
  type ProfileKind,
  pixelsOf,
  profilePlist,
  standardPng,
  TEAM_ID,
  writeIpa,
} from '../../helpers/packages/fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'updraft-ipa-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Pixels whose premultiplied form loses nothing: opaque, fully transparent black, and alpha 51 with colours in steps of 5. */
function iconPixels(size: number): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const kind = i % 3;
    const [r, g, b, a] =
      kind === 0
        ? [i % 256, (i * 7) % 256, (i * 13) % 256, 255]
        : kind === 1
          ? [0, 0, 0, 0]
          : [(i % 52) * 5, 255, 35, 51];
    rgba.writeUInt8(r, i * 4);
    rgba.writeUInt8(g, i * 4 + 1);
    rgba.writeUInt8(b, i * 4 + 2);
    rgba.writeUInt8(a, i * 4 + 3);
  }
  return rgba;
}

function decodeIcon(dataUrl: string | undefined) {
  expect(dataUrl).toMatch(/^data:image\/png;base64,/);
  return pixelsOf(Buffer.from((dataUrl ?? '').split(',')[1] ?? '', 'base64'));
}

describe('reading an IPA', () => {
  it('reads an XML Info.plist, the largest CgBI icon back to its exact pixels, and an ad-hoc profile', async () => {
    const cert = developerCertificate();
    const large = iconPixels(180);
    const path = join(dir, 'demo.ipa');
    await writeIpa(path, {
      files: [
        { name: 'AppIcon60x60@2x.png', data: crushPng(120, 120, iconPixels(120)) },
        { name: 'AppIcon60x60@3x.png', data: crushPng(180, 180, large) },
        { name: 'AppIcon76x76@2x~ipad.png', data: crushPng(152, 152, iconPixels(152)) },
        // Named by no key and not AppIcon*: not an icon, however large.
        { name: 'LaunchImage.png', data: standardPng(400, 400, Buffer.alloc(400 * 400 * 4, 255)) },
      ],
      profile: mobileprovision(profilePlist('ad-hoc', cert), cert),
    });

    const info = await readPackage(path, { fileName: 'Demo 2.1.0.ipa' });
    if (info.platform !== 'ios') throw new Error('expected an IPA');
    expect(info).toMatchObject({
      platform: 'ios',
      bundle_id: 'com.example.demo',
      version: '2.1.0',
      build: '42',
      app_name: 'Demo App',
      min_os: 'iOS 15.0',
      file_name: 'Demo 2.1.0.ipa',
    });
    expect(info.file_size).toBeGreaterThan(0);
    const icon = decodeIcon(info.icon_base64);
    expect([icon.width, icon.height]).toEqual([180, 180]);
    expect(icon.data.equals(large)).toBe(true);

    expect(info.provisioning_profile).toEqual({
      uuid: '6b2c8d1e-4f3a-4b5c-9d7e-0a1b2c3d4e5f',
      name: 'Demo ad-hoc',
      team_id: TEAM_ID,
      team_name: 'Example Ltd',
      app_id_name: 'Demo App ID',
      app_id_prefix: TEAM_ID,
      bundle_id: 'com.example.demo',
      platform: 'iOS, xrOS',
      profile_type: 'ad-hoc',
      provisions_all_devices: false,
      creation_date: '2025-01-02T03:04:05Z',
      expiration_date: '2026-01-02T03:04:05Z',
      certificates: [
        {
          name: `Apple Distribution: Example Ltd (${TEAM_ID})`,
          serial_number: 'a1b2c3d4e5f60718',
          sha1: cert.sha1,
          creation_date: '2025-01-01T00:00:00Z',
          expiry_date: '2026-01-01T00:00:00Z',
        },
      ],
      provisioned_devices: DEVICES,
      device_count: 2,
      entitlements: {
        'application-identifier': `${TEAM_ID}.com.example.demo`,
        'com.apple.developer.team-identifier': TEAM_ID,
        'keychain-access-groups': [`${TEAM_ID}.*`],
        'get-task-allow': false,
      },
      // The test profile's CMS carries no signer: readable, not verified.
      signature_verified: false,
    });
  });

  it('reads a binary Info.plist, falls back to CFBundleName, and passes a standard PNG icon through unchanged', async () => {
    const png = standardPng(64, 64, iconPixels(64));
    const path = join(dir, 'binary.ipa');
    await writeIpa(path, {
      // An extension's and a watch app's Info.plist come first in the archive; the app's own is the one read.
      before: [
        { name: 'Payload/Demo.app/PlugIns/Share.appex/Info.plist', data: Buffer.from('not this one') },
        { name: 'Payload/Demo.app/Watch/Demo Watch.app/Info.plist', data: Buffer.from('nor this one') },
      ],
      binaryInfo: true,
      info: {
        CFBundleDisplayName: '',
        CFBundleName: 'Démo ✓',
        CFBundleIcons: {},
        CFBundleIconFiles: ['Icon.png'],
      },
      files: [{ name: 'Icon@2x.png', data: png }],
    });
    const info = await readPackage(path);
    if (info.platform !== 'ios') throw new Error('expected an IPA');
    expect(info).toMatchObject({
      bundle_id: 'com.example.demo',
      version: '2.1.0',
      build: '42',
      app_name: 'Démo ✓',
    });
    expect(info.file_name).toBe('binary.ipa');
    expect(info.icon_base64).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(info.provisioning_profile).toBeUndefined();
  });

  it('says why there is no icon when it is only in Assets.car', async () => {
    const path = join(dir, 'assets-car.ipa');
    await writeIpa(path, { files: [{ name: 'Assets.car', data: Buffer.from('BOMStore') }] });
    const info = await readPackage(path);
    expect(info.icon_base64).toBeUndefined();
    expect(info.icon_note).toMatch(/Assets\.car/);
  });

  const expectations: [ProfileKind, boolean, number][] = [
    ['enterprise', true, 0],
    ['development', false, 2],
    ['app-store', false, 0],
    ['ad-hoc', false, 2],
    ['distribution', false, 0],
  ];
  it.each(expectations)('tells a %s profile by its keys', async (kind, allDevices, devices) => {
    const cert = developerCertificate();
    const path = join(dir, `${kind}.ipa`);
    await writeIpa(path, { profile: mobileprovision(profilePlist(kind, cert), cert) });
    const info = await readPackage(path, { platform: 'ios' });
    if (info.platform !== 'ios') throw new Error('expected an IPA');
    expect(info.provisioning_profile).toMatchObject({
      profile_type: kind,
      provisions_all_devices: allDevices,
      device_count: devices,
      name: `Demo ${kind}`,
    });
  });
});
