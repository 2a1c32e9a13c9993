import type { Request } from 'express';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { listApps } from '../../core/catalog/apps.js';
import { LOGO_MAX_BYTES, LogoStaging } from '../../core/catalog/logo.js';
import {
  ARCHS,
  CHANNELS,
  listNamed,
  type NamedItem,
  type NamedKind,
  PLATFORMS,
} from '../../core/catalog/named.js';
import type { PendingAppWrite } from '../../core/commands/app-write.js';
import { prepareAppCreate } from '../../core/commands/create-app.js';
import { createNamed } from '../../core/commands/create-named.js';
import { deleteApp } from '../../core/commands/delete-app.js';
import { deleteNamed } from '../../core/commands/delete-named.js';
import { prepareAppUpdate } from '../../core/commands/update-app.js';
import { updateNamed } from '../../core/commands/update-named.js';
import { actorOf, authenticate, permit } from '../shared/auth.js';
import { jsonBody } from '../shared/body.js';
import { type MultipartFile, writeDataForm } from '../shared/multipart.js';
import { parseData, routeInput } from '../shared/validate.js';
import { presentApp, presentArch, presentChannel, presentPlatform } from './presenters.js';
import { FAYNOSYNC_NAMED, FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

/** How FaynoSync names a kind on the wire: route prefix, result-key infix, list key and list document. */
interface NamedRoutes {
  kind: NamedKind;
  routes: (typeof FAYNOSYNC_NAMED)[keyof typeof FAYNOSYNC_NAMED];
  path: string;
  result: string;
  listKey: string;
  present: (item: NamedItem, owner: string) => object;
}

const NAMED_ROUTES: NamedRoutes[] = [
  {
    kind: CHANNELS,
    routes: FAYNOSYNC_NAMED.channel,
    path: 'channel',
    result: 'Channel',
    listKey: 'channels',
    present: presentChannel,
  },
  {
    kind: PLATFORMS,
    routes: FAYNOSYNC_NAMED.platform,
    path: 'platform',
    result: 'Platform',
    listKey: 'platforms',
    present: presentPlatform,
  },
  {
    kind: ARCHS,
    routes: FAYNOSYNC_NAMED.arch,
    path: 'arch',
    result: 'Arch',
    listKey: 'archs',
    present: presentArch,
  },
];

/** The multipart app routes: `data` (JSON) and an optional logo in `file`, in either order (writeDataForm). */
function writeApp(
  ctx: AppContext,
  req: Request,
  prepare: (data: unknown, logo: LogoStaging) => Promise<PendingAppWrite>,
): Promise<string> {
  const logo = new LogoStaging(ctx.store, ctx.logger);
  // What a browser form sends when no file was chosen: a file part without a name or content.
  const chosen = (file: MultipartFile) => file.fileName !== '';
  return writeDataForm(req, {
    maxFiles: 1,
    maxFileBytes: LOGO_MAX_BYTES,
    maxFieldBytes: ctx.config.jsonMaxBytes,
    fileHint: 'send the logo as "file"',
    dataHint: 'send a "data" form field holding JSON such as {"app":"myapp"}',
    stage: async (file) => {
      if (chosen(file)) await logo.stage(file);
    },
    unstage: () => logo.remove(),
    prepare: async (data) => {
      const write = await prepare(data, logo);
      return {
        addFile: async (file) => {
          if (chosen(file)) await write.attachLogo(file);
        },
        commit: () => write.commit(),
        discard: () => write.discard(),
      };
    },
  });
}

/** Apps, channels, platforms and archs with FaynoSync's routes and answers; the commands bump the generations. */
export function catalogRouter(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const auth = authenticate(ctx);
  const json = jsonBody(ctx.config.jsonMaxBytes);

  router.post('/app/create', auth, permit('apps', 'create'), async (req, res) => {
    const actor = actorOf(res);
    const id = await writeApp(ctx, req, (data, logo) =>
      prepareAppCreate(ctx, actor, parseData(R.createApp, data), logo),
    );
    res.json({ 'createAppResult.Created': id });
  });

  router.post('/app/update', auth, permit('apps', 'edit'), async (req, res) => {
    const actor = actorOf(res);
    await writeApp(ctx, req, (data, logo) =>
      prepareAppUpdate(ctx, actor, parseData(R.updateApp, data), logo),
    );
    res.json({ 'updateAppResult.Updated': true });
  });

  router.get('/app/list', auth, async (_req, res) => {
    const actor = actorOf(res);
    const apps = await listApps(db, actor);
    res.json({ apps: apps.map((app) => presentApp(app, actor.ownerUsername, ctx.store)) });
  });

  router.delete('/app/delete', auth, permit('apps', 'delete'), async (req, res) => {
    const actor = actorOf(res);
    await deleteApp(ctx, actor, routeInput(R.deleteApp, req).query.id);
    res.json({ 'deleteAppResult.DeletedCount': 1 });
  });

  for (const { kind, routes, path, result, listKey, present } of NAMED_ROUTES) {
    router.post(`/${path}/create`, auth, permit(kind.table, 'create'), json, async (req, res) => {
      const actor = actorOf(res);
      const id = await createNamed(ctx, actor, kind, routeInput(routes.create, req).body);
      res.json({ [`create${result}Result.Created`]: id });
    });

    router.get(`/${path}/list`, auth, async (_req, res) => {
      const actor = actorOf(res);
      const items = await listNamed(db, actor, kind);
      res.json({ [listKey]: items.map((item) => present(item, actor.ownerUsername)) });
    });

    router.post(`/${path}/update`, auth, permit(kind.table, 'edit'), json, async (req, res) => {
      const actor = actorOf(res);
      await updateNamed(ctx, actor, kind, routeInput(routes.update, req).body);
      res.json({ [`update${result}Result.Updated`]: true });
    });

    router.delete(`/${path}/delete`, auth, permit(kind.table, 'delete'), async (req, res) => {
      const actor = actorOf(res);
      await deleteNamed(ctx, actor, kind, routeInput(routes.delete, req).query.id);
      res.json({ [`delete${result}Result.DeletedCount`]: 1 });
    });
  }

  return router;
}
