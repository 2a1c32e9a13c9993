import express, { type Request, type Response, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { UPDATER_TYPES } from '../../core/catalog/updaters.js';
import { invalid, notFound } from '../../core/errors.js';
import { explainFeed } from '../../core/feeds/explain.js';
import { resolveFeed } from '../../core/feeds/feed.js';
import { requireAllowed } from '../../core/permissions.js';
import type { ReleaseCache } from '../../core/releases/release-cache.js';
import { MAX_DEVICE_ID_LENGTH } from '../../core/telemetry/recorder.js';
import { parseVersion, type Version } from '../../core/version-numbers.js';
import { actorOf, authenticate } from '../shared/auth.js';

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be given once`);
  return value;
}

/**
 * The feed doctor: `GET /update/{owner}/{app}/{channel}/{platform}/{arch}/explain?version=&id=&updater=`, for the
 * owner's admin and team users who may see the app. Answers which release each feed gives that client, and why.
 */
export function feedDoctorRouter(ctx: AppContext, releases: ReleaseCache): Router {
  const router = express.Router();
  router.get(
    '/update/:owner/:app/:channel/:platform/:arch/explain',
    authenticate(ctx),
    async (req: Request, res: Response) => {
      const actor = actorOf(res);
      const params = req.params as Record<string, string>;
      const versionText = queryText(req, 'version');
      let version: Version | undefined;
      if (versionText !== undefined) {
        try {
          version = parseVersion(versionText);
        } catch {
          throw invalid(`invalid version "${versionText}": use the client's version, such as 1.2.3`);
        }
      }
      const id = queryText(req, 'id');
      if (id !== undefined && id.length > MAX_DEVICE_ID_LENGTH) {
        throw invalid(
          `id must be at most ${MAX_DEVICE_ID_LENGTH} characters: the client's staging or device id`,
        );
      }
      const updater = queryText(req, 'updater');
      if (updater !== undefined && !(UPDATER_TYPES as readonly string[]).includes(updater)) {
        throw invalid(`invalid updater: use one of ${UPDATER_TYPES.join(', ')}`);
      }
      // Another tenant's feeds are as unknown to this caller as ones that do not exist.
      if ((await releases.tenantOf(params.owner ?? '')) !== actor.tenantId) {
        throw notFound(`no app "${params.app}" of owner "${params.owner}" in your account`);
      }
      const feed = await resolveFeed(releases, ctx.config.apiUrl, {
        owner: params.owner ?? '',
        app: params.app ?? '',
        channel: params.channel ?? '',
        platform: params.platform ?? '',
        arch: params.arch ?? '',
      });
      if ('error' in feed) throw notFound(feed.error);
      await requireAllowed(ctx.database.db, actor, 'apps', feed.app.id);
      const catalog = await releases.catalog(feed.tenantId);
      res.json(await explainFeed(ctx.database.db, catalog, feed, { version, id }, updater));
    },
  );
  return router;
}
