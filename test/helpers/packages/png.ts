import { crc32, deflateRawSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** A standard RGBA PNG of the given pixels, written by pngjs. */
export function standardPng(width: number, height: number, rgba: Buffer): Buffer {
  const png = new PNG({ width, height });
  rgba.copy(png.data);
  return PNG.sync.write(png);
}

/** The RGBA pixels of a standard PNG, read by pngjs (which refuses anything that is not one). */
export function pixelsOf(png: Buffer): { width: number; height: number; data: Buffer } {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(type)), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * What Xcode's pngcrush does to an app icon: colour premultiplied by alpha, BGRA order, a `CgBI` chunk first
 * and the image data deflated without a zlib header. Rows cycle through all five PNG filters.
 */
export function crushPng(width: number, height: number, rgba: Buffer): Buffer {
  const bgra = Buffer.alloc(rgba.length);
  for (let at = 0; at < rgba.length; at += 4) {
    const alpha = rgba.readUInt8(at + 3);
    const premultiply = (c: number) => Math.round((c * alpha) / 255);
    bgra[at] = premultiply(rgba.readUInt8(at + 2));
    bgra[at + 1] = premultiply(rgba.readUInt8(at + 1));
    bgra[at + 2] = premultiply(rgba.readUInt8(at));
    bgra[at + 3] = alpha;
  }
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const value = bgra.readUInt8(y * stride + x);
      const a = x >= 4 ? bgra.readUInt8(y * stride + x - 4) : 0;
      const b = y > 0 ? bgra.readUInt8((y - 1) * stride + x) : 0;
      const c = x >= 4 && y > 0 ? bgra.readUInt8((y - 1) * stride + x - 4) : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      raw[y * (stride + 1) + 1 + x] = (value - predicted) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('CgBI', Buffer.from([0x50, 0x00, 0x20, 0x06])),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateRawSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
