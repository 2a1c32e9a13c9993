/**
 * Encoders for Android's compiled formats (ResourceTypes.h), written from the format, for the fields Updraft
 * reads: a binary AndroidManifest.xml and a resources.arsc with strings and file references per configuration.
 */

function chunk(type: number, header: Buffer, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(8 + header.length, 2);
  head.writeUInt32LE(8 + header.length + body.length, 4);
  return Buffer.concat([head, header, body]);
}

function u32(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => {
    b.writeUInt32LE(v >>> 0, i * 4);
  });
  return b;
}

function pad4(b: Buffer): Buffer {
  return b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);
}

function length8(n: number): Buffer {
  return n < 0x80 ? Buffer.from([n]) : Buffer.from([0x80 | (n >> 8), n & 0xff]);
}

function length16(n: number): Buffer {
  if (n < 0x8000) return Buffer.from([n & 0xff, n >> 8]);
  const b = Buffer.alloc(4);
  b.writeUInt16LE(0x8000 | (n >> 16), 0);
  b.writeUInt16LE(n & 0xffff, 2);
  return b;
}

export type PoolEncoding = 'utf8' | 'utf16';

/** A ResStringPool in either encoding (aapt writes UTF-8 for resources, both appear in manifests). */
export function stringPool(strings: string[], encoding: PoolEncoding): Buffer {
  const data = strings.map((s) => {
    if (encoding === 'utf8') {
      const bytes = Buffer.from(s, 'utf8');
      return Buffer.concat([length8(s.length), length8(bytes.length), bytes, Buffer.from([0])]);
    }
    return Buffer.concat([length16(s.length), Buffer.from(s, 'utf16le'), Buffer.alloc(2)]);
  });
  const offsets: number[] = [];
  let at = 0;
  for (const d of data) {
    offsets.push(at);
    at += d.length;
  }
  const header = u32(strings.length, 0, encoding === 'utf8' ? 1 << 8 : 0, 28 + strings.length * 4, 0);
  return chunk(0x0001, header, pad4(Buffer.concat([u32(...offsets), ...data])));
}

const TYPE = { reference: 0x01, string: 0x03, intDec: 0x10 } as const;

function resValue(type: number, data: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16LE(8, 0);
  b.writeUInt8(type, 3);
  b.writeUInt32LE(data >>> 0, 4);
  return b;
}

export type ManifestValue = { string: string } | { int: number } | { ref: number };

export interface ManifestAttr {
  /** In the android namespace, with its framework resource id (the id is what Android matches). */
  android?: { id: number };
  name: string;
  value: ManifestValue;
}

export interface ManifestNode {
  tag: string;
  attrs: ManifestAttr[];
  children?: ManifestNode[];
}

const ANDROID_NS = 'http://schemas.android.com/apk/res/android';

/** The android: attribute ids (android.R.attr) a manifest uses. */
export const ANDROID_ATTR = {
  label: 0x01010001,
  icon: 0x01010002,
  minSdkVersion: 0x0101020c,
  versionCode: 0x0101021b,
  versionName: 0x0101021c,
  targetSdkVersion: 0x01010270,
} as const;

/** A binary AndroidManifest.xml. `blankNames` empties the attribute names as shrinkers do, leaving only the ids. */
export function binaryManifest(
  root: ManifestNode,
  options: { encoding: PoolEncoding; blankNames?: boolean },
): Buffer {
  // Attribute names with ids come first: the resource map pairs string index i with id i.
  const idNames: { name: string; id: number }[] = [];
  const collect = (node: ManifestNode) => {
    for (const a of node.attrs)
      if (a.android && !idNames.some((n) => n.id === a.android?.id))
        idNames.push({ name: a.name, id: a.android.id });
    node.children?.forEach(collect);
  };
  collect(root);
  const strings = idNames.map((n) => (options.blankNames ? '' : n.name));
  const index = (s: string) => {
    const found = strings.indexOf(s, idNames.length);
    if (found >= 0) return found;
    strings.push(s);
    return strings.length - 1;
  };
  const nameIndex = (a: ManifestAttr) =>
    a.android ? idNames.findIndex((n) => n.id === a.android?.id) : index(a.name);
  const nsUri = index(ANDROID_NS);
  const nsPrefix = index('android');
  const node16 = (line: number) => u32(line, 0xffffffff);
  const body: Buffer[] = [chunk(0x0100, node16(1), u32(nsPrefix, nsUri))];
  const emit = (node: ManifestNode) => {
    const attrs = node.attrs.map((a) => {
      const raw = 'string' in a.value ? index(a.value.string) : 0xffffffff;
      const value =
        'string' in a.value
          ? resValue(TYPE.string, raw)
          : 'int' in a.value
            ? resValue(TYPE.intDec, a.value.int)
            : resValue(TYPE.reference, a.value.ref);
      return Buffer.concat([u32(a.android ? nsUri : 0xffffffff, nameIndex(a), raw), value]);
    });
    const ext = Buffer.alloc(20);
    ext.writeUInt32LE(0xffffffff, 0);
    ext.writeUInt32LE(index(node.tag), 4);
    ext.writeUInt16LE(20, 8);
    ext.writeUInt16LE(20, 10);
    ext.writeUInt16LE(attrs.length, 12);
    body.push(chunk(0x0102, node16(1), Buffer.concat([ext, ...attrs])));
    node.children?.forEach(emit);
    body.push(chunk(0x0103, node16(1), u32(0xffffffff, index(node.tag))));
  };
  emit(root);
  body.push(chunk(0x0101, node16(1), u32(nsPrefix, nsUri)));
  const pool = stringPool(strings, options.encoding);
  const resourceMap = chunk(0x0180, Buffer.alloc(0), u32(...idNames.map((n) => n.id)));
  return chunk(0x0003, Buffer.alloc(0), Buffer.concat([pool, resourceMap, ...body]));
}

