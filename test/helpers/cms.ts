import { createHash, type webcrypto } from 'node:crypto';
import {
  Set as Asn1Set,
  Integer,
  ObjectIdentifier,
  OctetString,
  Sequence,
  UTCTime,
  Utf8String,
} from 'asn1js';
import {
  Attribute,
  AttributeTypeAndValue,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  RelativeDistinguishedNames,
  SignedAndUnsignedAttributes,
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
 * Signed attributes as devices and Apple's profile signer write them: content type, signing time and the content's
 * digest; the signature then covers these attributes instead of the content itself.
 */
function signedAttributes(content: Uint8Array, hash: 'SHA-1' | 'SHA-256'): SignedAndUnsignedAttributes {
  const digest = createHash(hash === 'SHA-1' ? 'sha1' : 'sha256')
    .update(content)
    .digest();
  return new SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new Attribute({ type: '1.2.840.113549.1.9.3', values: [new ObjectIdentifier({ value: ID_DATA })] }),
      new Attribute({ type: '1.2.840.113549.1.9.5', values: [new UTCTime({ valueDate: new Date() })] }),
      new Attribute({ type: '1.2.840.113549.1.9.4', values: [new OctetString({ valueHex: digest })] }),
    ],
  });
}

/**
 * A CMS SignedData (DER) that carries `content` and a signature over it by `signer`. `certificate` is the
 * certificate put into the blob (the signer's own unless a test swaps it; none when null); `signedAttributes` signs
 * the attributes with the content's digest instead of the content.
 */
export async function signedData(
  content: Uint8Array,
  signer: Identity,
  options: { hash?: 'SHA-1' | 'SHA-256'; certificate?: Certificate | null; signedAttributes?: boolean } = {},
): Promise<Buffer> {
  const hash = options.hash ?? 'SHA-256';
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
        ...(options.signedAttributes ? { signedAttrs: signedAttributes(content, hash) } : {}),
      }),
    ],
    ...(carried ? { certificates: [carried] } : {}),
  });
  await signed.sign(signer.privateKey, 0, hash);
  const info = new ContentInfo({ contentType: ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}
