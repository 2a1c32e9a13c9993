import type { webcrypto } from 'node:crypto';
import { Set as Asn1Set, Integer, OctetString, Sequence, Utf8String } from 'asn1js';
import {
  AttributeTypeAndValue,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  RelativeDistinguishedNames,
  SignedData,
  SignerInfo,
} from 'pkijs';

const { subtle } = globalThis.crypto;
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';
const ID_DATA = '1.2.840.113549.1.7.1';

export interface Identity {
  certificate: Certificate;
  privateKey: webcrypto.CryptoKey;
}

/** An RSA key and a self-signed certificate for it, as a device identity is (minus Apple's chain). */
export async function selfSignedIdentity(
  commonName: string,
  organization = 'Updraft tests',
  hash: 'SHA-1' | 'SHA-256' = 'SHA-256',
): Promise<Identity> {
  const keys = (await subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', hash, publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
    true,
    ['sign', 'verify'],
  )) as webcrypto.CryptoKeyPair;
  const certificate = new Certificate();
  certificate.version = 2;
  certificate.serialNumber = new Integer({ value: Date.now() % 1_000_000 });
  // One attribute per RDN, as certificate authorities write names (pkijs would put them all into one set).
  const rdns = [
    [COMMON_NAME, commonName],
    [ORGANIZATION, organization],
  ].map(
    ([type, value]) =>
      new Asn1Set({
        value: [new AttributeTypeAndValue({ type, value: new Utf8String({ value }) }).toSchema()],
      }),
  );
  const name = new Sequence({ value: rdns }).toBER();
  certificate.subject = RelativeDistinguishedNames.fromBER(name);
  certificate.issuer = RelativeDistinguishedNames.fromBER(name);
  certificate.notBefore.value = new Date(Date.now() - 24 * 3600 * 1000);
  certificate.notAfter.value = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  await certificate.sign(keys.privateKey, hash);
  return { certificate, privateKey: keys.privateKey };
}

/**
 * A CMS SignedData (DER) that carries `content` and a signature over it by `signer`. `certificate` is the
 * certificate put into the blob (the signer's own unless a test swaps it; none when null).
 */
export async function signedData(
  content: Uint8Array,
  signer: Identity,
  options: { hash?: 'SHA-1' | 'SHA-256'; certificate?: Certificate | null } = {},
): Promise<Buffer> {
  const carried = options.certificate === undefined ? signer.certificate : options.certificate;
  const signed = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: ID_DATA,
      eContent: new OctetString({ valueHex: content }),
    }),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({
          issuer: (carried ?? signer.certificate).issuer,
          serialNumber: (carried ?? signer.certificate).serialNumber,
        }),
      }),
    ],
    ...(carried ? { certificates: [carried] } : {}),
  });
  await signed.sign(signer.privateKey, 0, options.hash ?? 'SHA-256');
  const info = new ContentInfo({ contentType: ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}
