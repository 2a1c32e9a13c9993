import { setTimeout as delay } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import type request from 'supertest';

export interface ReportOptions {
  version?: string;
  channel?: string;
  platform?: string;
  arch?: string;
  type?: string;
  reason?: string;
  /** Sent as FaynoSync's SDK sends details: JSON, gzip, base64. */
  details?: unknown;
}

/** The body FaynoSync's JS SDK posts to /reports/ingest (its own test's defaults). */
export function reportBody(appName: string, options: ReportOptions = {}) {
  return {
    application: {
      name: appName,
      version: options.version ?? '0.0.0.5',
      channel: options.channel ?? 'nightly',
    },
    system: { platform: options.platform ?? 'darwin', arch: options.arch ?? 'arm64' },
    event: { type: options.type ?? 'crash', reason: options.reason ?? 'segfault.signal-11' },
    details:
      options.details === undefined
        ? undefined
        : {
            encoding: 'gzip+base64',
            content_type: 'application/json',
            payload: gzipSync(JSON.stringify(options.details)).toString('base64'),
          },
  };
}

/** A supertest parser that keeps the body as bytes. */
export function binaryBody(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (err) => done(err, Buffer.alloc(0)));
}

/**
 * Rate limits count in fixed windows aligned to the clock. A test that fills a window first waits out one that is
 * about to end, so its requests all fall into one window.
 */
export async function waitForRoomInWindow(windowSeconds: number, roomMs = 5_000): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < roomMs) await delay(left + 50);
}
