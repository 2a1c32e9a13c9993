import { describe, expect, it } from 'vitest';
import { installsOnAnyDevice, manifestBundleId } from '../../../src/core/fenfa/ota-release.js';
import {
  type ProvisioningProfile,
  readProvisioningProfile,
} from '../../../src/core/packages/provisioning-profile.js';
import {
  developerCertificate,
  mobileprovision,
  type ProfileKind,
  profilePlist,
  TEAM_ID,
} from '../../helpers/packages/fixtures.js';

/** A profile of `kind` for com.example.demo, or for the app id `appId` (a wildcard, say), as the upload reads it. */
async function profile(kind: ProfileKind, appId?: string): Promise<ProvisioningProfile> {
  const cert = developerCertificate();
  const plist = profilePlist(kind, cert);
  if (appId) {
    plist.Entitlements = {
      ...(plist.Entitlements as Record<string, string>),
      'application-identifier': `${TEAM_ID}.${appId}`,
    };
  }
  const read = await readProvisioningProfile(mobileprovision(plist, cert), 'embedded.mobileprovision');
  if (!read) throw new Error('the fixture profile did not read');
  return read;
}

describe("an OTA manifest's bundle id", () => {
  it("takes the package's, then the variant's identifier, then the profile's app", async () => {
    const adHoc = await profile('ad-hoc');
    const withProfile = { bundle_id: 'com.example.package', profile: adHoc };
    expect(manifestBundleId(withProfile, { identifier: 'com.example.variant' })).toBe('com.example.package');
    expect(manifestBundleId({ bundle_id: '' }, { identifier: 'com.example.variant' })).toBe(
      'com.example.variant',
    );
    expect(manifestBundleId({ bundle_id: '', profile: adHoc }, { identifier: '' })).toBe('com.example.demo');
    expect(manifestBundleId({ bundle_id: '' }, { identifier: '' })).toBeUndefined();
  });

  it('skips a wildcard profile, which names no app', async () => {
    for (const wildcard of ['*', 'com.example.*']) {
      const release = { bundle_id: '', profile: await profile('enterprise', wildcard) };
      expect(manifestBundleId(release, { identifier: '' })).toBeUndefined();
    }
  });
});

describe('which iOS releases install without binding a device', () => {
  it('is the enterprise builds only: ad-hoc, development and unread ones need the device provisioned', async () => {
    expect(installsOnAnyDevice({ profile: await profile('enterprise') })).toBe(true);
    expect(installsOnAnyDevice({ profile: await profile('ad-hoc') })).toBe(false);
    expect(installsOnAnyDevice({ profile: await profile('development') })).toBe(false);
    expect(installsOnAnyDevice({})).toBe(false);
  });
});
