import { OctetString } from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
import { build } from 'plist';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeviceAttributes } from '../../../src/core/apple/device-attributes.js';
import { readSignedData } from '../../../src/core/apple/signed-data.js';
import { DomainError } from '../../../src/core/errors.js';
import { type Identity, selfSignedIdentity, signedData } from '../../helpers/cms.js';

const UDID = '00008110-000A1C2E3E08801E';
const NONCE = '9f86d081884c7d659a2feaa0c55ad015';

/** What iOS puts inside the signed body it posts to the Profile Service URL. */
const devicePlist = (fields: Record<string, string> = {}) =>
  Buffer.from(
    build({
      CHALLENGE: NONCE,
      DEVICE_NAME: 'Ann’s iPhone <work>',
      PRODUCT: 'iPhone14,2',
      UDID,
      VERSION: '21E236',
      ...fields,
    }),
  );

async function invalidError(body: Uint8Array): Promise<DomainError> {
  const err = await readDeviceAttributes(body).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  expect((err as DomainError).kind).toBe('invalid');
  return err as DomainError;
}

describe('the UDID callback body', () => {
  let device: Identity;
  beforeAll(async () => {
    device = await selfSignedIdentity('Device 3C7A2E', 'Apple iPhone Device');
  });

  it('reads a signed body: the attributes, the challenge, verified, and the signer', async () => {
    const body = await signedData(devicePlist(), device);
    expect(await readDeviceAttributes(body)).toEqual({
      attributes: {
        udid: UDID,
        product: 'iPhone14,2',
        version: '21E236',
        device_name: 'Ann’s iPhone <work>',
      },
      challenge: NONCE,
      verified: true,
      signer: 'CN=Device 3C7A2E, O=Apple iPhone Device',
    });
  });

  it('verifies a signature over signed attributes that carry the content digest, and catches a changed content', async () => {
    const body = await signedData(devicePlist(), device, { signedAttributes: true });
    const messageDigestOid = Buffer.from('06092a864886f70d010904', 'hex');
    expect(body.includes(messageDigestOid)).toBe(true);
    expect((await readDeviceAttributes(body)).verified).toBe(true);
    body.write('iPhone15,3', body.indexOf('iPhone14,2'), 'latin1');
    const tampered = await readDeviceAttributes(body);
    expect(tampered.attributes.product).toBe('iPhone15,3');
    expect(tampered.verified).toBe(false);
  });

  it('verifies a SHA-1 signature, as older devices send', async () => {
    const sha1 = await selfSignedIdentity('Old device', 'Apple iPhone Device', 'SHA-1');
    const body = await signedData(devicePlist(), sha1, { hash: 'SHA-1', signedAttributes: true });
    expect((await readDeviceAttributes(body)).verified).toBe(true);
  });

  it('reads a body whose content was changed after signing, and says it is not verified', async () => {
    const body = await signedData(devicePlist(), device);
    const at = body.indexOf('iPhone14,2');
    expect(at).toBeGreaterThan(0);
    body.write('iPhone15,3', at, 'latin1');
    const read = await readDeviceAttributes(body);
    expect(read.attributes.product).toBe('iPhone15,3');
    expect(read.verified).toBe(false);
    expect(read.signer).toBe('CN=Device 3C7A2E, O=Apple iPhone Device');
  });

  it('does not verify a signature made by another key than the certificate it carries', async () => {
    const other = await selfSignedIdentity('Someone else');
    const body = await signedData(devicePlist(), device, { certificate: other.certificate });
    const read = await readDeviceAttributes(body);
    expect(read.verified).toBe(false);
    expect(read.signer).toBe('CN=Someone else, O=Updraft tests');
  });

  it('reads a signed body without certificates as unverified, with no signer', async () => {
    const body = await signedData(devicePlist(), device, { certificate: null });
    const read = await readDeviceAttributes(body);
    expect(read.attributes.udid).toBe(UDID);
    expect(read).toMatchObject({ verified: false, signer: undefined });
  });

  it('accepts the plain plist, never verified', async () => {
    expect(await readDeviceAttributes(devicePlist({ UDID: 'a'.repeat(40) }))).toEqual({
      attributes: {
        udid: 'a'.repeat(40),
        product: 'iPhone14,2',
        version: '21E236',
        device_name: 'Ann’s iPhone <work>',
      },
      challenge: NONCE,
      verified: false,
      signer: undefined,
    });
  });

  it('refuses garbage, an empty body, and DER that is not SignedData with a 400-kind error', async () => {
    expect((await invalidError(Buffer.from('hello, I am not a profile answer'))).message).toBe(
      'the body is not a CMS (PKCS#7) SignedData structure',
    );
    expect((await invalidError(Buffer.alloc(0))).message).toMatch(/empty/);
    const notSigned = new ContentInfo({
      contentType: '1.2.840.113549.1.7.1',
      content: new OctetString({ valueHex: devicePlist() }),
    });
    expect((await invalidError(Buffer.from(notSigned.toSchema().toBER()))).message).toMatch(/SignedData/);
  });

  it('refuses signed content that is not a plist, and a plist without a valid UDID', async () => {
    expect((await invalidError(await signedData(Buffer.from('{"UDID":"x"}'), device))).message).toMatch(
      /not a readable XML property list/,
    );
    expect((await invalidError(devicePlist({ UDID: '' }))).message).toBe(
      'the device attributes carry no UDID',
    );
    expect((await invalidError(devicePlist({ UDID: '../../etc/passwd' }))).message).toMatch(
      /is not an Apple UDID/,
    );
    expect((await invalidError(Buffer.from(build(['UDID', UDID])))).message).toMatch(
      /not a property list dictionary/,
    );
  });
});

describe('readSignedData', () => {
  it('gives back the whole content of a large blob, which encoders split into chunks', async () => {
    const identity = await selfSignedIdentity('Apple iPhone OS Provisioning Profile Signing', 'Apple Inc.');
    const content = Buffer.alloc(300_000, 'provisioning profile bytes ');
    const blob = await signedData(content, identity);
    const eContent = new SignedData({ schema: ContentInfo.fromBER(blob).content }).encapContentInfo.eContent;
    expect(eContent?.idBlock.isConstructed).toBe(true);
    expect((eContent?.valueBlock.value ?? []).length).toBeGreaterThan(1);
    const read = await readSignedData(blob);
    expect(read.content.equals(content)).toBe(true);
    expect(read.verified).toBe(true);
    expect(read.signer?.subject).toBe('CN=Apple iPhone OS Provisioning Profile Signing, O=Apple Inc.');
    expect(read.signer?.issuer).toBe(read.signer?.subject);
    expect(read.signer?.certificate.equals(Buffer.from(identity.certificate.toSchema().toBER()))).toBe(true);
  });
});
