import { type Readable, Transform } from 'node:stream';
import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../core/auth/actor.js';
import type { FenfaUploaded } from '../../core/commands/upload-fenfa-release.js';
import { invalid } from '../../core/errors.js';
import { releaseActions } from '../../core/fenfa/settings.js';
import { printable } from '../../core/names.js';
import type { ReleaseFiles } from '../../core/releases/upload.js';
import { completedUploads, uploadIdOf } from '../../core/releases/upload-sessions.js';
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
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      done(null, chunk);
    },
  });
  return { tap, head: () => head };
}

/**
 * Reads a Fenfa upload form: the `app_file` part streams to a temporary key of `files` (private) while its first
 * bytes are kept; the text fields come back as they are, in any order around the file. A release upload then asks
 * stageReleasePackage where its package is.
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
      const first = await stagePackage(files, file.fileName, file.stream);
      head = () => first;
    },
  });
  return { fields: Object.fromEntries(fields), head: head() };
}

/** Streams a package to a temporary key of `files` (private); answers its first bytes once it is stored. */
async function stagePackage(files: ReleaseFiles, fileName: string, stream: Readable): Promise<Buffer> {
  const reading = headTap();
  stream.on('error', (err) => reading.tap.destroy(err));
  await files.stage({ fileName, stream: stream.pipe(reading.tap) });
  return reading.head();
}

/** The fields of a release upload that say where its package is when it is not the `app_file` part. */
export interface PackageSource {
  upload_id?: string | undefined;
  filename?: string | undefined;
}

/**
 * The package of a release upload, exactly one of: the `app_file` part the form staged, or the caller's finished
 * resumable upload (POST /uploads) named by `upload_id` (its id or its Location URL), staged the same way under its
 * name or `filename`, whose session the commit ends. Answers the package's first bytes. A refusal leaves the
 * session as it was.
 */
export async function stageReleasePackage(
  ctx: AppContext,
  actor: Actor,
  files: ReleaseFiles,
  form: { head: Buffer },
  source: PackageSource,
): Promise<Buffer> {
  if (source.upload_id === undefined) {
    if (files.staged.length === 0) {
      throw invalid(
        'no package sent: send it as the "app_file" part, or upload it with POST /uploads (tus) and send its id as upload_id',
      );
    }
    if (source.filename !== undefined) {
      throw invalid('filename renames the package of an upload_id; an app_file part carries its own name');
    }
    return form.head;
  }
  if (files.staged.length > 0) {
    throw invalid(
      'send the package once: either as the "app_file" part or as upload_id (a finished resumable upload), not both',
    );
  }
  const [upload] = await completedUploads(ctx, actor, [
    { id: uploadIdOf(source.upload_id), name: source.filename },
  ]);
  if (!upload) throw new Error('a named upload was neither found nor refused');
  const head = await stagePackage(files, upload.fileName, upload.open());
  files.tookOver(upload.id);
  return head;
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
