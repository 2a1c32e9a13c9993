import { create } from 'content-disposition';

/**
 * `attachment` with the file name in both forms of RFC 6266: a plain-ASCII `filename` for old clients and, when
 * the name is not plain ASCII, the exact name as UTF-8 in `filename*`. The fallback replaces what old clients
 * mangle with `_` rather than the library's `?`, which Windows refuses in a file name.
 */
export function attachmentDisposition(fileName: string): string {
  return create(fileName, { fallback: fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_') });
}
