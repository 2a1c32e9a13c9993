import { open } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';

/** A file of a test ZIP: bytes (deflated unless `store`), or `sparseSize` zero bytes that are never written. */
export type ZipEntrySpec =
  | { name: string; data: Buffer; store?: boolean }
  | { name: string; sparseSize: number };

const ZEROS = Buffer.alloc(16 * 1024 * 1024);

function crcOfZeros(size: number): number {
  let crc = 0;
  for (let left = size; left > 0; left -= ZEROS.length)
    crc = crc32(ZEROS.subarray(0, Math.min(left, ZEROS.length)), crc);
  return crc;
}

/**
 * Writes a ZIP as IPAs and APKs are (local headers, data, central directory, end record), with node's zlib. A
 * sparse entry is a stored run of zeros the file system never allocates: its bytes are skipped, not written,
 * so a 1 GB package costs no disk and no time.
 */
export async function writeZip(path: string, entries: ZipEntrySpec[]): Promise<void> {
  const file = await open(path, 'w');
  const central: Buffer[] = [];
  let at = 0;
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'utf8');
      const sparse = 'sparseSize' in entry;
      const size = sparse ? entry.sparseSize : entry.data.length;
      const stored = sparse || entry.store === true;
      const body = sparse ? undefined : stored ? entry.data : deflateRawSync(entry.data);
      const crc = sparse ? crcOfZeros(size) : crc32(entry.data);
      const compressed = body ? body.length : size;
      const fields = (head: Buffer, offset: number) => {
        head.writeUInt16LE(20, offset); // version needed
        head.writeUInt16LE(0x0800, offset + 2); // UTF-8 names
        head.writeUInt16LE(stored ? 0 : 8, offset + 4);
        head.writeUInt16LE(0, offset + 6); // time
        head.writeUInt16LE(0x5a21, offset + 8); // date: 2025-01-01
        head.writeUInt32LE(crc, offset + 10);
        head.writeUInt32LE(compressed, offset + 14);
        head.writeUInt32LE(size, offset + 18);
        head.writeUInt16LE(name.length, offset + 22);
      };
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      fields(local, 4);
      await file.write(Buffer.concat([local, name]), 0, 30 + name.length, at);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(0x031e, 4); // made by: Unix
      fields(header, 6);
      header.writeUInt32LE(at, 42);
      central.push(header, name);
      at += 30 + name.length;
      if (body) await file.write(body, 0, body.length, at);
      at += compressed;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(at, 16);
    const tail = Buffer.concat([directory, end]);
    await file.write(tail, 0, tail.length, at);
  } finally {
    await file.close();
  }
}
