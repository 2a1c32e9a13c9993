import { Transform } from 'node:stream';
import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import type { FenfaUploaded } from '../../core/commands/upload-fenfa-release.js';
import { invalid } from '../../core/errors.js';
import { releaseActions } from '../../core/fenfa/settings.js';
import { printable } from '../../core/names.js';
import type { ReleaseFiles } from '../../core/releases/upload.js';
import { readMultipart } from '../shared/multipart.js';
import { ok } from './envelope.js';
import { basesFor } from './origin.js';

/** Room for Fenfa's `icon_base64` (a data URL of an icon) beside the short text fields. */
const MAX_FIELD_BYTES = 8 * 1024 * 1024 + 1024;
const HEAD_BYTES = 4;

/** Passes a stream through, keeping its first bytes (the ZIP magic check needs them, the file is never held). */
function headTap(): { tap: Transform; head: () => Buffer } {
  let head: Buffer = Buffer.alloc(0);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk]).subarray(0, HEAD_BYTES);
      done(null, chunk);
    },
  });
  return { tap, head: () => head };
}

/**
 * Reads a Fenfa upload form: the `app_file` part streams to a temporary key of `files` (private) while its first
 * bytes are kept; the text fields come back as they are, in any order around the file.
 */
export async function readPackageForm(
  ctx: AppContext,
  req: Request,
  files: ReleaseFiles,
): Promise<{ fields: Record<string, string>; head: Buffer }> {
  let head = (): Buffer => Buffer.alloc(0);
  const fields = await readMultipart(req, {
    maxFiles: 1,
    maxFileBytes: ctx.config.uploadMaxBytes,
    maxFieldBytes: MAX_FIELD_BYTES,
    onFile: async (file) => {
      if (file.fieldName !== 'app_file') {
        throw invalid(`unexpected file field "${printable(file.fieldName)}": send the package as "app_file"`);
      }
      const reading = headTap();
      head = reading.head;
      file.stream.on('error', (err) => reading.tap.destroy(err));
      await files.stage({ fileName: file.fileName, stream: file.stream.pipe(reading.tap) });
    },
  });
  return { fields: Object.fromEntries(fields), head: head() };
}

/** Where an upload came from, for its `upload` event. */
export function uploadOrigin(req: Request): { ip: string | null; ua: string | null } {
  const agent = req.headers['user-agent'];
  return { ip: req.ip ?? null, ua: typeof agent === 'string' ? agent : null };
}

/** Fenfa's 201 after an upload (§B.6): the variant as Fenfa's legacy app, the release and its links. */
export async function sendUploaded(
  ctx: AppContext,
  req: Request,
  res: Response,
  tenantId: string,
  done: FenfaUploaded,
): Promise<void> {
  const bases = await basesFor(ctx.database.db, tenantId, req);
  const actions = releaseActions(bases, {
    id: done.release.id,
    platform: done.variant.platform,
    productSlug: done.product.slug,
  });
  ok(
    res,
    {
      app: {
        id: done.variant.id,
        name: done.product.name,
        platform: done.variant.platform,
        bundle_id: done.bundleId,
        product_id: done.product.id,
        variant_id: done.variant.id,
      },
      release: done.release,
      urls: {
        page: `${bases.page}/products/${encodeURIComponent(done.product.slug)}`,
        release_page: actions.release_page,
        download: actions.download,
        ios_manifest: actions.ios_manifest ?? '',
        ios_install: actions.ios_install ?? '',
      },
    },
    201,
  );
}
