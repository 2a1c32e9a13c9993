import { parseError } from './package-error.js';

/**
 * The chunk format shared by Android's binary XML (AndroidManifest.xml) and resource table (resources.arsc), as
 * defined by ResourceTypes.h in the Android framework: every chunk starts with {type u16, headerSize u16, size u32}.
 */
export const CHUNK = {
  stringPool: 0x0001,
  table: 0x0002,
  xml: 0x0003,
  xmlStartElement: 0x0102,
  xmlEndElement: 0x0103,
  xmlResourceMap: 0x0180,
  tablePackage: 0x0200,
  tableType: 0x0201,
} as const;

/** Res_value data types this reader interprets. */
export const VALUE = {
  reference: 0x01,
  string: 0x03,
  intDec: 0x10,
  intHex: 0x11,
} as const;

export interface Chunk {
  type: number;
  headerSize: number;
  /** Offset of the chunk's first byte in the buffer. */
  start: number;
  end: number;
}

/** The chunk at `start`, checked to lie within `limit`; a damaged file gives a PARSE_ERROR naming `file`. */
export function chunkAt(buf: Buffer, start: number, limit: number, file: string): Chunk {
  if (start + 8 > limit) throw parseError(`${file} is damaged: a chunk header at byte ${start} is cut short`);
  const headerSize = buf.readUInt16LE(start + 2);
  const size = buf.readUInt32LE(start + 4);
  if (headerSize < 8 || size < headerSize || start + size > limit)
    throw parseError(
      `${file} is damaged: the chunk at byte ${start} claims ${size} bytes that are not there`,
    );
  return { type: buf.readUInt16LE(start), headerSize, start, end: start + size };
}

/** The chunks that follow one another from `start` to `end`. */
export function* chunksIn(buf: Buffer, start: number, end: number, file: string): Generator<Chunk> {
  let at = start;
  while (at < end) {
    const chunk = chunkAt(buf, at, end, file);
    yield chunk;
    at = chunk.end;
  }
}

const UTF8_FLAG = 1 << 8;

/** A ResStringPool, decoded one string at a time (the pool of a large app's resources.arsc holds 100,000). */
export class StringPool {
  private readonly count: number;
  private readonly utf8: boolean;
  private readonly offsets: number;
  private readonly strings: number;
  private readonly cache = new Map<number, string>();

  constructor(
    private readonly buf: Buffer,
    private readonly chunk: Chunk,
    private readonly file: string,
  ) {
    if (chunk.type !== CHUNK.stringPool || chunk.headerSize < 28)
      throw parseError(`${file} is damaged: a string pool was expected at byte ${chunk.start}`);
    this.count = buf.readUInt32LE(chunk.start + 8);
    this.utf8 = (buf.readUInt32LE(chunk.start + 16) & UTF8_FLAG) !== 0;
    this.offsets = chunk.start + chunk.headerSize;
    this.strings = chunk.start + buf.readUInt32LE(chunk.start + 20);
    if (this.offsets + this.count * 4 > chunk.end || this.strings > chunk.end)
      throw parseError(`${file} is damaged: its string pool at byte ${chunk.start} is cut short`);
  }

  get(index: number): string | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const cached = this.cache.get(index);
    if (cached !== undefined) return cached;
    const at = this.strings + this.buf.readUInt32LE(this.offsets + index * 4);
    const value = this.utf8 ? this.readUtf8(at) : this.readUtf16(at);
    this.cache.set(index, value);
    return value;
  }

  private need(at: number, bytes: number): void {
    if (at + bytes > this.chunk.end)
      throw parseError(`${this.file} is damaged: a string at byte ${at} runs past its pool`);
  }

  /** UTF-8 strings: their length in UTF-16 units, then in bytes, each in one byte or two (high bit set). */
  private readUtf8(at: number): string {
    const length = (pos: number): [number, number] => {
      this.need(pos, 1);
      const first = this.buf.readUInt8(pos);
      if ((first & 0x80) === 0) return [first, pos + 1];
      this.need(pos, 2);
      return [((first & 0x7f) << 8) | this.buf.readUInt8(pos + 1), pos + 2];
    };
    const [, afterChars] = length(at);
    const [bytes, start] = length(afterChars);
    this.need(start, bytes);
    return this.buf.toString('utf8', start, start + bytes);
  }

  /** UTF-16 strings: their length in one u16, or two with the high bit set, then the code units. */
  private readUtf16(at: number): string {
    this.need(at, 2);
    let units = this.buf.readUInt16LE(at);
    let start = at + 2;
    if (units & 0x8000) {
      this.need(at, 4);
      units = ((units & 0x7fff) << 16) | this.buf.readUInt16LE(at + 2);
      start = at + 4;
    }
    this.need(start, units * 2);
    return this.buf.toString('utf16le', start, start + units * 2);
  }
}

/** A typed value (Res_value: size u16, res0 u8, dataType u8, data u32) as found in both files. */
export interface ResValue {
  type: number;
  data: number;
}

export function readValue(buf: Buffer, at: number, limit: number, file: string): ResValue {
  if (at + 8 > limit) throw parseError(`${file} is damaged: a value at byte ${at} is cut short`);
  return { type: buf.readUInt8(at + 3), data: buf.readUInt32LE(at + 4) };
}
