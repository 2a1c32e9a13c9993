import express, { type Request, type Response } from 'express';
import {
  type ArtifactStore,
  findStoredFile,
  type SignedUrlVerifier,
  StoredFileGoneError,
  storedKeyProblem,
  type Visibility,
} from '../core/stored-files.js';
import { sendObject } from './shared/ranges.js';

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
  const file = await findStoredFile(store, key, visibility, downloadName);
  if (!file) {
    res.status(404).json({ error: 'file not found' });
    return;
  }
  try {
    await sendObject(req, res, file);
  } catch (err) {
    // Deleted between the look-up and the read.
    if (err instanceof StoredFileGoneError) {
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
export function filesRouter(store: ArtifactStore & SignedUrlVerifier): express.Router {
  const router = express.Router();

  const handler =
    (visibility: Visibility) =>
    async (req: Request, res: Response): Promise<void> => {
      const key = keyOf(req);
      const problem = storedKeyProblem(key);
      if (problem) {
        res.status(400).json({ error: `${problem}; use the file's URL exactly as it was given` });
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
