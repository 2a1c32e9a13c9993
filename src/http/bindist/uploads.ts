import { PassThrough } from 'node:stream';
import express, { type Request, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { type BindistCaller, callerId } from '../../core/bindist/customer-keys.js';
import {
  resolveUploadTarget,
  SMALL_UPLOAD_MAX_BYTES,
  tooLargeForSmallUpload,
  type Uploader,
  type UploadResult,
  uploadJson,
  VersionUpload,
} from '../../core/bindist/uploads.js';
import {
  completeLargeUpload,
  openLargeUpload,
  receiveLargeUpload,
  verifyUploadUrl,
} from '../../core/bindist/uploads-large.js';
import { DomainError, invalid } from '../../core/errors.js';
import { printable } from '../../core/names.js';
import { drain, readMultipart } from '../shared/multipart.js';
import { parseWith, routeInput } from '../shared/validate.js';
import { adminOnly, bindistCaller, requestOrigin } from './auth.js';
import { ok } from './envelope.js';
import { BINDIST_ROUTES as R, uploadFormFields } from './schemas/routes.js';

/** A body that failed is read on (and thrown away) up to this much, so the client hears why; past it, cut off. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
/** BinDist's multipart text fields; nothing in them comes near this. */
const MAX_FIELD_BYTES = 64 * 1024;

function uploaderOf(req: Request, caller: BindistCaller): Uploader {
  return { id: callerId(caller), ...requestOrigin(req) };
}

/**
 * The docs' multipart form: `applicationId`, `version`, then `file` (plus `releaseNotes`, `fileType`, `description`,
 * and `fileName`, which defaults to the part's file name). The fields are checked when the file part arrives, before
 * a byte of it is stored, so they must come first, as curl -F sends them in the order written.
 */
async function uploadMultipart(ctx: AppContext, req: Request, caller: BindistCaller): Promise<UploadResult> {
  let upload: VersionUpload | undefined;
  let before: ReadonlyMap<string, string> | undefined;
  try {
    const fields = await readMultipart(req, {
      maxFiles: 1,
      maxFileBytes: SMALL_UPLOAD_MAX_BYTES,
      maxFieldBytes: MAX_FIELD_BYTES,
      onFile: async (file, fieldsSoFar) => {
        if (file.fieldName !== 'file') {
          throw invalid(
            `Validation failed: unexpected file field "${printable(file.fieldName)}": send the file as "file"`,
          );
        }
        before = fieldsSoFar;
        const fields = parseWith('bindist', uploadFormFields, {
          ...Object.fromEntries(fieldsSoFar),
          fileName: fieldsSoFar.get('fileName') || file.fileName,
        });
        const target = await resolveUploadTarget(ctx, caller, fields);
        upload = new VersionUpload(ctx, caller.tenantId, target);
        await upload.addFile(target.fileName ?? file.fileName, file.stream);
      },
    });
    if (!upload || !before) {
      throw invalid(
        'Validation failed: "file" is required: add the binary as a "file" part (curl -F "file=@./app.exe")',
      );
    }
    for (const [name, value] of fields) {
      if (before.get(name) !== value) {
        throw invalid(
          `Validation failed: form field "${printable(name)}" came after the file: send every field before "file"`,
        );
      }
    }
    return await upload.commit(uploaderOf(req, caller), 'direct');
  } catch (err) {
    await upload?.discard();
    // The multipart reader's own limit message does not know about the large upload.
    if (err instanceof DomainError && err.kind === 'too_large' && upload) throw tooLargeForSmallUpload();
    throw err;
  }
}

/**
 * Management uploads (admin key only): the small upload as JSON with base64 content (the SDKs) or as multipart (the
 * docs), and the first and last steps of the large upload. New versions start disabled.
 */
export function bindistUploadsRouter(ctx: AppContext): Router {
  const router = express.Router();

  router.post('/management/upload', adminOnly, async (req, res) => {
    const caller = bindistCaller(res);
    const multipart = /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
    const result = multipart
      ? await uploadMultipart(ctx, req, caller)
      : await uploadJson(ctx, caller, uploaderOf(req, caller), routeInput(R.upload, req).body);
    ok(res, result, { status: 201 });
  });

  router.post('/management/upload/large-url', adminOnly, async (req, res) => {
    ok(res, await openLargeUpload(ctx, bindistCaller(res), routeInput(R.largeUrl, req).body));
  });

  router.post('/management/upload/large-complete', adminOnly, async (req, res) => {
    const caller = bindistCaller(res);
    const { body } = routeInput(R.largeComplete, req);
    ok(res, await completeLargeUpload(ctx, caller, uploaderOf(req, caller), body), { status: 201 });
  });

  return router;
}

function contentLengthOf(req: Request): number | undefined {
  const header = req.headers['content-length'];
  return header !== undefined && /^\d{1,16}$/.test(header) ? Number(header) : undefined;
}

/**
 * The local driver's upload URL, `PUT /v1/uploads/{tenant}/{uploadId}?expires&signature`: the signature is the
 * credential (no API key, as with a presigned S3 URL), so this router is mounted before authentication and before
 * any body parser. The body streams to storage; success is exactly 200, as the SDKs expect from S3.
 */
export function bindistUploadTargetRouter(ctx: AppContext): Router {
  const router = express.Router();
  router.put('/uploads/:tenantId/:uploadId', async (req, res) => {
    const { tenantId, uploadId } = routeInput(R.uploadTarget, req).params;
    // Storage gets its own stream: when it gives up it destroys that one, not the request (and so the connection).
    const body = new PassThrough();
    try {
      verifyUploadUrl(ctx.config.jwtSecret, tenantId, uploadId, routeInput(R.uploadTarget, req).query);
      req.pipe(body);
      // pipe() does not pass a broken connection on; without this the store would wait for the rest forever.
      req.once('close', () => {
        if (!req.complete)
          body.destroy(new Error('the client closed the connection before the whole file was sent'));
      });
      await receiveLargeUpload(ctx, tenantId, uploadId, body, contentLengthOf(req));
    } catch (err) {
      req.unpipe(body);
      body.destroy();
      // Answer once the client has finished sending: an early answer would reach it as a reset connection.
      await drain(req, MAX_DRAIN_BYTES);
      throw err;
    }
    res.status(200).end();
  });
  return router;
}
