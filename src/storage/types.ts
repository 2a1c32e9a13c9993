import type { Readable } from 'node:stream';

/** Which bucket (S3) or folder (local) an object lives in. Public objects get plain URLs; private ones only signed URLs. */
export type Visibility = 'public' | 'private';

export interface PutOptions {
  visibility: Visibility;
  contentType?: string;
  /** Served with the object instead of the default (S3: the object's Cache-Control metadata). */
  cacheControl?: string;
  /** The stream is cut off and the put rejected with ObjectTooLargeError once it passes this many bytes. */
  maxBytes?: number;
}

/** What a put measured while streaming: nothing is read twice. Hashes are lower-case hex. */
export interface PutResult {
  key: string;
  size: number;
  sha1: string;
  sha256: string;
  sha512: string;
}

export interface ObjectInfo {
  size: number;
  /** Quoted, ready for an HTTP ETag header; changes whenever the content does. */
  etag: string;
  contentType: string | undefined;
  /** Set when the object was put with its own Cache-Control. */
  cacheControl?: string;
  lastModified: Date;
}

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where release files live. Keys are relative paths such as `acme/app/1.0.0/app.dmg`; callers store keys,
 * never URLs, and build URLs when answering.
 */
export interface ArtifactStore {
  readonly driver: 'local' | 's3';
  /** Streams `body` in; the object appears whole or not at all (never a torn file). */
  put(key: string, body: Readable, options: PutOptions): Promise<PutResult>;
  /** Streams the object (or one byte range of it) out. Throws ObjectNotFoundError. */
  get(key: string, visibility: Visibility, range?: ByteRange): Promise<Readable>;
  /** Metadata, or undefined when there is no such object. */
  head(key: string, visibility: Visibility): Promise<ObjectInfo | undefined>;
  /** Copies `from` to `to` within one visibility without reading it through Updraft when the backend can. */
  copy(from: string, to: string, visibility: Visibility): Promise<void>;
  /**
   * Moves an object, replacing whatever is at `to`; afterwards `from` is gone. It stays in `visibility` unless
   * `toVisibility` names the other one (an upload staged before anyone knew its app's visibility). Local: a rename,
   * atomic and without copying a byte. S3: a server-side copy, then the source is deleted (if that delete fails, both
   * exist and the error is thrown). Throws ObjectNotFoundError when `from` does not exist.
   */
  move(from: string, to: string, visibility: Visibility, toVisibility?: Visibility): Promise<void>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string, visibility: Visibility): Promise<void>;
  /** Lists keys under a prefix (for clean-up of temporary uploads). */
  list(prefix: string, visibility: Visibility): Promise<string[]>;
  /** A short-lived URL that lets anyone holding it GET a private object. */
  signedUrl(key: string, ttlSeconds: number, options?: { downloadName?: string }): Promise<string>;
  /**
   * A short-lived URL that lets anyone holding it PUT one private object straight into the store, where the store
   * can take uploads itself (S3). Absent: uploads go through Updraft (the local driver).
   */
  signedPutUrl?(key: string, ttlSeconds: number): Promise<string>;
  /** A plain URL of a public object. */
  publicUrl(key: string): string;
  /** Creates buckets or folders if missing. */
  init(): Promise<void>;
  /**
   * Drivers whose public objects are only public by the service's policy check, at start-up, that anyone can read
   * them; answers a warning line when not.
   */
  checkPublicRead?(): Promise<string | undefined>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
  }
}

export class ObjectTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`object is larger than ${limit} bytes`);
  }
}

export class InvalidKeyError extends Error {}

/**
 * The store itself failed: its service refused or was unreachable. Never the caller's mistake; the faces answer it
 * as a fault to retry (core/faults.ts), the cause kept for the log.
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly operation: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`the file store could not ${operation} (${detail})`, options);
  }
}
