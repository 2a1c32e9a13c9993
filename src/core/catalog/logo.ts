import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { type ArtifactStore, ObjectTooLargeError } from '../../storage/types.js';
import { DomainError, invalid } from '../errors.js';
import { printable } from '../names.js';

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
  const key = `logos/${tenantId}/${appId}/${randomBytes(8).toString('hex')}.${type.ext}`;
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
  return key;
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
