import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { Config } from '../../config.js';

type Timeouts = Pick<Config, 'headersTimeoutSeconds' | 'bodyIdleTimeoutSeconds' | 'keepAliveTimeoutSeconds'>;

/**
 * The HTTP server with the slow-client limits of `config`. Node's own `requestTimeout` counts the whole request, so
 * it stays off (a 2 GB upload on a slow link may take hours); bodies are limited by inactivity instead (see
 * `closeStalledBodies`). Headers and idle keep-alive connections use Node's timers, checked often enough that a short
 * configured timeout is honoured (Node checks every 30 s by default).
 */
export function createHttpServer(listener: RequestListener, config: Timeouts): Server {
  const headersMs = config.headersTimeoutSeconds * 1000;
  return createServer(
    {
      requestTimeout: 0,
      headersTimeout: headersMs,
      keepAliveTimeout: config.keepAliveTimeoutSeconds * 1000,
      connectionsCheckingInterval: Math.min(5000, Math.max(250, headersMs / 4)),
    },
    closeStalledBodies(listener, config.bodyIdleTimeoutSeconds * 1000),
  );
}

/**
 * While a request's body is arriving, its socket gets an inactivity timeout: every byte read (or written) restarts
 * it, and when it fires with no listener Node's server destroys the socket. It is lifted once the body has been read,
 * so the work after an upload (hashing, promoting to storage) is not cut short. Requests that declare no body (the
 * hot path's GETs) are left alone.
 */
export function closeStalledBodies(listener: RequestListener, idleMs: number): RequestListener {
  return (req, res) => {
    if (hasBody(req)) {
      const socket = req.socket;
      socket.setTimeout(idleMs);
      req.once('end', () => socket.setTimeout(0));
    }
    listener(req, res);
  };
}

/** Read from rawHeaders: touching `req.headers` builds an object of every header, a cost the hot path avoids. */
function hasBody(req: IncomingMessage): boolean {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (name.length === 17 && name.toLowerCase() === 'transfer-encoding') return true;
    if (name.length === 14 && name.toLowerCase() === 'content-length' && raw[i + 1] !== '0') return true;
  }
  return false;
}
