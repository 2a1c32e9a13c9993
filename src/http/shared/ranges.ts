import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fresh from 'fresh';
import rangeParser from 'range-parser';
import type { ByteRange, StoredFile } from '../../core/stored-files.js';

/**
 * A Range header naming more ranges than this is ignored and the whole object sent, as RFC 9110 §14.2 allows: a
 * long list of ranges is the mark of a broken client or of a denial-of-service attempt.
 */
const MAX_RANGES = 64;
/** After overlapping and adjacent ranges are merged, at most this many parts go into one multipart answer. */
const MAX_PARTS = 16;
const RANGE_SPEC = /^\s*(\d*)\s*-\s*(\d*)\s*$/;

export type RangeRequest =
  | { type: 'whole' }
  | { type: 'ranges'; ranges: ByteRange[] }
  | { type: 'unsatisfiable' };

/**
 * Reads `Range: bytes=…` (RFC 9110 §14.1.2) against an object of `size` bytes. A header that is malformed or in
 * another unit asks for the whole object, as the RFC says to treat it. Overlapping and adjacent ranges are merged
 * (range-parser's `combine`), so a part is never sent twice; a request whose ranges add up to more bytes than the
 * object has, or that would still need more than MAX_PARTS parts, is answered with the whole object once (§14.2
 * lets a server ignore such a Range), so one small request can never make us send more than the file. Ranges that
 * end past the object are cut to its end; ranges that start past it are dropped, and only when none is left is the
 * request unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  const match = header === undefined ? null : /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return { type: 'whole' };
  const specs = (match[1] ?? '').split(',').filter((spec) => spec.trim() !== '');
  if (specs.length === 0 || specs.length > MAX_RANGES) return { type: 'whole' };
  // range-parser skips a spec whose end is before its start; the RFC calls the whole header invalid then.
  for (const spec of specs) {
    const parts = RANGE_SPEC.exec(spec);
    const first = parts?.[1] ?? '';
    const last = parts?.[2] ?? '';
    if (!parts || (first === '' && last === '')) return { type: 'whole' };
    if (first !== '' && last !== '' && Number(last) < Number(first)) return { type: 'whole' };
  }
  const normalised = `bytes=${specs.join(',')}`;
  const asked = rangeParser(size, normalised);
  if (asked === -2) return { type: 'whole' };
  if (asked === -1) return { type: 'unsatisfiable' };
  const askedBytes = asked.reduce((total, r) => total + (r.end - r.start + 1), 0);
  if (askedBytes > size) return { type: 'whole' };
  const merged = rangeParser(size, normalised, { combine: true }) as rangeParser.Ranges;
  if (merged.length > MAX_PARTS) return { type: 'whole' };
  return { type: 'ranges', ranges: merged.map(({ start, end }) => ({ start, end })) };
}

/** HTTP dates have whole seconds; compare at that precision or a just-written file never counts as unmodified. */
function lastModifiedSeconds(object: StoredFile): number {
  return Math.floor(object.lastModified.getTime() / 1000) * 1000;
}

/** If-Range: resume only the same version of the object, otherwise send it whole (strong comparison). */
function rangeStillApplies(req: IncomingMessage, object: StoredFile): boolean {
  const ifRange = req.headers['if-range'];
  if (ifRange === undefined) return true;
  if (typeof ifRange !== 'string') return false;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === object.etag;
  return Date.parse(ifRange) === lastModifiedSeconds(object);
}

interface Piece {
  /** Bytes written before the range: the part header of a multipart/byteranges body. */
  before: string;
  range: ByteRange | undefined;
}

/**
 * Answers GET or HEAD for an object: 304 on a matching If-None-Match / If-Modified-Since, 206 for one range,
 * 206 multipart/byteranges for several (streamed part by part), 416 for ranges outside the object, else 200.
 * Errors from `open` before anything was sent are thrown for the caller to answer (e.g. a 404 when the object
 * vanished after it was looked up).
 */
export async function sendObject(
  req: IncomingMessage,
  res: ServerResponse,
  object: StoredFile,
): Promise<void> {
  const common = {
    ETag: object.etag,
    'Last-Modified': object.lastModified.toUTCString(),
    'Accept-Ranges': 'bytes',
    ...object.headers,
  };
  if (fresh(req.headers, { etag: common.ETag, 'last-modified': common['Last-Modified'] })) {
    res.writeHead(304, common).end();
    return;
  }
  const contentType = object.contentType ?? 'application/octet-stream';
  const wanted: RangeRequest = rangeStillApplies(req, object)
    ? parseRange(req.headers.range, object.size)
    : { type: 'whole' };

  if (wanted.type === 'unsatisfiable') {
    const body = JSON.stringify({
      error: `the requested range is outside the file, which is ${object.size} bytes long: ask for a range within it or drop the Range header`,
    });
    res
      .writeHead(416, {
        'Accept-Ranges': 'bytes',
        'Content-Range': `bytes */${object.size}`,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      })
      .end(body);
    return;
  }

  let status: number;
  let headers: Record<string, string | number>;
  let pieces: Piece[];
  let after = '';
  if (wanted.type === 'whole') {
    status = 200;
    headers = { 'Content-Type': contentType, 'Content-Length': object.size };
    pieces = [{ before: '', range: undefined }];
  } else if (wanted.ranges.length === 1) {
    const [range] = wanted.ranges as [ByteRange];
    status = 206;
    headers = {
      'Content-Type': contentType,
      'Content-Length': range.end - range.start + 1,
      'Content-Range': `bytes ${range.start}-${range.end}/${object.size}`,
    };
    pieces = [{ before: '', range }];
  } else {
    const boundary = randomBytes(16).toString('hex');
    pieces = wanted.ranges.map((range, i) => ({
      before: `${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${range.start}-${range.end}/${object.size}\r\n\r\n`,
      range,
    }));
    after = `\r\n--${boundary}--\r\n`;
    status = 206;
    headers = {
      'Content-Type': `multipart/byteranges; boundary=${boundary}`,
      'Content-Length': pieces.reduce(
        (total, { before, range }) =>
          total + Buffer.byteLength(before) + (range ? range.end - range.start + 1 : 0),
        Buffer.byteLength(after),
      ),
    };
  }

  if (req.method === 'HEAD') {
    res.writeHead(status, { ...common, ...headers }).end();
    return;
  }
  // The first part is opened before the status goes out, so a missing object can still be answered with a 404.
  let next: Readable | undefined = await object.open(pieces[0]?.range);
  res.writeHead(status, { ...common, ...headers });
  try {
    for (const piece of pieces) {
      const body: Readable = next ?? (await object.open(piece.range));
      next = undefined;
      if (piece.before) res.write(piece.before);
      await pipeline(body, res, { end: false });
    }
    res.end(after);
  } catch {
    // The status line is gone: the only honest signal left is a cut connection, so the client does not take a
    // short body for the whole file. A client that hung up ends here too.
    next?.destroy();
    res.destroy();
  }
}
