import type { Request } from 'express';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { deleteArtifacts } from '../../core/commands/delete-artifacts.js';
import { deleteVersion } from '../../core/commands/delete-version.js';
import type { ReleaseWrite } from '../../core/commands/release-write.js';
import { prepareVersionUpdate } from '../../core/commands/update-version.js';
import { prepareUpload } from '../../core/commands/upload-release.js';
import { listReleases, searchReleases } from '../../core/releases/release-listing.js';
import { ReleaseFiles } from '../../core/releases/upload.js';
import { actorOf, authenticate, permit } from '../shared/auth.js';
import { dataField, readMultipart, writeDataForm } from '../shared/multipart.js';
import { parseData, routeInput } from '../shared/validate.js';
import { presentRelease, presentStoredFiles } from './presenters.js';
import { FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

/** Installers, blockmaps, feed files, deltas: a release pipeline sends a handful, never hundreds. */
const MAX_FILES_PER_REQUEST = 100;

type Prepare = (
  data: unknown,
  fields: ReadonlyMap<string, string>,
  withFiles: boolean,
  files: ReleaseFiles,
) => Promise<ReleaseWrite>;

/** The multipart release routes: `data` and the `file` parts in any order (writeDataForm). */
function writeRelease(ctx: AppContext, req: Request, prepare: Prepare): Promise<string> {
  const files = new ReleaseFiles(ctx);
  return writeDataForm(req, {
    maxFiles: MAX_FILES_PER_REQUEST,
    maxFileBytes: ctx.config.uploadMaxBytes,
    maxFieldBytes: ctx.config.jsonMaxBytes,
    fileHint: 'send files as "file"',
    dataHint: 'send a "data" form field holding JSON along with the "file" parts',
    stage: (file) => files.stage(file),
    unstage: () => files.removeAll(),
    prepare: (data, fields, withFiles) => prepare(data, fields, withFiles, files),
  });
}

/** Uploads, version changes and listings with FaynoSync's routes and answers; the commands bump the generations. */
export function releasesRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const auth = authenticate(ctx);
  const present = (item: Parameters<typeof presentRelease>[0]) =>
    presentRelease(item, ctx.config.apiUrl, ctx.store);

  router.post(
    '/upload',
    authenticate(ctx, { apiTokens: true }),
    permit('apps', 'upload'),
    async (req, res) => {
      const actor = actorOf(res);
      let write: ReleaseWrite | undefined;
      const id = await writeRelease(ctx, req, async (data, fields, _withFiles, files) => {
        write = await prepareUpload(ctx, actor, parseData(R.upload, data), fields, files);
        return write;
      });
      res.json({ 'uploadResult.Uploaded': id, ...presentStoredFiles(write) });
    },
  );

  router.post('/apps/update', auth, permit('apps', 'edit'), async (req, res) => {
    const actor = actorOf(res);
    let write: ReleaseWrite | undefined;
    await writeRelease(ctx, req, async (data, fields, withFiles, files) => {
      write = await prepareVersionUpdate(
        ctx,
        actor,
        parseData(R.updateVersion, data),
        fields,
        withFiles,
        files,
      );
      return write;
    });
    res.json({ 'updatedResult.Updated': true, ...presentStoredFiles(write) });
  });

  router.delete('/apps/delete', auth, permit('apps', 'delete'), async (req, res) => {
    const actor = actorOf(res);
    await deleteVersion(ctx, actor, routeInput(R.deleteVersion, req).query.id);
    res.json({ 'deleteSpecificAppResult.DeletedCount': 1 });
  });

  router.post('/artifact/delete', auth, permit('apps', 'delete'), async (req, res) => {
    const actor = actorOf(res);
    const fields = await readMultipart(req, {
      maxFiles: 0,
      maxFileBytes: 0,
      maxFieldBytes: ctx.config.jsonMaxBytes,
      onFile: async () => {},
    });
    await deleteArtifacts(
      ctx,
      actor,
      parseData(R.deleteArtifacts, dataField(fields, 'send a "data" form field holding JSON')),
    );
    res.json({ deleteSpecificArtifactResult: true });
  });

  router.get('/search', auth, async (req, res) => {
    const result = await searchReleases(db, actorOf(res), routeInput(R.search, req).query);
    res.json({
      items: result.items.map(present),
      total: result.total,
      page: result.page,
      limit: result.limit,
    });
  });

  router.get('/', auth, async (req, res) => {
    const items = await listReleases(db, actorOf(res), routeInput(R.listReleases, req).query.limit);
    res.json({ apps: items.map(present) });
  });

  return router;
}
