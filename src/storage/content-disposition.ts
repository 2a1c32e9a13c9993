/** Characters RFC 5987 lets through unencoded in `filename*`; encodeURIComponent also leaves `'()*` alone. */
const NOT_ATTR_CHAR = /['()*]/g;

/**
 * `attachment` with the file name in both forms of RFC 6266: a plain-ASCII `filename` for old clients and,
 * when the name is not plain ASCII, the exact name as UTF-8 in `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const header = `attachment; filename="${fallback}"`;
  if (fallback === fileName) return header;
  const encoded = encodeURIComponent(fileName).replace(
    NOT_ATTR_CHAR,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${header}; filename*=UTF-8''${encoded}`;
}
