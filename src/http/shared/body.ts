import type { RequestHandler } from 'express';
import { strictJson } from './text.js';

/**
 * JSON bodies for the management routes. FaynoSync's clients (and curl -d) do not always send
 * `Content-Type: application/json`, so anything but multipart is read as JSON, up to the configured limit (UTF-8,
 * without NULs: see strictJson).
 */
export function jsonBody(limitBytes: number): RequestHandler {
  return strictJson({
    limit: limitBytes,
    type: (req) => {
      const type = req.headers['content-type'] ?? '';
      return !type.startsWith('multipart/');
    },
  });
}
