import { X509Certificate } from 'node:crypto';
import type { PlistValue } from 'plist';
import { readSignedData } from '../apple/signed-data.js';
import { DomainError } from '../errors.js';
import { isDict, type PlistDict, readPropertyList, stringOf, stringsOf } from './property-list.js';

export type ProfileType = 'enterprise' | 'development' | 'app-store' | 'ad-hoc' | 'distribution';

export interface ProfileCertificate {
  /** The subject's common name, e.g. "Apple Distribution: Example Ltd (A1B2C3D4E5)". */
  name: string;
  /** Lower-case hex without leading zeros, as Fenfa writes it. */
  serial_number: string;
  /** Upper-case hex of the DER's SHA-1, the fingerprint Keychain Access shows. */
  sha1: string;
  creation_date: string;
  expiry_date: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The `provisioning_profile` of Fenfa's parse-app answer, one per iOS release. */
export interface ProvisioningProfile {
  uuid: string;
  name: string;
  team_id: string;
  team_name: string;
  app_id_name: string;
  app_id_prefix: string;
  /** From the `application-identifier` entitlement, without the app id prefix. */
  bundle_id: string;
  /** Apple's platforms joined as Fenfa does: "iOS" or "iOS, xrOS". */
  platform: string;
  profile_type: ProfileType;
  provisions_all_devices: boolean;
  creation_date?: string;
  expiration_date?: string;
  certificates: ProfileCertificate[];
  provisioned_devices: string[];
  device_count: number;
  entitlements: { [key: string]: Json };
  /**
   * The CMS signature over the profile checks out with the certificate the profile carries (Apple's signing
   * certificate; its chain to Apple's root is not checked). False when it does not, or the blob is no CMS at all.
   */
  signature_verified: boolean;
}

/**
 * The one app a profile provisions, or undefined for a wildcard profile (`TEAMID.*`, `TEAMID.com.example.*`): a
 * wildcard names no app, so it cannot stand for a bundle id.
 */
export function profileAppId(profile: ProvisioningProfile | undefined): string | undefined {
  const bundleId = profile?.bundle_id ?? '';
  return bundleId && !bundleId.includes('*') ? bundleId : undefined;
}

/** Times as Go's encoding/json writes them (Fenfa's answers): RFC 3339, no fraction when there is none. */
export function timestamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function toJson(value: PlistValue): Json {
  if (value instanceof Date) return timestamp(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (isDict(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

/**
 * The rule of Fenfa's determineProfileType, in its order: an enterprise profile provisions every device, a
 * development one lets a debugger attach, an App Store one reports to TestFlight, an ad-hoc one lists devices.
 */
function profileType(profile: PlistDict, entitlements: PlistDict): ProfileType {
  if (profile.ProvisionsAllDevices === true) return 'enterprise';
  if (entitlements['get-task-allow'] === true) return 'development';
  if (entitlements['beta-reports-active'] === true) return 'app-store';
  if (stringsOf(profile.ProvisionedDevices).length > 0) return 'ad-hoc';
  return 'distribution';
}

function certificate(der: PlistValue): ProfileCertificate | undefined {
  if (!(der instanceof Uint8Array)) return undefined;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    return undefined;
  }
  const commonName = cert.subject.split('\n').find((line) => line.startsWith('CN='));
  return {
    name: commonName?.slice(3) ?? '',
    serial_number: cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
    sha1: cert.fingerprint.replaceAll(':', ''),
    creation_date: timestamp(new Date(cert.validFrom)),
    expiry_date: timestamp(new Date(cert.validTo)),
  };
}

/** The XML plist cut out of a blob from `<?xml` to `</plist>`, as Fenfa reads profiles; undefined when there is none. */
function cutOutPlist(blob: Buffer): Buffer | undefined {
  const start = blob.indexOf('<?xml', 0, 'latin1');
  const end = start < 0 ? -1 : blob.indexOf('</plist>', start, 'latin1');
  return end < 0 ? undefined : blob.subarray(start, end + '</plist>'.length);
}

/**
 * An `embedded.mobileprovision` is a CMS SignedData blob whose content is an XML plist: read through the CMS reader,
 * which checks the signature. A blob that is no readable CMS still gets Fenfa's treatment (the plist cut out of it),
 * unverified. Undefined when the blob holds no plist.
 */
export async function readProvisioningProfile(
  blob: Buffer,
  file: string,
): Promise<ProvisioningProfile | undefined> {
  let plist: Buffer | undefined;
  let verified = false;
  try {
    const signed = await readSignedData(blob);
    plist = signed.content;
    verified = signed.verified;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    plist = cutOutPlist(blob);
  }
  if (!plist) return undefined;
  const profile = readPropertyList(plist, file);
  const entitlements = isDict(profile.Entitlements) ? profile.Entitlements : {};
  const prefix = stringsOf(profile.ApplicationIdentifierPrefix)[0] ?? '';
  const appId = stringOf(entitlements['application-identifier']) ?? '';
  const devices = stringsOf(profile.ProvisionedDevices);
  const created = profile.CreationDate;
  const expires = profile.ExpirationDate;
  return {
    uuid: stringOf(profile.UUID) ?? '',
    name: stringOf(profile.Name) ?? '',
    team_id: stringsOf(profile.TeamIdentifier)[0] ?? '',
    team_name: stringOf(profile.TeamName) ?? '',
    app_id_name: stringOf(profile.AppIDName) ?? '',
    app_id_prefix: prefix,
    bundle_id:
      prefix && appId.startsWith(`${prefix}.`)
        ? appId.slice(prefix.length + 1)
        : appId.slice(appId.indexOf('.') + 1),
    platform: stringsOf(profile.Platform).join(', '),
    profile_type: profileType(profile, entitlements),
    provisions_all_devices: profile.ProvisionsAllDevices === true,
    ...(created instanceof Date ? { creation_date: timestamp(created) } : {}),
    ...(expires instanceof Date ? { expiration_date: timestamp(expires) } : {}),
    certificates: (Array.isArray(profile.DeveloperCertificates) ? profile.DeveloperCertificates : [])
      .map(certificate)
      .filter((c): c is ProfileCertificate => c !== undefined),
    provisioned_devices: devices,
    device_count: devices.length,
    entitlements: toJson(entitlements) as { [key: string]: Json },
    signature_verified: verified,
  };
}
