import { createHash, generateKeyPairSync, sign } from 'node:crypto';

/** Just enough DER to write X.509 certificates and a CMS SignedData the way Apple's profiles carry them. */
function der(tag: number, ...parts: Buffer[]): Buffer {
  const content = Buffer.concat(parts);
  const n = content.length;
  const length =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}

const seq = (...parts: Buffer[]) => der(0x30, ...parts);
const set = (...parts: Buffer[]) => der(0x31, ...parts);
const explicit = (n: number, ...parts: Buffer[]) => der(0xa0 + n, ...parts);

function integer(bytes: Buffer): Buffer {
  return der(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) base128.unshift((v & 0x7f) | 0x80);
    bytes.push(...base128);
  }
  return der(0x06, Buffer.from(bytes));
}

const utf8 = (text: string) => der(0x0c, Buffer.from(text, 'utf8'));
const utcTime = (date: Date) =>
  der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`, 'latin1'));

export interface TestCertificate {
  der: Buffer;
  sha1: string;
}

/** A self-signed ECDSA certificate like Apple's developer certificates: CN, OU (team id), O, C. */
export function certificate(options: {
  commonName: string;
  teamId: string;
  serial: Buffer;
  notBefore: Date;
  notAfter: Date;
}): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = seq(
    set(seq(oid('0.9.2342.19200300.100.1.1'), utf8(options.teamId))),
    set(seq(oid('2.5.4.3'), utf8(options.commonName))),
    set(seq(oid('2.5.4.11'), utf8(options.teamId))),
    set(seq(oid('2.5.4.10'), utf8('Example Ltd'))),
    set(seq(oid('2.5.4.6'), der(0x13, Buffer.from('US')))),
  );
  const algorithm = seq(oid('1.2.840.10045.4.3.2'));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(options.serial),
    algorithm,
    name,
    seq(utcTime(options.notBefore), utcTime(options.notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, algorithm, der(0x03, Buffer.from([0]), signature));
  return { der: cert, sha1: createHash('sha1').update(cert).digest('hex').toUpperCase() };
}

/** A CMS ContentInfo of type SignedData wrapping `content`, as an embedded.mobileprovision is. */
export function signedData(content: Buffer, certificates: Buffer[]): Buffer {
  return seq(
    oid('1.2.840.113549.1.7.2'),
    explicit(
      0,
      seq(
        integer(Buffer.from([1])),
        set(seq(oid('2.16.840.1.101.3.4.2.1'))),
        seq(oid('1.2.840.113549.1.7.1'), explicit(0, der(0x04, content))),
        explicit(0, ...certificates),
        set(),
      ),
    ),
  );
}
