import { InvalidKeyError } from './types.js';

/** S3's limit; applied to both drivers so a key that works locally also works on a bucket. */
export const MAX_KEY_BYTES = 1024;
/**
 * A segment is a file name in the local driver, whose metadata sidecar `.<segment>.meta.json` must fit in the 255
 * bytes a file name may have on common file systems; applied to both drivers for the same reason as MAX_KEY_BYTES.
 */
export const MAX_SEGMENT_BYTES = 255 - '.'.length - '.meta.json'.length;

function segmentProblem(segment: string): string | undefined {
  if (segment === '') return 'it has an empty segment';
  if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
    return `a segment is longer than ${MAX_SEGMENT_BYTES} bytes`;
  if (segment.startsWith('.')) return 'a segment starts with "."';
  if (segment.includes('\\')) return 'it contains a backslash';
  if (segment.includes('\0')) return 'it contains a NUL character';
  return undefined;
}

function reject(what: string, value: string, problem: string): never {
  throw new InvalidKeyError(`invalid object ${what} ${JSON.stringify(value)}: ${problem}`);
}

/**
 * Keys become file paths in the local driver, so anything that could climb out of the root or name a hidden
 * file is refused here, once for both drivers. A segment may not start with "." at all, which rules out "." and
 * "..", and keeps the local driver's own files (".tmp/", ".<name>.meta.json" sidecars) unreachable.
 */
export function assertValidKey(key: string): void {
  if (key === '') reject('key', key, 'it is empty');
  if (key.startsWith('/')) reject('key', key, 'it is absolute');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) reject('key', key, `it is longer than ${MAX_KEY_BYTES} bytes`);
  for (const segment of key.split('/')) {
    const problem = segmentProblem(segment);
    if (problem) reject('key', key, problem);
  }
}

/** A list prefix is a key whose last segment may be partial or empty (`acme/app/` or `acme/ap`), or nothing. */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  if (prefix.startsWith('/')) reject('prefix', prefix, 'it is absolute');
  const segments = prefix.split('/');
  const last = segments.pop() ?? '';
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem) reject('prefix', prefix, problem);
  }
  const problem = last === '' ? undefined : segmentProblem(last);
  if (problem) reject('prefix', prefix, problem);
}

/** The last segment of a key: the file name a download gets when no other name is asked for. */
export function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** Each segment percent-encoded, the slashes kept: the path of the object in a URL. */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
