import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { type BigIntStats, constants, createWriteStream, type Dirent } from 'node:fs';
import {
  copyFile,
  type FileHandle,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HashingStream } from './hashing.js';
import { assertValidKey, assertValidPrefix, baseName, encodeKey } from './object-keys.js';
import { PROCESS_TAG, writerOf } from './process-tag.js';
import {
  type ArtifactStore,
  type ByteRange,
  InvalidKeyError,
  type ObjectInfo,
  ObjectNotFoundError,
  type PutOptions,
  type PutResult,
  type Visibility,
} from './types.js';

export interface LocalArtifactStoreOptions {
  /** Folder holding `public/`, `private/` and the store's own `.tmp/`. */
  root: string;
  /** Public base URL of this server; object URLs are `${baseUrl}/files/...`. */
  baseUrl: string;
  /** Secret behind the HMAC of signed URLs. */
  signingKey: string;
}

interface Sidecar {
  contentType?: string;
  cacheControl?: string;
}

/**
 * A write that died with its process leaves its temporary file behind. The file is named after its writer, so the
 * leftovers of a process of this host that is gone are removed at once; another host's (a shared folder) only once
 * nobody can still be writing them.
 */
const STALE_TEMP_MS = 60 * 60 * 1000;

function errorCode(err: unknown): unknown {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** ENOTDIR: a leading part of the key is a file, so the object cannot exist either. */
function isAbsent(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Metadata lives beside the object as `.<name>.meta.json`. A key segment may not start with ".", so no key can
 * ever name a sidecar, and list() skips dot-files.
 */
function sidecarPath(objectPath: string): string {
  return join(dirname(objectPath), `.${baseName(objectPath)}.meta.json`);
}

/**
 * Artifacts as files under `root`. Every write goes to `.tmp/` first and is renamed into place, so readers see the
 * old file or the new one, never a part of either.
 */
export class LocalArtifactStore implements ArtifactStore {
  readonly driver = 'local';
  readonly #root: string;
  readonly #tmp: string;
  readonly #baseUrl: string;
  readonly #signingKey: string;
  /** Temporary files this store is writing now: the only ones of this process that init() must leave alone. */
  readonly #writing = new Set<string>();

  constructor(options: LocalArtifactStoreOptions) {
    this.#root = resolve(options.root);
    this.#tmp = join(this.#root, '.tmp');
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#signingKey = options.signingKey;
  }

  async init(): Promise<void> {
    await Promise.all(
      ['public', 'private', '.tmp'].map((dir) => mkdir(join(this.#root, dir), { recursive: true })),
    );
    const cutoff = Date.now() - STALE_TEMP_MS;
    for (const name of await readdir(this.#tmp)) {
      const path = join(this.#tmp, name);
      if (this.#writing.has(path)) continue;
      const writer = writerOf(name);
      if (writer !== 'gone' && writer !== 'self') {
        const info = await stat(path).catch((err: unknown) => {
          if (isAbsent(err)) return undefined;
          throw err;
        });
        if (!info || info.mtimeMs >= cutoff) continue;
      }
      await rm(path, { force: true, recursive: true });
    }
  }

  async put(key: string, body: Readable, options: PutOptions): Promise<PutResult> {
    const target = this.#path(options.visibility, key);
    const hasher = new HashingStream(options.maxBytes);
    await this.#viaTemp(async (temp) => {
      await pipeline(body, hasher, createWriteStream(temp, { flags: 'wx' }));
      await syncFile(temp);
      await mkdir(dirname(target), { recursive: true });
      await this.#writeSidecar(target, {
        contentType: options.contentType,
        ...(options.cacheControl ? { cacheControl: options.cacheControl } : {}),
      });
      await rename(temp, target);
    });
    return { key, ...hasher.digest() };
  }

  async get(key: string, visibility: Visibility, range?: ByteRange): Promise<Readable> {
    const path = this.#path(visibility, key);
    let file: FileHandle;
    try {
      file = await open(path, 'r');
    } catch (err) {
      if (isAbsent(err)) throw new ObjectNotFoundError(key);
      throw err;
    }
    // A folder opens fine on Linux; it is part of a longer key, not an object.
    if (!(await file.stat()).isFile()) {
      await file.close();
      throw new ObjectNotFoundError(key);
    }
    // 1 MiB reads: with 64 KiB ones a large download spends its time in garbage collection, not in I/O.
    const highWaterMark = 1024 * 1024;
    return file.createReadStream(
      range ? { start: range.start, end: range.end, highWaterMark } : { highWaterMark },
    );
  }

  async head(key: string, visibility: Visibility): Promise<ObjectInfo | undefined> {
    const path = this.#path(visibility, key);
    let info: BigIntStats;
    try {
      info = await stat(path, { bigint: true });
    } catch (err) {
      if (isAbsent(err)) return undefined;
      throw err;
    }
    if (!info.isFile()) return undefined;
    const sidecar = await this.#readSidecar(path);
    return {
      size: Number(info.size),
      // Every put and copy renames a new inode into place, so inode + mtime + size changes with the content
      // without reading it.
      etag: `"${info.size.toString(16)}-${info.mtimeNs.toString(16)}-${info.ino.toString(16)}"`,
      contentType: sidecar.contentType,
      ...(sidecar.cacheControl ? { cacheControl: sidecar.cacheControl } : {}),
      lastModified: info.mtime,
    };
  }

  async copy(from: string, to: string, visibility: Visibility): Promise<void> {
    const source = this.#path(visibility, from);
    const target = this.#path(visibility, to);
    await this.#viaTemp(async (temp) => {
      try {
        await copyFile(source, temp, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
      } catch (err) {
        if (isAbsent(err) || errorCode(err) === 'EISDIR') throw new ObjectNotFoundError(from);
        throw err;
      }
      await syncFile(temp);
      await mkdir(dirname(target), { recursive: true });
      await this.#writeSidecar(target, await this.#readSidecar(source));
      await rename(temp, target);
    });
  }

  /** One rename within the root (both visibilities live under it): the object appears at `to` whole, no byte copied. */
  async move(from: string, to: string, visibility: Visibility, toVisibility = visibility): Promise<void> {
    const source = this.#path(visibility, from);
    const target = this.#path(toVisibility, to);
    const info = await stat(source).catch((err: unknown) => {
      if (isAbsent(err)) return undefined;
      throw err;
    });
    if (!info?.isFile()) throw new ObjectNotFoundError(from);
    if (source === target) return;
    await mkdir(dirname(target), { recursive: true });
    // The sidecar goes first, as in put(): whoever sees the object at `to` also sees its content type.
    await this.#writeSidecar(target, await this.#readSidecar(source));
    try {
      await rename(source, target);
    } catch (err) {
      if (isAbsent(err)) throw new ObjectNotFoundError(from);
      throw err;
    }
    await removeFile(sidecarPath(source));
  }

  async delete(key: string, visibility: Visibility): Promise<void> {
    const path = this.#path(visibility, key);
    // Empty folders stay: removing them would race a concurrent put renaming a file into the same folder.
    await Promise.all([removeFile(path), removeFile(sidecarPath(path))]);
  }

  async list(prefix: string, visibility: Visibility): Promise<string[]> {
    assertValidPrefix(prefix);
    const base = join(this.#root, visibility);
    const keys: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await readdir(join(base, dir), { withFileTypes: true });
      } catch (err) {
        if (isAbsent(err)) return;
        throw err;
      }
      for (const entry of entries) {
        const key = dir + entry.name;
        if (entry.name.startsWith('.') || !key.startsWith(prefix)) continue;
        if (entry.isDirectory()) await walk(`${key}/`);
        else if (entry.isFile()) keys.push(key);
      }
    };
    await walk(prefix.slice(0, prefix.lastIndexOf('/') + 1));
    return keys.sort();
  }

  async signedUrl(key: string, ttlSeconds: number, options: { downloadName?: string } = {}): Promise<string> {
    assertValidKey(key);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
      throw new RangeError(`ttlSeconds must be a whole number of seconds above 0, not ${ttlSeconds}`);
    }
    const expires = String(Math.floor(Date.now() / 1000) + ttlSeconds);
    const name = options.downloadName || undefined;
    const query = new URLSearchParams({ expires, signature: this.#sign(key, expires, name) });
    if (name) query.set('name', name);
    return `${this.#baseUrl}/files/private/${encodeKey(key)}?${query}`;
  }

  /** Whether a signed URL's parameters are genuine and not yet expired; `expires` is in Unix seconds. */
  verifySignature(key: string, expires: string, signature: string, name: string | undefined): boolean {
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < Date.now()) return false;
    const expected = Buffer.from(this.#sign(key, expires, name || undefined));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  publicUrl(key: string): string {
    assertValidKey(key);
    return `${this.#baseUrl}/files/public/${encodeKey(key)}`;
  }

  #sign(key: string, expires: string, name: string | undefined): string {
    return createHmac('sha256', this.#signingKey)
      .update(`private/${key}\n${expires}\n${name ?? ''}`)
      .digest('base64url');
  }

  #path(visibility: Visibility, key: string): string {
    assertValidKey(key);
    const base = join(this.#root, visibility);
    const path = resolve(base, ...key.split('/'));
    // assertValidKey already refuses every way out; this holds even if that check is ever loosened.
    if (!path.startsWith(base + sep)) throw new InvalidKeyError(`invalid object key ${JSON.stringify(key)}`);
    return path;
  }

  /** Runs `work` with a fresh temporary path, named after this process, that is removed again if `work` fails. */
  async #viaTemp(work: (temp: string) => Promise<void>): Promise<void> {
    const temp = join(this.#tmp, `${PROCESS_TAG}~${randomUUID()}.part`);
    this.#writing.add(temp);
    try {
      await work(temp);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    } finally {
      this.#writing.delete(temp);
    }
  }

  async #readSidecar(objectPath: string): Promise<Sidecar> {
    try {
      return JSON.parse(await readFile(sidecarPath(objectPath), 'utf8')) as Sidecar;
    } catch (err) {
      if (isAbsent(err)) return {};
      throw err;
    }
  }

  /** Replaced whole by rename, like the object, so a reader never parses half of it. */
  async #writeSidecar(objectPath: string, sidecar: Sidecar): Promise<void> {
    await this.#viaTemp(async (temp) => {
      await writeFile(temp, JSON.stringify(sidecar), { flag: 'wx' });
      await rename(temp, sidecarPath(objectPath));
    });
  }
}

/**
 * Data must be on disk before the rename publishes the file, or a crash could leave a published file with holes.
 * A separate handle, because a FileHandle that fed a write stream cannot be closed until that stream is.
 */
async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Missing is fine, and so is a folder: it is part of a longer key, not the object asked for. */
async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (!isAbsent(err) && errorCode(err) !== 'EISDIR') throw err;
  }
}
