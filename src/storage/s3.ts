import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { pipeline, Readable } from 'node:stream';
import { Client, CopyDestinationOptions, CopySourceOptions } from 'minio';
import { S3Error } from 'minio/dist/esm/errors.mjs';
import { ConfigError } from '../config-error.js';
import { attachmentDisposition } from './content-disposition.js';
import { HashingStream } from './hashing.js';
import { assertValidKey, assertValidPrefix, baseName, encodeKey } from './object-keys.js';
import {
  anonymousReadWarning,
  type BucketRef,
  describeS3Error,
  describeS3Timeout,
  READ_CHECK_BODY,
  READ_CHECK_KEY,
  readCheckUrls,
} from './s3-checks.js';
import {
  type ArtifactStore,
  type ByteRange,
  type ObjectInfo,
  ObjectNotFoundError,
  type PutOptions,
  type PutResult,
  StoreUnavailableError,
  type Visibility,
} from './types.js';

export interface S3Options {
  endPoint: string;
  port: number | undefined;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  region: string;
  publicBucket: string;
  privateBucket: string;
  /** Base URL under which public objects are reachable, e.g. https://cdn.example.com/bucket */
  publicUrlBase: string;
  pathStyle: boolean;
  /**
   * The S3 API as clients reach it (S3_PRIVATE_URL), when it differs from `endPoint`: signed URLs of private
   * objects are signed for, and point at, this host. Unset: `endPoint`.
   */
  presignEndpoint?: { endPoint: string; port: number | undefined; useSSL: boolean };
}

/**
 * Bodies up to this size go up in one PUT; larger ones as a multipart upload. It is minio's own part size, so
 * either way at most one part of an upload is held in memory.
 */
const SINGLE_PUT_MAX_BYTES = 64 * 1024 * 1024;

/** minio sets no timeout of its own: without one, a dropped SYN would hold start-up for minutes. */
const INIT_TIMEOUT_MS = 15_000;

function errorCode(err: unknown): unknown {
  return (err as { code?: unknown } | undefined)?.code;
}

/**
 * An idle kept-alive connection is closed by us before the service closes it: servers commonly close them after 5 s
 * (Node's default, which Node's global agent also waits), and a request sent on a connection the service is closing
 * at that moment fails with a reset.
 */
const IDLE_SOCKET_MS = 4_000;

/** Errors of the connection to the S3 endpoint, as Node reports them. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * An error of the S3 service or of the way to it becomes a StoreUnavailableError naming what failed; anything else
 * (a refused body, a missing object already told apart) stays as it is.
 */
function serviceFailure(operation: string, err: unknown): unknown {
  if (err instanceof S3Error) {
    return new StoreUnavailableError(operation, `S3 answered ${err.code ?? err.message}`, { cause: err });
  }
  const code = errorCode(err);
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return new StoreUnavailableError(operation, `the S3 endpoint is unreachable: ${code}`, { cause: err });
  }
  return err;
}

/** GET answers NoSuchKey from the XML body; HEAD has no body, so minio can only say NotFound. */
function isNotFound(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'NoSuchKey' || code === 'NotFound';
}

/**
 * What the local driver sends with a public file (see serveStored), stored with the object so that the bucket, which
 * serves public objects itself, sends it too: a download, never a page that could run script on the bucket's origin.
 */
function publicObjectHeaders(key: string, contentType: string | undefined): Record<string, string> {
  return {
    'Content-Type': contentType || 'application/octet-stream',
    'Content-Disposition': attachmentDisposition(baseName(key)),
    'Cache-Control': 'public, max-age=300',
  };
}

/** Artifacts in two buckets (public, private) of any S3-compatible service. */
export class S3ArtifactStore implements ArtifactStore {
  readonly driver = 's3';
  readonly #client: Client;
  /**
   * Signs the URLs handed to clients. A signature covers the host, so when clients reach the service under another
   * name than Updraft does (S3_PRIVATE_URL), the URLs are signed by a client configured with that name. Presigning
   * is local computation: with the region configured, this client never sends a request.
   */
  readonly #presigner: Client;
  readonly #config: S3Options;

