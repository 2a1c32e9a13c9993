import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../config-error.js';

/** A MongoDB document as mongoexport wrote it, with Extended JSON decoded: ObjectIds as hex, dates as Date. */
export type MongoDoc = Record<string, unknown>;

/** An export or source the importer cannot read: the command stops with this one line. */
export class ImportError extends ConfigError {}

/**
 * Extended JSON v2 (relaxed, mongoexport's default, or canonical): `{"$oid"}` becomes its hex string,
 * `{"$date"}` a Date, `{"$numberLong"}` and friends a number. Anything else stays as it is.
 */
export function decodeExtendedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeExtendedJson);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, inner] = entries[0] as [string, unknown];
    if (key === '$oid' && typeof inner === 'string') return inner.toLowerCase();
    if (key === '$date') return decodeDate(inner);
    if (['$numberLong', '$numberInt', '$numberDouble', '$numberDecimal'].includes(key)) return Number(inner);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, decodeExtendedJson(v)]));
}

function decodeDate(value: unknown): Date | undefined {
  const decoded = decodeExtendedJson(value);
  if (typeof decoded !== 'string' && typeof decoded !== 'number') return undefined;
  const date = new Date(decoded);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The documents of `<dir>/<collection>.json`, as JSON lines (mongoexport's default) or one JSON array
 * (`--jsonArray`); an empty list when the collection was not exported.
 */
export async function readCollection(dir: string, collection: string): Promise<MongoDoc[]> {
  const file = join(dir, `${collection}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const parse = (json: string, where: string): unknown => {
    try {
      return JSON.parse(json);
    } catch (err) {
      throw new ImportError(
        `${file}${where} is not JSON (${(err as Error).message}): export it with mongoexport`,
      );
    }
  };
  const docs = text.trimStart().startsWith('[')
    ? asArray(parse(text, ''), file)
    : text.split('\n').flatMap((line, i) => (line.trim() === '' ? [] : [parse(line, ` line ${i + 1}`)]));
  return docs.map((doc, i) => {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      throw new ImportError(`${file}: document ${i + 1} is not an object`);
    }
    return decodeExtendedJson(doc) as MongoDoc;
  });
}

function asArray(value: unknown, file: string): unknown[] {
  if (!Array.isArray(value)) throw new ImportError(`${file} is neither JSON lines nor a JSON array`);
  return value;
}
