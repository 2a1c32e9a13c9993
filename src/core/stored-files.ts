import type { Readable } from 'node:stream';
import { attachmentDisposition } from '../storage/content-disposition.js';
import { assertValidKey, baseName } from '../storage/object-keys.js';
import {
  type ArtifactStore,
  type ByteRange,
  InvalidKeyError,
  ObjectNotFoundError,
  type Visibility,
} from '../storage/types.js';

export type { ArtifactStore, ByteRange, Visibility };
/** Thrown by `StoredFile.open` when the object was deleted after it was looked up. */
export { ObjectNotFoundError as StoredFileGoneError };

/** One stored object as a face answers it: what to say about it, and how to stream it or a range of it. */
export interface StoredFile {
  size: number;
  /** Quoted, as in the ETag header. */
  etag: string;
  lastModified: Date;
  contentType: string | undefined;
  /** Sent with every answer about the object (200, 206, 304), e.g. Cache-Control and Content-Disposition. */
  headers: Record<string, string>;
  /** Streams the object, or one inclusive byte range of it. */
  open(range?: ByteRange): Promise<Readable>;
}

/** The local driver's check of the query of a URL made by its `signedUrl()`. */
export interface SignedUrlVerifier {
  verifySignature(key: string, expires: string, signature: string, name: string | undefined): boolean;
}

const CACHE_CONTROL: Record<Visibility, string> = {
  public: 'public, max-age=300',
  // A signed link is a one-off permission: no shared cache may keep the file for the next holder of the URL.
  private: 'private, no-store',
};

/** Why `key` cannot name a stored object, or undefined when it can. */
export function storedKeyProblem(key: string): string | undefined {
  try {
    assertValidKey(key);
    return undefined;
  } catch (err) {
    if (err instanceof InvalidKeyError) return err.message;
    throw err;
  }
}

/** The stored object under `key`, downloaded as `downloadName` (else the key's last segment); undefined if absent. */
export async function findStoredFile(
  store: ArtifactStore,
  key: string,
  visibility: Visibility,
  downloadName: string | undefined,
): Promise<StoredFile | undefined> {
  const info = await store.head(key, visibility);
  if (!info) return undefined;
  return {
    size: info.size,
    etag: info.etag,
    lastModified: info.lastModified,
    contentType: info.contentType,
    headers: {
      // An object put with its own (edge answers: revalidated within a minute) keeps it when public.
      'Cache-Control': (visibility === 'public' && info.cacheControl) || CACHE_CONTROL[visibility],
      'Content-Disposition': attachmentDisposition(downloadName || baseName(key)),
      'X-Content-Type-Options': 'nosniff',
    },
    open: (range) => store.get(key, visibility, range),
  };
}
