/** Values a test plist holds; integers only (Info.plist and profiles have no reals). */
export type PlistInput =
  | string
  | number
  | boolean
  | Date
  | Buffer
  | PlistInput[]
  | { [key: string]: PlistInput };

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function xmlValue(value: PlistInput, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${escapeXml(value)}</string>\n`;
  if (typeof value === 'number') return `${indent}<integer>${value}</integer>\n`;
  if (typeof value === 'boolean') return `${indent}<${value}/>\n`;
  if (value instanceof Date) return `${indent}<date>${value.toISOString().replace('.000Z', 'Z')}</date>\n`;
  if (Buffer.isBuffer(value)) return `${indent}<data>${value.toString('base64')}</data>\n`;
  if (Array.isArray(value))
    return `${indent}<array>\n${value.map((v) => xmlValue(v, `${indent}\t`)).join('')}${indent}</array>\n`;
  const entries = Object.entries(value)
    .map(([k, v]) => `${indent}\t<key>${escapeXml(k)}</key>\n${xmlValue(v, `${indent}\t`)}`)
    .join('');
  return `${indent}<dict>\n${entries}${indent}</dict>\n`;
}

/** An XML property list as Xcode writes one. */
export function xmlPlist(value: PlistInput): Buffer {
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
      `<plist version="1.0">\n${xmlValue(value, '')}</plist>\n`,
  );
}

/** A `bplist00` binary property list (the format of a built app's Info.plist), written without any library. */
export function binaryPlist(root: PlistInput): Buffer {
  const values: PlistInput[] = [];
  const refs: number[][] = [];
  const flatten = (value: PlistInput): number => {
    const index = values.length;
    values.push(value);
    refs.push([]);
    if (Array.isArray(value)) refs[index] = value.map(flatten);
    else if (typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
      const entries = Object.entries(value);
      refs[index] = [...entries.map(([k]) => flatten(k)), ...entries.map(([, v]) => flatten(v))];
    }
    return index;
  };
  flatten(root);
  const refSize = values.length < 256 ? 1 : 2;
  const int = (n: number) => {
    if (n < 0x100) return Buffer.from([0x10, n]);
    if (n < 0x10000) return Buffer.from([0x11, n >> 8, n & 0xff]);
    const b = Buffer.alloc(5);
    b[0] = 0x12;
    b.writeUInt32BE(n, 1);
    return b;
  };
  const marker = (type: number, length: number) =>
    length < 15
      ? Buffer.from([(type << 4) | length])
      : Buffer.concat([Buffer.from([(type << 4) | 15]), int(length)]);
  const refBytes = (list: number[]) => {
    const b = Buffer.alloc(list.length * refSize);
    list.forEach((r, i) => {
      if (refSize === 1) b.writeUInt8(r, i);
      else b.writeUInt16BE(r, i * 2);
    });
    return b;
  };
  const encoded = values.map((value, i) => {
    const childRefs = refs[i] ?? [];
    if (typeof value === 'boolean') return Buffer.from([value ? 0x09 : 0x08]);
    if (typeof value === 'number') return int(value);
    if (value instanceof Date) {
      const b = Buffer.alloc(9);
      b[0] = 0x33;
      b.writeDoubleBE((value.getTime() - Date.UTC(2001, 0, 1)) / 1000, 1);
      return b;
    }
    if (Buffer.isBuffer(value)) return Buffer.concat([marker(4, value.length), value]);
    if (typeof value === 'string') {
      if (Buffer.byteLength(value, 'utf8') === value.length)
        return Buffer.concat([marker(5, value.length), Buffer.from(value, 'ascii')]);
      const utf16 = Buffer.from(value, 'utf16le').swap16();
      return Buffer.concat([marker(6, value.length), utf16]);
    }
    if (Array.isArray(value)) return Buffer.concat([marker(0xa, value.length), refBytes(childRefs)]);
    return Buffer.concat([marker(0xd, childRefs.length / 2), refBytes(childRefs)]);
  });
  const header = Buffer.from('bplist00', 'latin1');
  const offsets: number[] = [];
  let at = header.length;
  for (const object of encoded) {
    offsets.push(at);
    at += object.length;
  }
  const offsetSize = at < 0x10000 ? 2 : 4;
  const table = Buffer.alloc(offsets.length * offsetSize);
  offsets.forEach((o, i) => {
    if (offsetSize === 2) table.writeUInt16BE(o, i * 2);
    else table.writeUInt32BE(o, i * 4);
  });
  const trailer = Buffer.alloc(32);
  trailer[6] = offsetSize;
  trailer[7] = refSize;
  trailer.writeBigUInt64BE(BigInt(values.length), 8);
  trailer.writeBigUInt64BE(0n, 16);
  trailer.writeBigUInt64BE(BigInt(at), 24);
  return Buffer.concat([header, ...encoded, table, trailer]);
}
