import { X509Certificate } from 'node:crypto';
import { type Certificate, ContentInfo, SignedData } from 'pkijs';
import { invalid } from '../errors.js';

export interface SignedDataSigner {
  /** The signer certificate's subject, one `TYPE=value` per attribute joined with ", " (CN=…, O=…). */
  subject: string;
  issuer: string;
  /** The signer certificate, DER. */
  certificate: Buffer;
}

export interface SignedDataContent {
  /** The encapsulated content (eContent), whole even when the encoder split it into chunks. */
  content: Buffer;
  /**
   * The signature over the content checks out with the signer certificate carried in the blob. This proves the
   * content was not changed after that key signed it; it does not say who owns the key (no chain is checked).
   */
  verified: boolean;
  /** The certificate of the first signer, when the blob carries it. */
  signer: SignedDataSigner | undefined;
}

const oneLine = (name: string) => name.split('\n').join(', ');

function signerOf(certificate: Certificate | undefined): SignedDataSigner | undefined {
  if (!certificate) return undefined;
  const der = Buffer.from(certificate.toSchema().toBER());
  const x509 = new X509Certificate(der);
  return { subject: oneLine(x509.subject), issuer: oneLine(x509.issuer), certificate: der };
}

/**
 * Reads a CMS (PKCS#7) SignedData blob with its content inside, as iOS posts device attributes and as
 * `embedded.mobileprovision` is stored, and checks its first signature. A blob that is not SignedData, or carries no
 * content, is the caller's mistake (`invalid`).
 */
export async function readSignedData(blob: Uint8Array): Promise<SignedDataContent> {
  let signed: SignedData;
  try {
    const info = ContentInfo.fromBER(blob);
    if (info.contentType !== ContentInfo.SIGNED_DATA) throw new Error(`content type ${info.contentType}`);
    signed = new SignedData({ schema: info.content });
  } catch {
    throw invalid('the body is not a CMS (PKCS#7) SignedData structure');
  }
  const eContent = signed.encapContentInfo.eContent;
  if (!eContent) throw invalid('the CMS SignedData carries no content (a detached signature)');
  const content = Buffer.from(eContent.getValue());

  let verified = false;
  let signerCertificate: Certificate | undefined;
  if (signed.signerInfos.length > 0) {
    try {
      const result = await signed.verify({ signer: 0, checkChain: false, extendedMode: true });
      verified = result.signatureVerified === true;
      signerCertificate = result.signerCertificate ?? undefined;
    } catch (err) {
      // pkijs reports a signature it cannot check (no signer certificate, an unknown algorithm) by throwing its
      // result; the blob is still readable, just not verified.
      signerCertificate = (err as { signerCertificate?: Certificate }).signerCertificate;
    }
  }
  return { content, verified, signer: signerOf(signerCertificate) };
}
