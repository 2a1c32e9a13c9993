import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Sent with every answer of every face. Updraft serves JSON, feeds and files, never a page: nothing it sends may run
 * script, be framed or be sniffed into HTML (an uploaded file served as text/html included), and no URL of it (signed
 * links carry their signature in the query) leaks to another site through Referer.
 */
export const SECURITY_HEADERS: readonly string[] = [
  'X-Content-Type-Options',
  'nosniff',
  'Content-Security-Policy',
  "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy',
  'no-referrer',
];

/** Only on answers that came over HTTPS: over plain HTTP a browser ignores it, and a test setup must not be pinned. */
export const HSTS = ['Strict-Transport-Security', 'max-age=31536000'] as const;

/** Express's compiled `trust proxy` setting: whether the hop `i` (0: the peer) may be believed. */
export type TrustProxy = (address: string | undefined, hop: number) => boolean;

/**
 * Whether the client reached us over HTTPS: a TLS socket, or a trusted proxy's `X-Forwarded-Proto: https` (the
 * leftmost value, as Express reads it). Read from rawHeaders, for the hot path.
 */
export function overHttps(req: IncomingMessage, trust: TrustProxy): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (!trust(req.socket.remoteAddress, 0)) return false;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (name.length === 17 && name.toLowerCase() === 'x-forwarded-proto') {
      return (raw[i + 1] ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
    }
  }
  return false;
}

/** The Express side: the same headers on every answer, errors and 404s included. */
export const securityHeaders: RequestHandler = (req, res, next) => {
  for (let i = 0; i < SECURITY_HEADERS.length; i += 2) {
    res.setHeader(SECURITY_HEADERS[i] as string, SECURITY_HEADERS[i + 1] as string);
  }
  if (req.secure) res.setHeader(HSTS[0], HSTS[1]);
  next();
};
