import { z } from 'zod';

/**
 * The request headers of the tus 1.0 protocol (https://tus.io/protocols/resumable-upload) that the resumable upload
 * routes read. Node gives header names in lower case.
 */

/** Byte counts as tus sends them: digits only, within what a JavaScript number holds exactly. */
function byteCount(header: string, hint: string) {
  return z
    .string({ error: `${header} is required: ${hint}` })
    .regex(/^\d{1,15}$/, { error: `${header} must be a whole number of bytes: ${hint}` })
    .transform(Number)
    .meta({ type: 'integer', description: hint });
}

export interface UploadMetadata {
  /** The header as sent, answered again by HEAD. */
  raw: string;
  /** The decoded `filename`. */
  fileName: string;
}

const METADATA_HINT =
  'send Upload-Metadata with the file name as "filename <base64 of the name>", e.g. "filename YXBwLmV4ZQ=="';

/** `key base64value` pairs separated by commas (a key may stand alone); `filename` is required. */
function parseMetadata(raw: string, ctx: z.RefinementCtx): UploadMetadata {
  const pairs = new Map<string, string>();
  for (const item of raw.split(',')) {
    const [key = '', value = '', ...rest] = item.trim().split(' ');
    if (key === '' || rest.length > 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || pairs.has(key)) {
      ctx.addIssue({ code: 'custom', message: `Upload-Metadata is malformed: ${METADATA_HINT}` });
      return z.NEVER;
    }
    pairs.set(key, Buffer.from(value, 'base64').toString('utf8'));
  }
  const fileName = pairs.get('filename');
  if (!fileName) {
    ctx.addIssue({ code: 'custom', message: `Upload-Metadata has no filename: ${METADATA_HINT}` });
    return z.NEVER;
  }
  return { raw, fileName };
}

export const uploadCreationHeaders = z.object({
  'upload-length': byteCount(
    'Upload-Length',
    'the size of the whole file in bytes (Upload-Defer-Length is not supported)',
  ),
  'upload-metadata': z
    .string({ error: `Upload-Metadata is required: ${METADATA_HINT}` })
    .transform(parseMetadata)
    .meta({ type: 'string', description: 'tus metadata: "filename <base64>" is required' }),
});

export const uploadPatchHeaders = z.object({
  'upload-offset': byteCount('Upload-Offset', 'where this body starts: the Upload-Offset HEAD answered'),
  'content-length': z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .optional()
    .meta({ type: 'integer', description: 'The size of this part' }),
});

export const uploadIdParams = z.object({
  id: z
    .string()
    .meta({ description: 'The upload id, the last segment of the Location POST /uploads answered' }),
});
