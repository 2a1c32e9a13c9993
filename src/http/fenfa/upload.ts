import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { smartUploadFenfaRelease } from '../../core/commands/smart-upload-fenfa-release.js';
import { uploadFenfaRelease } from '../../core/commands/upload-fenfa-release.js';
import { parseStagedPackage } from '../../core/fenfa/stored-package.js';
import { ReleaseFiles } from '../../core/releases/upload.js';
import type { FenfaScope } from '../../db/schema.js';
import { parseWith } from '../shared/validate.js';
import { fenfaAuth, fenfaCallerOf, sendsFenfaToken } from './auth.js';
import { fenfaErrorHandler, ok } from './envelope.js';
import { readPackageForm, sendUploaded, stageReleasePackage, uploadOrigin } from './package-form.js';
import { FENFA_ROUTES as R } from './schemas/routes.js';

/**
 * Fenfa's upload routes. `POST /upload` shares its path with FaynoSync's upload: a request with `X-Auth-Token` is
 * Fenfa's (its CI scripts always send one), anything else goes on to FaynoSync's route untouched. The smart uploads
 * and parse-app read the package where it was streamed to (core/fenfa/stored-package.ts). The form's fields and the
 * `app_file` part may come in any order; the file streams to a temporary key before the fields are judged, and that
 * key is removed unless a release took the file. In place of `app_file`, a release upload may name a finished
 * resumable upload (`upload_id`), whose bytes are staged the same way and whose session the release's commit ends.
 */
export function fenfaUploadRouter(ctx: AppContext): Router {
  const router = express.Router();
  router.post(
    '/upload',
    (req, _res, next) => next(sendsFenfaToken(req) ? undefined : 'route'),
    fenfaAuth(ctx, 'upload'),
    async (req, res) => {
      const { actor } = fenfaCallerOf(res);
      const files = new ReleaseFiles(ctx);
      try {
        const form = await readPackageForm(ctx, req, files);
        const input = parseWith('fenfa', R.upload.input.form, form.fields);
        const head = await stageReleasePackage(ctx, actor, files, form, input);
        const done = await uploadFenfaRelease(ctx, actor, input, files, head, uploadOrigin(req));
        await sendUploaded(ctx, req, res, actor.tenantId, done);
      } catch (err) {
        await files.removeAll();
        throw err;
      }
    },
  );

  const smartUpload = (scope: FenfaScope): express.RequestHandler[] => [
    fenfaAuth(ctx, scope),
    async (req, res) => {
      const { actor } = fenfaCallerOf(res);
      const files = new ReleaseFiles(ctx);
      try {
        const form = await readPackageForm(ctx, req, files);
        const input = parseWith('fenfa', R.smartUpload.input.form, form.fields);
        const head = await stageReleasePackage(ctx, actor, files, form, input);
        const done = await smartUploadFenfaRelease(ctx, actor, input, files, head, uploadOrigin(req));
        await sendUploaded(ctx, req, res, actor.tenantId, done);
      } catch (err) {
        await files.removeAll();
        throw err;
      }
    },
  ];
  router.post('/smart-upload', ...smartUpload('upload'));
  router.post('/admin/api/smart-upload', ...smartUpload('admin'));

  router.post('/admin/api/parse-app', fenfaAuth(ctx, 'admin'), async (req, res) => {
    const files = new ReleaseFiles(ctx);
    try {
      await readPackageForm(ctx, req, files);
      ok(res, await parseStagedPackage(ctx, files));
    } finally {
      await files.removeAll();
    }
  });
  router.use(fenfaErrorHandler);
  return router;
}
