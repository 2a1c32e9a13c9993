import express, { type RequestHandler } from 'express';

/**
 * JSON bodies for the management routes. FaynoSync's clients (and curl -d) do not always send
 * `Content-Type: application/json`, so anything but multipart is read as JSON, up to the configured limit.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  return express.json({
    limit: limitBytes,
    type: (req) => {
      const type = req.headers['content-type'] ?? '';
      return !type.startsWith('multipart/');
    },
  });
}
