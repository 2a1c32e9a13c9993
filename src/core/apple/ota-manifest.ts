import { build } from 'plist';

export const OTA_MANIFEST_CONTENT_TYPE = 'application/xml';

export interface OtaManifestInput {
  /** Absolute https URL of the IPA. */
  downloadUrl: string;
  /** Taken from the package or its provisioning profile, never typed in: a wrong one leaves an app iOS cannot delete. */
  bundleId: string;
  version: string;
  build?: number | string | null;
  /** The product's name, shown by iOS while it installs. */
  title: string;
}

/** "version (build)" as Fenfa shows it; the version alone when there is no build. */
export function bundleVersion(version: string, buildNumber?: number | string | null): string {
  const b = buildNumber === null || buildNumber === undefined ? '' : String(buildNumber).trim();
  if (!version) return b;
  return b && b !== '0' ? `${version} (${b})` : version;
}

/** The manifest.plist that an `itms-services://` link points iOS to. */
export function otaManifest(input: OtaManifestInput): string {
  return build({
    items: [
      {
        assets: [{ kind: 'software-package', url: input.downloadUrl }],
        metadata: {
          'bundle-identifier': input.bundleId,
          'bundle-version': bundleVersion(input.version, input.build),
          kind: 'software',
          title: input.title,
        },
      },
    ],
  });
}

/** The link that makes iOS fetch the manifest and offer to install the app. */
export function itmsServicesLink(manifestUrl: string): string {
  return `itms-services://?action=download-manifest&url=${encodeURIComponent(manifestUrl)}`;
}

/**
 * iOS refuses to install over the air from anything but https with a publicly trusted certificate; this names the
 * problem with a manifest or download URL, or answers undefined when it is https.
 */
export function otaUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not an absolute URL: set the primary domain to https://your.host`;
  }
  if (parsed.protocol !== 'https:') {
    return `${url} is not https: iOS installs over the air only from https with a publicly trusted certificate`;
  }
  return undefined;
}

/**
 * Who may fetch a manifest: Safari on iPhone, iPad and iPod, and the system daemons that fetch it after the tap
 * (their user agents name Darwin, CFNetwork or appstored). Fenfa's last fix added the daemons; without them every
 * install failed.
 */
const IOS_INSTALL_AGENT = /iphone|ipad|ipod|darwin|cfnetwork|appstored/i;

export function isIosInstallAgent(userAgent: string | undefined): boolean {
  return IOS_INSTALL_AGENT.test(userAgent ?? '');
}