  constructor(config: S3Options) {
    this.#config = config;
    const options = {
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      region: config.region,
      pathStyle: config.pathStyle,
    };
    this.#client = new Client({
      ...options,
      endPoint: config.endPoint,
      port: config.port,
      useSSL: config.useSSL,
      transportAgent: new (config.useSSL ? HttpsAgent : HttpAgent)({
        keepAlive: true,
        timeout: IDLE_SOCKET_MS,
      }),
    });
    this.#presigner = config.presignEndpoint
      ? new Client({ ...options, ...config.presignEndpoint })
      : this.#client;
  }

  /** Checks the credentials and both buckets, creating missing ones; a failure is one line naming the variable. */
  async init(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ConfigError(describeS3Timeout(this.#config, INIT_TIMEOUT_MS))),
        INIT_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.#ensureBuckets(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #ensureBuckets(): Promise<void> {
    const buckets: BucketRef[] = [{ variable: 'S3_BUCKET_PUBLIC', name: this.#config.publicBucket }];
    if (this.#config.privateBucket !== this.#config.publicBucket) {
      buckets.push({ variable: 'S3_BUCKET_PRIVATE', name: this.#config.privateBucket });
    }
    for (const bucket of buckets) {
      let exists: boolean;
      try {
        exists = await this.#client.bucketExists(bucket.name);
      } catch (err) {
        throw new ConfigError(describeS3Error(err, this.#config, bucket, false));
      }
      if (exists) continue;
      try {
        await this.#client.makeBucket(bucket.name, this.#config.region);
      } catch (err) {
        // Another instance starting at the same moment created it first.
        if (errorCode(err) !== 'BucketAlreadyOwnedByYou') {
          throw new ConfigError(describeS3Error(err, this.#config, bucket, true));
        }
      }
    }
  }

  /**
   * Writes a small object to the public bucket and reads it back without credentials, as a client would. A bucket
   * created by Updraft, or by `mc mb` alone, is private until a policy allows anonymous reads.
   */
  async checkPublicRead(): Promise<string | undefined> {
    try {
      const body = Buffer.from(READ_CHECK_BODY);
      await this.#client.putObject(this.#config.publicBucket, READ_CHECK_KEY, body, body.length, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
      });
    } catch (err) {
      return `could not write the anonymous-read check object to S3_BUCKET_PUBLIC=${this.#config.publicBucket} (${errorCode(err) ?? (err as Error).message}): check that S3_ACCESS_KEY may write the bucket`;
    }
    return anonymousReadWarning(this.#config, readCheckUrls(this.#config, this.publicUrl(READ_CHECK_KEY)));
  }

  /**
   * `maxBytes` also sizes the parts of a multipart upload: without it minio plans for a 5 TiB object and buffers
   * parts of about 500 MiB.
   */
  async put(key: string, body: Readable, options: PutOptions): Promise<PutResult> {
    assertValidKey(key);
    const bucket = this.#bucket(options.visibility);
    const metadata: Record<string, string> =
      options.visibility === 'public'
        ? publicObjectHeaders(key, options.contentType)
        : options.contentType
          ? { 'Content-Type': options.contentType }
          : {};
    if (options.cacheControl) metadata['Cache-Control'] = options.cacheControl;
    const hasher = new HashingStream(options.maxBytes);
    // pipeline destroys both streams with the first error: a failing or too-large body surfaces where `hasher` is
    // read, and a failed upload stops reading the body. Its callback has nothing left to do.
    pipeline(body, hasher, () => undefined);
    try {
      await this.#upload(bucket, key, hasher, metadata, options.maxBytes);
    } catch (err) {
      hasher.destroy();
      throw err;
    }
    return { key, ...hasher.digest() };
  }

  async #upload(
    bucket: string,
    key: string,
    source: Readable,
    metadata: Record<string, string>,
    sizeHint: number | undefined,
  ): Promise<void> {
    const chunks: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
    const head: Buffer[] = [];
    let headBytes = 0;
    while (headBytes <= SINGLE_PUT_MAX_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        // Nothing is sent before the body has ended within its limit, so a refused body leaves no object.
        try {
          await this.#client.putObject(bucket, key, Buffer.concat(head, headBytes), headBytes, metadata);
        } catch (err) {
          throw serviceFailure('store the upload', err);
        }
        return;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
    const rest = Readable.from(
      (async function* () {
        for (let chunk = head.shift(); chunk; chunk = head.shift()) yield chunk;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      })(),
      { objectMode: false },
    );
    // minio pipes the body without listening for its errors, so its promise would wait forever on a body that
    // fails; the multipart upload is only completed after the body ended, so a failed body never becomes an object.
    const bodyFailed = new Promise<never>((_, reject) => rest.once('error', reject));
    try {
      await Promise.race([this.#client.putObject(bucket, key, rest, sizeHint, metadata), bodyFailed]);
    } catch (err) {
      // The body's own failure (cut off, too large) is told apart from the service's before `rest` is destroyed.
      const fromBody = rest.errored !== null;
      rest.destroy();
      // The parts already sent stay stored (and billed) until the upload is aborted. Keys of uploads in progress
      // are unique temporary keys, so this aborts nobody else's upload. Failing to clean up must not hide `err`.
      await this.#client.removeIncompleteUpload(bucket, key).catch(() => undefined);
      throw fromBody ? err : serviceFailure('store the upload', err);
    }
  }

  async get(key: string, visibility: Visibility, range?: ByteRange): Promise<Readable> {
    assertValidKey(key);
    const bucket = this.#bucket(visibility);
    try {
      return range
        ? await this.#client.getPartialObject(bucket, key, range.start, range.end - range.start + 1)
        : await this.#client.getObject(bucket, key);
    } catch (err) {
      if (isNotFound(err)) throw new ObjectNotFoundError(key);
      throw serviceFailure('read a file', err);
    }
  }

  async head(key: string, visibility: Visibility): Promise<ObjectInfo | undefined> {
    assertValidKey(key);
    try {
      const stat = await this.#client.statObject(this.#bucket(visibility), key);
      const contentType: unknown = stat.metaData['content-type'];
      const cacheControl: unknown = stat.metaData['cache-control'];
      return {
        size: stat.size,
        etag: `"${stat.etag}"`,
        contentType: typeof contentType === 'string' ? contentType : undefined,
        ...(typeof cacheControl === 'string' ? { cacheControl } : {}),
        lastModified: stat.lastModified,
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw serviceFailure('look a file up', err);
    }
  }

  async copy(from: string, to: string, visibility: Visibility, toVisibility = visibility): Promise<void> {
    assertValidKey(from);
    assertValidKey(to);
    try {
      // A public object is served by the bucket itself: its headers are made for its new name (a temporary key's
      // name is no download name), which replacing the metadata requires restating its content type.
      const headers =
        toVisibility === 'public'
          ? publicObjectHeaders(
              to,
              (await this.#client.statObject(this.#bucket(visibility), from)).metaData['content-type'],
            )
          : undefined;
      await this.#client.copyObject(
        new CopySourceOptions({ Bucket: this.#bucket(visibility), Object: from }),
        new CopyDestinationOptions({
          Bucket: this.#bucket(toVisibility),
          Object: to,
          ...(headers ? { MetadataDirective: 'REPLACE', Headers: headers } : {}),
        }),
      );
    } catch (err) {
      if (isNotFound(err)) throw new ObjectNotFoundError(from);
      throw serviceFailure('copy a file', err);
    }
  }

  async move(from: string, to: string, visibility: Visibility, toVisibility = visibility): Promise<void> {
    if (from === to && visibility === toVisibility) {
      if (!(await this.head(from, visibility))) throw new ObjectNotFoundError(from);
      return;
    }
    await this.copy(from, to, visibility, toVisibility);
    await this.delete(from, visibility);
  }

  async delete(key: string, visibility: Visibility): Promise<void> {
    assertValidKey(key);
    try {
      await this.#client.removeObject(this.#bucket(visibility), key);
    } catch (err) {
      throw serviceFailure('delete a file', err);
    }
  }

  async list(prefix: string, visibility: Visibility): Promise<string[]> {
    assertValidPrefix(prefix);
    const keys: string[] = [];
    try {
      for await (const item of this.#client.listObjectsV2(this.#bucket(visibility), prefix, true)) {
        if (item.name) keys.push(item.name);
      }
    } catch (err) {
      throw serviceFailure('list files', err);
    }
    return keys.sort();
  }

  async signedUrl(key: string, ttlSeconds: number, options: { downloadName?: string } = {}): Promise<string> {
    assertValidKey(key);
    const responseHeaders = options.downloadName
      ? { 'response-content-disposition': attachmentDisposition(options.downloadName) }
      : undefined;
    return this.#presigner.presignedGetObject(this.#config.privateBucket, key, ttlSeconds, responseHeaders);
  }

  /**
   * A short-lived URL that lets anyone holding it PUT one private object, straight to the bucket (BinDist's large
   * upload). Nothing is known about what arrives there: the caller checks size and checksum before using it.
   */
  async signedPutUrl(key: string, ttlSeconds: number): Promise<string> {
    assertValidKey(key);
    return this.#presigner.presignedPutObject(this.#config.privateBucket, key, ttlSeconds);
  }

  publicUrl(key: string): string {
    assertValidKey(key);
    return `${this.#config.publicUrlBase.replace(/\/+$/, '')}/${encodeKey(key)}`;
  }

  #bucket(visibility: Visibility): string {
    return visibility === 'public' ? this.#config.publicBucket : this.#config.privateBucket;
  }
}
