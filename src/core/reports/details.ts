import { createGunzip } from 'node:zlib';
import { DomainError, invalid } from '../errors.js';

export const DETAILS_ENCODING = 'gzip+base64';
export const DETAILS_CONTENT_TYPE = 'application/json';

export interface DetailsLimits {
  maxCompressedBytes: number;
  maxDecompressedBytes: number;
}

/** Checked details: the gzip bytes as sent (stored as they are) and how large they inflate. */
export interface DecodedDetails {
  compressed: Buffer;
  decompressedSize: number;
}

const tooLarge = (message: string) => new DomainError('too_large', message);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Output slice of one inflate step: the most that can be inflated past the limit before it is noticed. */
export const INFLATE_CHUNK_BYTES = 16 * 1024;

export type InflateOutcome = { ok: true; size: number } | { ok: false; inflatedBytes: number };

/**
 * Inflates `gzip` only to count its size, never holding the output, and stops as soon as the count passes `limit`:
 * a zip bomb costs at most `limit + INFLATE_CHUNK_BYTES` bytes of inflating, whatever it would expand to.
 * Rejects with the gzip error for data that is not gzip.
 */
export function inflatedSize(gzip: Buffer, limit: number): Promise<InflateOutcome> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK_BYTES });
    let size = 0;
    let settled = false;
    gunzip.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        gunzip.destroy();
        resolve({ ok: false, inflatedBytes: size });
      }
    });
    gunzip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ ok: true, size });
    });
    gunzip.on('error', (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
    gunzip.end(gzip);
  });
}

/**
 * Validates FaynoSync's `details` object `{"encoding":"gzip+base64","content_type":"application/json","payload"}`
 * within the limits: 400 for what is malformed, 413 for what is too large (checked before anything is decoded).
 */
export async function decodeDetails(value: unknown, limits: DetailsLimits): Promise<DecodedDetails> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(
      'details must be an object {"encoding":"gzip+base64","content_type":"application/json","payload":"…"}',
    );
  }
  const details = value as Record<string, unknown>;
  if (details.encoding !== DETAILS_ENCODING) {
    throw invalid(`unsupported details encoding: send "encoding":"${DETAILS_ENCODING}"`);
  }
  if (details.content_type !== DETAILS_CONTENT_TYPE) {
    throw invalid(`unsupported details content_type: send "content_type":"${DETAILS_CONTENT_TYPE}"`);
  }
  const payload = details.payload;
  if (typeof payload !== 'string' || payload === '') {
    throw invalid('details.payload is required: the gzip-compressed JSON, base64-encoded');
  }
  const compressedTooLarge = () =>
    tooLarge(`compressed details too large: at most ${limits.maxCompressedBytes} bytes of gzip`);
  // Refused by its length before a byte is decoded.
  if (payload.length > Math.ceil(limits.maxCompressedBytes / 3) * 4) throw compressedTooLarge();
  if (!BASE64.test(payload)) throw invalid('details.payload is not valid base64 (standard alphabet, padded)');
  const compressed = Buffer.from(payload, 'base64');
  if (compressed.length > limits.maxCompressedBytes) throw compressedTooLarge();
  let outcome: InflateOutcome;
  try {
    outcome = await inflatedSize(compressed, limits.maxDecompressedBytes);
  } catch {
    throw invalid('details.payload is not valid gzip: compress the JSON with gzip, then base64-encode it');
  }
  if (!outcome.ok) {
    throw tooLarge(`decompressed details too large: at most ${limits.maxDecompressedBytes} bytes of JSON`);
  }
  return { compressed, decompressedSize: outcome.size };
}
