import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Client } from 'minio';
import type { Visibility } from '../../storage/types.js';
import { ImportError } from './export-reader.js';

/** Where FaynoSync's objects are read from: its buckets, or a local copy of them. */
export interface ObjectSource {
  /** The object's bytes, streamed; undefined when it is not there. */
  open(visibility: Visibility, key: string): Promise<Readable | undefined>;
}

/** FaynoSync's public bucket (S3_BUCKET) and private bucket (S3_BUCKET_PRIVATE). */
export interface BucketNames {
  public?: string | undefined;
  private?: string | undefined;
}

export interface S3SourceOptions {
  /** `https://host[:port]` or `host[:port]` (HTTPS). */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region?: string | undefined;
}

/** A key from the export becomes a path: a segment that could climb out of the copy is refused. */
function keySegments(key: string): string[] | undefined {
  const segments = key.split('/');
  return segments.some((s) => s === '' || s === '.' || s === '..') ? undefined : segments;
}

/**
 * A local copy holding each object at `<dir>/<bucket>/<key>`. Without bucket names, every folder of `dir` is looked
 * in (a copy usually holds just FaynoSync's two buckets).
 */
export function filesSource(dir: string, buckets: BucketNames): ObjectSource {
  let folders: Promise<string[]> | undefined;
  const allFolders = () => {
    folders ??= readdir(dir, { withFileTypes: true }).then(
      (entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name),
      (err: NodeJS.ErrnoException) => {
        throw new ImportError(`--files ${dir} cannot be read (${err.code ?? err.message})`);
      },
    );
    return folders;
  };
  return {
    async open(visibility, key) {
      const segments = keySegments(key);
      if (!segments) return undefined;
      const named = buckets[visibility];
      for (const bucket of named ? [named] : await allFolders()) {
        const path = join(dir, bucket, ...segments);
        const found = await stat(path).catch(() => undefined);
        if (found?.isFile()) return createReadStream(path);
      }
      return undefined;
    },
  };
}

function parseEndpoint(endpoint: string): { endPoint: string; port?: number; useSSL: boolean } {
  const url = new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportError(`--s3-endpoint ${endpoint} must be an http(s) URL such as https://s3.example.com`);
  }
  return {
    endPoint: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    useSSL: url.protocol === 'https:',
  };
}

/** FaynoSync's buckets read through the S3 API (AWS, MinIO, Garage, Spaces…). */
export function s3Source(options: S3SourceOptions, buckets: BucketNames): ObjectSource {
  const client = new Client({
    ...parseEndpoint(options.endpoint),
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    ...(options.region ? { region: options.region } : {}),
    pathStyle: true,
  });
  return {
    async open(visibility, key) {
      const bucket = buckets[visibility];
      if (!bucket) return undefined;
      try {
        return await client.getObject(bucket, key);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'NoSuchKey' || code === 'NotFound') return undefined;
        throw err;
      }
    },
  };
}
