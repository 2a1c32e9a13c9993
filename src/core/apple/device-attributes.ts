import { type PlistValue, parse } from 'plist';
import { invalid } from '../errors.js';
import { readSignedData } from './signed-data.js';

/** Apple's UDID shapes: 40 hex digits (devices before 2018) or 8 and 16 hex digits joined by a dash (since). */
export const UDID_PATTERN = /^([0-9a-f]{40}|[0-9a-f]{8}-[0-9a-f]{16})$/i;

/** What iOS reports for the attributes a Profile Service asks for (profile-service.ts). */
export interface DeviceAttributes {
  udid: string;
  /** The model identifier, e.g. iPhone14,2. */
  product: string | undefined;
  /** The OS version, e.g. 17.4. */
  version: string | undefined;
  device_name: string | undefined;
}

export interface DeviceCallback {
  attributes: DeviceAttributes;
  /** The CHALLENGE iOS echoes: the nonce of the profile it installed. */
  challenge: string | undefined;
  /** The device's signature over the attributes checks out (always false for a plain plist). */
  verified: boolean;
  /** The signing certificate's subject, when the body was signed. */
  signer: string | undefined;
}

/** A plain plist starts with its XML declaration or root element (after an optional BOM and blank space). */
const PLAIN_XML = /^(\uFEFF)?\s*<(\?xml|!DOCTYPE|plist)/;

function text(dict: Record<string, PlistValue>, key: string): string | undefined {
  const value = dict[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function parsePlist(xml: string): Record<string, PlistValue> {
  let value: PlistValue;
  try {
    value = parse(xml);
  } catch {
    throw invalid('the device attributes are not a readable XML property list');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    throw invalid('the device attributes are not a property list dictionary');
  }
  if (value instanceof Uint8Array) throw invalid('the device attributes are not a property list dictionary');
  return value as Record<string, PlistValue>;
}

/**
 * Reads the body iOS posts to the Profile Service callback: a CMS SignedData around an XML plist (what devices
 * send), or the plain plist (accepted, never verified). Anything else, or a plist without a valid UDID, is the
 * caller's mistake (`invalid`).
 */
export async function readDeviceAttributes(body: Uint8Array): Promise<DeviceCallback> {
  if (body.length === 0) throw invalid('the body is empty: iOS posts the signed device attributes here');
  const head = Buffer.from(body.subarray(0, 64)).toString('utf8');
  let xml: string;
  let verified = false;
  let signer: string | undefined;
  if (PLAIN_XML.test(head)) {
    xml = Buffer.from(body).toString('utf8');
  } else {
    const signed = await readSignedData(body);
    xml = signed.content.toString('utf8');
    verified = signed.verified;
    signer = signed.signer?.subject;
  }
  const dict = parsePlist(xml);
  const udid = text(dict, 'UDID');
  if (!udid) throw invalid('the device attributes carry no UDID');
  if (!UDID_PATTERN.test(udid)) throw invalid(`the UDID ${JSON.stringify(udid)} is not an Apple UDID`);
  return {
    attributes: {
      udid,
      product: text(dict, 'PRODUCT'),
      version: text(dict, 'VERSION'),
      device_name: text(dict, 'DEVICE_NAME'),
    },
    challenge: text(dict, 'CHALLENGE'),
    verified,
    signer,
  };
}
