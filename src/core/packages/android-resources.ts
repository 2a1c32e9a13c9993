import {
  CHUNK,
  type Chunk,
  chunkAt,
  chunksIn,
  type ResValue,
  readValue,
  StringPool,
} from './android-chunks.js';
import { parseError } from './package-error.js';

const FILE = 'resources.arsc';

/** The configuration a value applies to, reduced to what choosing a label and an icon needs. */
export interface ResConfig {
  /** Two-letter language, '' for the default. */
  language: string;
  /** Screen density in dpi; 0 for the default, 0xfffe for anydpi, 0xffff for nodpi. */
  density: number;
}

export interface ResEntry {
  config: ResConfig;
  value: ResValue;
}

// ResTable_type flags and ResTable_entry flags (ResourceTypes.h).
const TYPE_SPARSE = 0x01;
const TYPE_OFFSET16 = 0x02;
const ENTRY_COMPLEX = 0x0001;
const ENTRY_COMPACT = 0x0008;
const NO_ENTRY = 0xffffffff;

/**
 * A compiled resource table, read just far enough to look up one resource id in every configuration: the values
 * of `@string/app_name` per language, the files of `@mipmap/ic_launcher` per density.
 */
export class ResourceTable {
  readonly strings: StringPool;
  private readonly types = new Map<number, Chunk[]>();

  constructor(private readonly buf: Buffer) {
    const root = chunkAt(buf, 0, buf.length, FILE);
    if (root.type !== CHUNK.table) throw parseError(`${FILE} is not a compiled resource table`);
    let strings: StringPool | undefined;
    for (const chunk of chunksIn(buf, root.start + root.headerSize, root.end, FILE)) {
      if (chunk.type === CHUNK.stringPool && !strings) strings = new StringPool(buf, chunk, FILE);
      else if (chunk.type === CHUNK.tablePackage) this.indexPackage(chunk);
    }
    if (!strings) throw parseError(`${FILE} is damaged: it has no value string pool`);
    this.strings = strings;
  }

  /** ResTable_package: id u32, name u16[128], then its type and key string pools and its type chunks. */
  private indexPackage(pkg: Chunk): void {
    const packageId = this.buf.readUInt32LE(pkg.start + 8);
    for (const chunk of chunksIn(this.buf, pkg.start + pkg.headerSize, pkg.end, FILE)) {
      if (chunk.type !== CHUNK.tableType || chunk.headerSize < 36) continue;
      const key = (packageId << 8) | this.buf.readUInt8(chunk.start + 8);
      const list = this.types.get(key) ?? [];
      list.push(chunk);
      this.types.set(key, list);
    }
  }

  /** Every configuration's value of a resource id (0xPPTTEEEE); complex (bag) values are skipped. */
  lookup(id: number): ResEntry[] {
    const chunks = this.types.get(((id >>> 24) << 8) | ((id >>> 16) & 0xff)) ?? [];
    const index = id & 0xffff;
    const found: ResEntry[] = [];
    for (const chunk of chunks) {
      const offset = this.entryOffset(chunk, index);
      if (offset === undefined) continue;
      const value = this.entryValue(chunk, offset);
      if (value) found.push({ config: this.config(chunk), value });
    }
    return found;
  }

  /** ResTable_type: id u8, flags u8, reserved u16, entryCount u32, entriesStart u32, config; then the offsets. */
  private entryOffset(chunk: Chunk, index: number): number | undefined {
    const buf = this.buf;
    const flags = buf.readUInt8(chunk.start + 9);
    const count = buf.readUInt32LE(chunk.start + 12);
    const table = chunk.start + chunk.headerSize;
    let offset: number | undefined;
    if (flags & TYPE_SPARSE) {
      for (let i = 0; i < count && table + i * 4 + 4 <= chunk.end; i++) {
        if (buf.readUInt16LE(table + i * 4) === index) {
          offset = buf.readUInt16LE(table + i * 4 + 2) * 4;
          break;
        }
      }
    } else if (index < count) {
      const width = flags & TYPE_OFFSET16 ? 2 : 4;
      if (table + (index + 1) * width > chunk.end)
        throw parseError(`${FILE} is damaged: an entry table is cut short`);
      const raw = width === 2 ? buf.readUInt16LE(table + index * 2) : buf.readUInt32LE(table + index * 4);
      if (width === 2 ? raw !== 0xffff : raw !== NO_ENTRY) offset = width === 2 ? raw * 4 : raw;
    }
    return offset === undefined ? undefined : chunk.start + buf.readUInt32LE(chunk.start + 16) + offset;
  }

  /** ResTable_entry: size u16, flags u16, key u32, then a Res_value; compact entries hold the value inline. */
  private entryValue(chunk: Chunk, at: number): ResValue | undefined {
    if (at + 8 > chunk.end) throw parseError(`${FILE} is damaged: an entry at byte ${at} is cut short`);
    const size = this.buf.readUInt16LE(at);
    const flags = this.buf.readUInt16LE(at + 2);
    if (flags & ENTRY_COMPACT) return { type: flags >>> 8, data: this.buf.readUInt32LE(at + 4) };
    if (flags & ENTRY_COMPLEX) return undefined;
    return readValue(this.buf, at + size, chunk.end, FILE);
  }

  /** ResTable_config: size u32, mcc u16, mnc u16, language char[2], country char[2], orientation, touchscreen, density u16. */
  private config(chunk: Chunk): ResConfig {
    const at = chunk.start + 20;
    const language = this.buf.readUInt8(at + 8) === 0 ? '' : this.buf.toString('latin1', at + 8, at + 10);
    return { language, density: this.buf.readUInt16LE(at + 14) };
  }
}
