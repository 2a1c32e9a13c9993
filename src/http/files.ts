import express, { type Request, type Response } from 'express';
import { attachmentDisposition } from '../storage/content-disposition.js';
import { assertValidKey, baseName } from '../storage/keys.js';
import type { LocalArtifactStore } from '../storage/local.js';
import {
  type ArtifactStore,
  InvalidKeyError,
  ObjectNotFoundError,
  type Visibility,
} from '../storage/types.js';
import { sendObject } from './shared/ranges.js';

const CACHE_CONTROL: Record<Visibility, string> = {
  public: 'public, max-age=300',
  // A signed link is a one-off permission: no shared cache may keep the file for the next holder of the URL.
  private: 'private, no-store',
};

/** Express 5 hands `/*key` over as decoded segments; an encoded "/" inside one still ends up as a separator. */
function keyOf(req: Request): string {
  const segments: unknown = req.params.key;
  return Array.isArray(segments) ? segments.join('/') : String(segments ?? '');
}

function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
}

/** Answers GET/HEAD for one stored object, on either driver: ranges, conditional requests, 404 when it is gone. */
export async function serveStored(
  req: Request,
  res: Response,
  store: ArtifactStore,
  key: string,
  visibility: Visibility,
  downloadName: string | undefined,
): Promise<void> {
  const info = await store.head(key, visibility);
  if (!info) {
    res.status(404).json({ error: 'file not found' });
    return;
  }
  try {
    await sendObject(req, res, {
      ...info,
      headers: {
        // An object put with its own (edge answers: revalidated within a minute) keeps it when public.
        'Cache-Control': (visibility === 'public' && info.cacheControl) || CACHE_CONTROL[visibility],
        'Content-Disposition': attachmentDisposition(downloadName || baseName(key)),
        'X-Content-Type-Options': 'nosniff',
      },
      open: (range) => store.get(key, visibility, range),
    });
  } catch (err) {
    // Deleted between the look-up and the read.
    if (err instanceof ObjectNotFoundError) {
      res.status(404).json({ error: 'file not found' });
      return;
    }
    throw err;
  }
}

/**
 * Serves the local driver's objects: `/public/<key>` to anyone, `/private/<key>` only with the query of a URL made
 * by `store.signedUrl()`. Mounted at `/files`.
 */
export function filesRouter(store: LocalArtifactStore): express.Router {
  const router = express.Router();

  const handler =
    (visibility: Visibility) =>
    async (req: Request, res: Response): Promise<void> => {
      const key = keyOf(req);
      try {
        assertValidKey(key);
      } catch (err) {
        if (!(err instanceof InvalidKeyError)) throw err;
        res.status(400).json({ error: `${err.message}; use the file's URL exactly as it was given` });
        return;
      }
      const name = queryString(req, 'name');
      if (visibility === 'private') {
        const expires = queryString(req, 'expires');
        const signature = queryString(req, 'signature');
        if (!expires || !signature || !store.verifySignature(key, expires, signature, name)) {
          res.status(403).json({ error: 'this download link is invalid or has expired: request a new link' });
          return;
        }
      }
      await serveStored(req, res, store, key, visibility, visibility === 'private' ? name : undefined);
    };

  // GET routes also answer HEAD in Express; sendObject sends no body for HEAD.
  router.get('/public/*key', handler('public'));
  router.get('/private/*key', handler('private'));
  return router;
}