export interface ResConfigSpec {
  language?: string;
  density?: number;
}

export interface ResourceSpec {
  type: 'string' | 'mipmap' | 'drawable';
  name: string;
  values: { config?: ResConfigSpec; string?: string; ref?: number }[];
}

/** Resource ids aapt would give: package 0x7f, type index + 1, entry index. */
export function resourceIds(resources: ResourceSpec[]): Map<string, number> {
  const types = [...new Set(resources.map((r) => r.type))];
  const ids = new Map<string, number>();
  for (const type of types) {
    const ofType = resources.filter((r) => r.type === type);
    ofType.forEach((r, i) => {
      ids.set(`${type}/${r.name}`, (0x7f << 24) | ((types.indexOf(type) + 1) << 16) | i);
    });
  }
  return ids;
}

function config(spec: ResConfigSpec): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32LE(64, 0);
  if (spec.language) b.write(spec.language, 8, 'latin1');
  b.writeUInt16LE(spec.density ?? 0, 14);
  return b;
}

/** How a type chunk lists its entries: a u32 offset each, a u16 offset each (/4), or only the present ones as (index, offset/4) pairs. */
export type EntryLayout = 'dense' | 'offset16' | 'sparse';

const NO_ENTRY = 0xffffffff;
const TYPE_FLAGS: Record<EntryLayout, number> = { dense: 0, sparse: 0x01, offset16: 0x02 };

function entryTable(offsets: number[], layout: EntryLayout): Buffer {
  if (layout === 'dense') return u32(...offsets);
  const pairs = layout === 'sparse' ? offsets.flatMap((o, i) => (o === NO_ENTRY ? [] : [i, o / 4])) : [];
  const units = layout === 'sparse' ? pairs : offsets.map((o) => (o === NO_ENTRY ? 0xffff : o / 4));
  const b = Buffer.alloc(units.length * 2);
  units.forEach((unit, i) => {
    b.writeUInt16LE(unit, i * 2);
  });
  return pad4(b);
}

const configKey = (c: ResConfigSpec = {}) => `${c.language ?? ''}|${c.density ?? 0}`;

/** A resources.arsc with one package (0x7f): a global string pool, type and key pools, a type spec and one type chunk per configuration. */
export function resourceTable(
  resources: ResourceSpec[],
  encoding: PoolEncoding = 'utf8',
  layout: EntryLayout = 'dense',
): Buffer {
  const types = [...new Set(resources.map((r) => r.type))];
  const globals: string[] = [];
  const global = (s: string) => {
    const at = globals.indexOf(s);
    if (at >= 0) return at;
    globals.push(s);
    return globals.length - 1;
  };
  const keys = [...new Set(resources.map((r) => r.name))];
  const typeChunks: Buffer[] = [];
  types.forEach((type, t) => {
    const ofType = resources.filter((r) => r.type === type);
    typeChunks.push(
      chunk(
        0x0202,
        Buffer.concat([Buffer.from([t + 1, 0, 0, 0]), u32(ofType.length)]),
        u32(...ofType.map(() => 0)),
      ),
    );
    const configs = new Map<string, ResConfigSpec>();
    for (const r of ofType) for (const v of r.values) configs.set(configKey(v.config), v.config ?? {});
    for (const [key, spec] of configs) {
      const offsets: number[] = [];
      const entries: Buffer[] = [];
      let at = 0;
      for (const r of ofType) {
        const v = r.values.find((value) => configKey(value.config) === key);
        if (!v) {
          offsets.push(NO_ENTRY);
          continue;
        }
        const head = Buffer.alloc(8);
        head.writeUInt16LE(8, 0);
        head.writeUInt32LE(keys.indexOf(r.name), 4);
        const value =
          v.ref !== undefined
            ? resValue(TYPE.reference, v.ref)
            : resValue(TYPE.string, global(v.string ?? ''));
        offsets.push(at);
        entries.push(head, value);
        at += 16;
      }
      const table = entryTable(offsets, layout);
      const headerSize = 8 + 12 + 64;
      const header = Buffer.concat([
        Buffer.from([t + 1, TYPE_FLAGS[layout], 0, 0]),
        u32(
          layout === 'sparse' ? offsets.filter((o) => o !== NO_ENTRY).length : ofType.length,
          headerSize + table.length,
        ),
        config(spec),
      ]);
      typeChunks.push(chunk(0x0201, header, Buffer.concat([table, ...entries])));
    }
  });
  const typePool = stringPool(types, encoding);
  const keyPool = stringPool(keys, encoding);
  const name = Buffer.alloc(256);
  name.write('com.example', 0, 'utf16le');
  const packageHeaderSize = 288;
  const packageHeader = Buffer.concat([
    u32(0x7f),
    name,
    u32(packageHeaderSize, types.length, packageHeaderSize + typePool.length, keys.length, 0),
  ]);
  const pkg = chunk(0x0200, packageHeader, Buffer.concat([typePool, keyPool, ...typeChunks]));
  return chunk(0x0002, u32(1), Buffer.concat([stringPool(globals, encoding), pkg]));
}
