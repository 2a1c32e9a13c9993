import { type PlistValue, parse, parseBinary } from 'plist';
import { parseError } from './package-error.js';

export type PlistDict = { [key: string]: PlistValue };

/** An Info.plist or a profile's plist, XML or binary (Xcode ships Info.plist as binary `bplist00`). */
export function readPropertyList(bytes: Buffer, file: string): PlistDict {
  let value: PlistValue;
  try {
    value =
      bytes.toString('latin1', 0, 8) === 'bplist00'
        ? parseBinary(new Uint8Array(bytes))
        : parse(bytes.toString('utf8'));
  } catch (err) {
    throw parseError(`${file} is not a readable property list (${(err as Error).message})`);
  }
  if (!isDict(value)) throw parseError(`${file} does not hold a dictionary`);
  return value;
}

export function isDict(value: PlistValue | undefined): value is PlistDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

export function stringOf(value: PlistValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function stringsOf(value: PlistValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
