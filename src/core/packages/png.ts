import { crc32, deflateSync, inflateRawSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const MAX_PIXELS = 4096 * 4096;

interface PngChunk {
  type: string;
  data: Buffer;
}

/** The chunks of a PNG, or undefined if it is not one (or is cut short). */
function pngChunks(png: Buffer): PngChunk[] | undefined {
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE)) return undefined;
  const chunks: PngChunk[] = [];
  let at = SIGNATURE.length;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > png.length) return undefined;
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') return chunks;
  }
  return undefined;
}

interface PngSize {
  width: number;
  height: number;
}

/** Width and height from the IHDR, for choosing the largest icon without decoding any. */
export function pngSize(png: Buffer): PngSize | undefined {
  const chunks = pngChunks(png);
  const ihdr = chunks?.find((chunk) => chunk.type === 'IHDR');
  if (!ihdr || ihdr.data.length < 13) return undefined;
  return { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4) };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(type)), 0);
  return Buffer.concat([head, data, crc]);
}

/** A standard 8-bit PNG (no filtering: icons are small and this runs once per upload). */
export function encodePng(width: number, height: number, channels: 3 | 4, pixels: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 4 ? 6 : 2;
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Undoes the five PNG scanline filters in place order, returning bare pixel rows. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer | undefined {
  const stride = width * bpp;
  if (raw.length < height * (stride + 1)) return undefined;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw.readUInt8(y * (stride + 1));
    const line = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out.readUInt8(row + x - bpp) : 0;
      const b = y > 0 ? out.readUInt8(prev + x) : 0;
      const c = x >= bpp && y > 0 ? out.readUInt8(prev + x - bpp) : 0;
      const value = raw.readUInt8(line + x);
      switch (filter) {
        case 0:
          out[row + x] = value;
          break;
        case 1:
          out[row + x] = value + a;
          break;
        case 2:
          out[row + x] = value + b;
          break;
        case 3:
          out[row + x] = value + ((a + b) >> 1);
          break;
        case 4:
          out[row + x] = value + paeth(a, b, c);
          break;
        default:
          return undefined;
      }
    }
  }
  return out;
}

/**
 * Apple's build tools "crush" the icons of an IPA into CgBI PNGs that only iOS shows: a `CgBI` chunk first, the
 * image data deflated without its zlib header, pixels in BGRA order with the colour premultiplied by alpha.
 * This returns the same image as a standard PNG, or the input unchanged when it is not a CgBI PNG, or undefined
 * when it is a CgBI PNG this cannot undo (only 8-bit, non-interlaced RGB and RGBA exist in practice).
 */
export function uncrushPng(png: Buffer): Buffer | undefined {
  const chunks = pngChunks(png);
  if (!chunks) return undefined;
  if (chunks[0]?.type !== 'CgBI') return png;
  const ihdr = chunks.find((c) => c.type === 'IHDR')?.data;
  if (!ihdr || ihdr.length < 13) return undefined;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr.readUInt8(8);
  const colourType = ihdr.readUInt8(9);
  const interlace = ihdr.readUInt8(12);
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (bitDepth !== 8 || channels === 0 || interlace !== 0) return undefined;
  // Icons are at most 1024 px square; a larger claim is a damaged header, not a picture worth 64 MB of memory.
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) return undefined;
  const expected = height * (width * channels + 1);
  let raw: Buffer;
  try {
    const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
    raw = inflateRawSync(idat, { maxOutputLength: expected });
  } catch {
    return undefined;
  }
  const pixels = unfilter(raw, width, height, channels);
  if (!pixels) return undefined;
  for (let at = 0; at < pixels.length; at += channels) {
    const blue = pixels.readUInt8(at);
    pixels[at] = pixels.readUInt8(at + 2);
    pixels[at + 2] = blue;
    if (channels === 4) {
      const alpha = pixels.readUInt8(at + 3);
      for (let c = 0; c < 3; c++)
        pixels[at + c] =
          alpha === 0 ? 0 : Math.min(255, Math.round((pixels.readUInt8(at + c) * 255) / alpha));
    }
  }
  return encodePng(width, height, channels, pixels);
}
