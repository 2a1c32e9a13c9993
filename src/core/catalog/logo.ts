import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { type ArtifactStore, ObjectTooLargeError } from '../../storage/types.js';
import { DomainError, invalid } from '../errors.js';
import { printable } from '../names.js';
import { temporaryKey } from '../releases/artifact-keys.js';

export const LOGO_MAX_BYTES = 5 * 1024 * 1024;

/** What a logo arrives as: a stream that is read once, never held in memory. */
export interface LogoUpload {
  fileName: string;
  contentType: string;
  stream: Readable;
}

interface ImageType {
  ext: string;
  contentType: string;
}

const PNG = { ext: 'png', contentType: 'image/png' };
const JPEG = { ext: 'jpg', contentType: 'image/jpeg' };
const GIF = { ext: 'gif', contentType: 'image/gif' };
const WEBP = { ext: 'webp', contentType: 'image/webp' };

const BY_EXTENSION: Record<string, ImageType> = {
  png: PNG,
  jpg: JPEG,
  jpeg: JPEG,
  gif: GIF,
  webp: WEBP,
};
const BY_CONTENT_TYPE: Record<string, ImageType> = {
  'image/png': PNG,
  'image/jpeg': JPEG,
  'image/jpg': JPEG,
  'image/gif': GIF,
  'image/webp': WEBP,
};

// SVG is refused: it is a document that can carry script, and a public bucket serves it from its own origin.
const ACCEPTED = 'a logo must be a png, jpeg, gif or webp image (svg is not accepted: convert it to png)';

/**
 * The file name decides when it has an extension (clients often send application/octet-stream); a name without
 * one falls back to the content type. Whatever the client claimed, the object is stored with our content type.
 */
export function logoType(fileName: string, contentType: string): ImageType {
  const ext = extname(fileName).slice(1).toLowerCase();
  if (ext) {
    const byName = BY_EXTENSION[ext];
    if (!byName) throw invalid(`${ACCEPTED}: "${printable(fileName)}" is not`);
    return byName;
  }
  const byType = BY_CONTENT_TYPE[contentType.split(';')[0]?.trim().toLowerCase() ?? ''];
  if (!byType) throw invalid(`${ACCEPTED}: "${printable(fileName)}" was sent as ${printable(contentType)}`);
  return byType;
}

/** Stores a logo as a public object and returns its key; the caller records the key, never a URL. */
export async function putLogo(
  store: ArtifactStore,
  tenantId: string,
  appId: string,
  upload: LogoUpload,
): Promise<string> {
  const type = logoType(upload.fileName, upload.contentType);
  const key = logoKey(tenantId, appId, type);
  await writeLogo(store, key, type, upload);
  return key;
}

function logoKey(tenantId: string, appId: string, type: ImageType): string {
  return `logos/${tenantId}/${appId}/${randomBytes(8).toString('hex')}.${type.ext}`;
}

async function writeLogo(
  store: ArtifactStore,
  key: string,
  type: ImageType,
  upload: LogoUpload,
): Promise<void> {
  let size: number;
  try {
    ({ size } = await store.put(key, upload.stream, {
      visibility: 'public',
      contentType: type.contentType,
      maxBytes: LOGO_MAX_BYTES,
    }));
  } catch (err) {
    if (err instanceof ObjectTooLargeError) {
      throw new DomainError(
        'too_large',
        `the logo is larger than ${LOGO_MAX_BYTES / 1024 / 1024} MB: send a smaller image`,
      );
    }
    throw err;
  }
  if (size === 0) {
    await store.delete(key, 'public');
    throw invalid(`the logo "${printable(upload.fileName)}" is empty`);
  }
}

/**
 * A logo that came before the `data` naming its app (FaynoSync's clients may send it first): checked and stored
 * under a temporary key, which the start-up sweep removes if the process dies, until place() gives it its app's key.
 * Whoever gives up on the request calls remove().
 */
export class LogoStaging {
  #staged: { key: string; type: ImageType } | undefined;

  constructor(
    private readonly store: ArtifactStore,
    private readonly logger: Logger,
  ) {}

  async stage(upload: LogoUpload): Promise<void> {
    if (this.#staged) throw invalid('send at most one logo');
    const type = logoType(upload.fileName, upload.contentType);
    const key = temporaryKey();
    await writeLogo(this.store, key, type, upload);
    this.#staged = { key, type };
  }

  /** Moves the staged logo to a key of its app and hands it over; undefined when no logo was staged. */
  async place(tenantId: string, appId: string): Promise<string | undefined> {
    const staged = this.#staged;
    if (!staged) return undefined;
    const key = logoKey(tenantId, appId, staged.type);
    await this.store.move(staged.key, key, 'public');
    this.#staged = undefined;
    return key;
  }

  async remove(): Promise<void> {
    const staged = this.#staged;
    this.#staged = undefined;
    if (staged) await removeLogo(this.store, this.logger, staged.key);
  }
}

/**
 * Removes a logo nobody references (replaced, its app deleted, or its write rolled back). A storage failure here
 * must neither fail a request whose database change succeeded nor hide the error being reported, so it is logged:
 * the cost is an orphaned object.
 */
export async function removeLogo(store: ArtifactStore, logger: Logger, key: string): Promise<void> {
  try {
    await store.delete(key, 'public');
  } catch (err) {
    logger.warn({ err, key }, 'could not delete an unused logo; remove the object by hand');
  }
}
