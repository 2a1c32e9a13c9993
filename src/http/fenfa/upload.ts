import { Transform } from 'node:stream';
import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { uploadFenfaRelease } from '../../core/commands/upload-fenfa-release.js';
import { invalid } from '../../core/errors.js';
import { releaseActions } from '../../core/fenfa/settings.js';
import { printable } from '../../core/names.js';
import { ReleaseFiles } from '../../core/releases/upload.js';
import { readMultipart } from '../shared/multipart.js';
import { parseWith } from '../shared/validate.js';
import { AUTH_HEADER, fenfaAuth, fenfaCallerOf } from './auth.js';
import { fenfaErrorHandler, ok } from './envelope.js';
import { basesFor } from './origin.js';
import { FENFA_ROUTES as R } from './schemas/routes.js';

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
 * Fenfa's `POST /upload`, on the path FaynoSync's upload also uses: a request with `X-Auth-Token` is Fenfa's (its
 * CI scripts always send one), anything else goes on to FaynoSync's route untouched. The form's fields and the
 * `app_file` part may come in any order; the file streams to a temporary key before the fields are judged.
 */
export function fenfaUploadRouter(ctx: AppContext): Router {
  const router = express.Router();
  router.post(
    '/upload',
    (req, _res, next) => next(req.headers[AUTH_HEADER] === undefined ? 'route' : undefined),
    fenfaAuth(ctx, 'upload'),
    async (req, res) => {
      const { actor } = fenfaCallerOf(res);
      const files = new ReleaseFiles(ctx);
      let head = (): Buffer => Buffer.alloc(0);
      try {
        const fields = await readMultipart(req, {
          maxFiles: 1,
          maxFileBytes: ctx.config.uploadMaxBytes,
          maxFieldBytes: MAX_FIELD_BYTES,
          onFile: async (file) => {
            if (file.fieldName !== 'app_file') {
              throw invalid(
                `unexpected file field "${printable(file.fieldName)}": send the package as "app_file"`,
              );
            }
            const reading = headTap();
            head = reading.head;
            file.stream.on('error', (err) => reading.tap.destroy(err));
            await files.stage({ fileName: file.fileName, stream: file.stream.pipe(reading.tap) });
          },
        });
        const input = parseWith('fenfa', R.upload.input.body, Object.fromEntries(fields));
        const agent = req.headers['user-agent'];
        const done = await uploadFenfaRelease(ctx, actor, input, files, head(), {
          ip: req.ip ?? null,
          ua: typeof agent === 'string' ? agent : null,
        });
        const bases = await basesFor(ctx.database.db, actor.tenantId, req);
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
              bundle_id: done.variant.identifier,
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
      } catch (err) {
        await files.removeAll();
        throw err;
      }
    },
  );
  router.use(fenfaErrorHandler);
  return router;
}
