import { randomBytes, randomUUID } from 'node:crypto';
import { build } from 'plist';

/** The type iOS opens a configuration profile by; any other makes Safari download the file instead. */
export const MOBILECONFIG_CONTENT_TYPE = 'application/x-apple-aspen-config';

/** What the device is asked to send back; the order is Fenfa's. */
export const DEVICE_ATTRIBUTES = ['UDID', 'PRODUCT', 'VERSION', 'DEVICE_NAME'] as const;

/** A one-use challenge: 16 random bytes as 32 hex digits. */
export const NONCE_PATTERN = /^[0-9a-f]{32}$/;

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** The callback iOS posts the signed device attributes to, on the primary domain. */
export function udidCallbackUrl(baseUrl: string, nonce: string, variantId: string): string {
  const query = new URLSearchParams({ nonce, variant: variantId });
  return `${baseUrl.replace(/\/+$/, '')}/udid/callback?${query}`;
}

export interface ProfileServiceInput {
  /** Absolute URL of the callback (udidCallbackUrl). */
  callbackUrl: string;
  /** The nonce; iOS sends it back as CHALLENGE inside the signed attributes. */
  challenge: string;
  organization: string;
  productName: string;
  /** The variant's bundle id; empty until the first IPA told it. */
  bundleId?: string;
}

/**
 * The identifier a profile is installed under: the app's bundle id, or, before an IPA told it, the server's host
 * reversed (updates.example.com → com.example.updates), which stays unique to this server.
 */
function payloadIdentifier(input: ProfileServiceInput): string {
  if (input.bundleId) return `${input.bundleId}.profile-service`;
  const host = new URL(input.callbackUrl).hostname;
  return `${host.split('.').reverse().join('.')}.profile-service`;
}

/**
 * The unsigned "Profile Service" configuration profile of Apple's over-the-air enrollment (phase 1): installing it
 * makes iOS post the device's UDID, model, OS version and name, signed by the device, to the callback URL.
 */
export function profileServiceConfig(input: ProfileServiceInput): string {
  const organization = input.organization || 'Device Registration';
  return build({
    PayloadContent: {
      URL: input.callbackUrl,
      Challenge: input.challenge,
      DeviceAttributes: [...DEVICE_ATTRIBUTES],
    },
    PayloadOrganization: organization,
    PayloadDisplayName: `${organization} - ${input.productName}`,
    PayloadDescription: `Register your device to install: ${input.productName}`,
    PayloadVersion: 1,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadIdentifier: payloadIdentifier(input),
    PayloadType: 'Profile Service',
  });
}
