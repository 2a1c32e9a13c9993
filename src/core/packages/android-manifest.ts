import { CHUNK, chunkAt, chunksIn, type ResValue, readValue, StringPool, VALUE } from './android-chunks.js';
import { parseError } from './package-error.js';

const FILE = 'AndroidManifest.xml';

/** An attribute of the binary manifest: its name, the framework resource id of that name, and its value. */
export interface ManifestAttribute {
  name: string;
  /** 0x0101xxxx for `android:` attributes; shrunk APKs blank the names, so the id is what identifies them. */
  nameId: number | undefined;
  value: ResValue;
  /** The value as written, when the manifest keeps it as a string. */
  text: string | undefined;
}

export interface ManifestElement {
  name: string;
  depth: number;
  attributes: ManifestAttribute[];
}

/** The start tags of a binary AndroidManifest.xml (AXML), in document order: all the fields we need live there. */
export function readManifest(buf: Buffer): ManifestElement[] {
  const root = chunkAt(buf, 0, buf.length, FILE);
  if (root.type !== CHUNK.xml) throw parseError(`${FILE} is not a compiled (binary) manifest`);
  let pool: StringPool | undefined;
  let resourceIds: number[] = [];
  const elements: ManifestElement[] = [];
  let depth = 0;
  for (const chunk of chunksIn(buf, root.start + root.headerSize, root.end, FILE)) {
    if (chunk.type === CHUNK.stringPool) pool = new StringPool(buf, chunk, FILE);
    else if (chunk.type === CHUNK.xmlResourceMap) {
      resourceIds = [];
      for (let at = chunk.start + chunk.headerSize; at + 4 <= chunk.end; at += 4)
        resourceIds.push(buf.readUInt32LE(at));
    } else if (chunk.type === CHUNK.xmlStartElement) {
      if (!pool) throw parseError(`${FILE} is damaged: an element comes before the string pool`);
      elements.push(readElement(buf, chunk.start + chunk.headerSize, chunk.end, pool, resourceIds, depth));
      depth++;
    } else if (chunk.type === CHUNK.xmlEndElement) depth--;
  }
  return elements;
}

/** ResXMLTree_attrExt: ns, name, attributeStart u16, attributeSize u16, attributeCount u16, … */
function readElement(
  buf: Buffer,
  at: number,
  end: number,
  pool: StringPool,
  resourceIds: number[],
  depth: number,
): ManifestElement {
  if (at + 20 > end) throw parseError(`${FILE} is damaged: an element at byte ${at} is cut short`);
  const name = pool.get(buf.readUInt32LE(at + 4)) ?? '';
  const attributeStart = buf.readUInt16LE(at + 8);
  const attributeSize = buf.readUInt16LE(at + 10);
  const attributeCount = buf.readUInt16LE(at + 12);
  if (attributeSize < 20)
    throw parseError(`${FILE} is damaged: the element <${name}> has malformed attributes`);
  const attributes: ManifestAttribute[] = [];
  for (let i = 0; i < attributeCount; i++) {
    const attr = at + attributeStart + i * attributeSize;
    if (attr + 20 > end) throw parseError(`${FILE} is damaged: the attributes of <${name}> are cut short`);
    const nameIndex = buf.readUInt32LE(attr + 4);
    const raw = buf.readUInt32LE(attr + 8);
    const value = readValue(buf, attr + 12, end, FILE);
    attributes.push({
      name: pool.get(nameIndex) ?? '',
      nameId: resourceIds[nameIndex],
      value,
      text:
        value.type === VALUE.string ? pool.get(value.data) : raw === 0xffffffff ? undefined : pool.get(raw),
    });
  }
  return { name, depth, attributes };
}

/** Framework ids of the `android:` attributes we read (android.R.attr). */
const ATTR = {
  label: 0x01010001,
  icon: 0x01010002,
  minSdkVersion: 0x0101020c,
  versionCode: 0x0101021b,
  versionName: 0x0101021c,
  targetSdkVersion: 0x01010270,
  roundIcon: 0x0101052c,
} as const;

export function attribute(element: ManifestElement | undefined, name: keyof typeof ATTR | 'package') {
  if (!element) return undefined;
  const id = name === 'package' ? undefined : ATTR[name];
  return element.attributes.find((a) => (id !== undefined && a.nameId === id) || a.name === name);
}
