import express, { type Request, type Response, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { type Feed, type FeedPath, resolveFeed } from '../../core/feeds/feed.js';
import type { ReleaseArtifact, ReleaseIndex } from '../../core/releases/index-load.js';
import type { ReleaseCache } from '../../core/releases/release-cache.js';
import { STALE_HEADER } from '../hot/response.js';
import { serveStored } from '../stored-objects.js';

/**
 * The files the feeds name: `/update/{owner}/{app}/{channel}/{platform}/{arch}/{version}/{file}` (and
 * `…/{arch}/{file}`, which Velopack asks for beside its feed), streamed from storage with Range and multi-range
 * support on either driver, so electron-updater's differential downloads work.
 *
 * Squirrel.Windows retries a failed download with the whole URL lower-cased, so when nothing matches exactly,
 * every name is matched ignoring case (and used only when that finds exactly one).
 */
export function feedFilesRouter(ctx: AppContext, releases: ReleaseCache): Router {
  const router = express.Router();
  const handler = async (req: Request, res: Response): Promise<void> => {
    const askedAt = Date.now();
    const params = req.params as Record<string, string>;
    const path: FeedPath = {
      owner: params.owner ?? '',
      app: params.app ?? '',
      channel: params.channel ?? '',
      platform: params.platform ?? '',
      arch: params.arch ?? '',
    };
    const version = params.version;
    const file = params.file ?? '';
    let found = await lookup(releases, ctx.config.apiUrl, path, version, file, false);
    if (typeof found === 'string')
      found = await lookup(releases, ctx.config.apiUrl, path, version, file, true);
    if (typeof found === 'string') {
      res.status(404).json({ error: found });
      return;
    }
    // Which file a name means came from the last known state while the database or the listener is away.
    const stale = releases.staleSeconds(found.index, askedAt);
    if (stale > 0) res.setHeader(STALE_HEADER, String(Math.ceil(stale)));
    await serveStored(req, res, ctx.store, found.artifact.storageKey, 'public', found.artifact.fileName);
  };
  router.get('/update/:owner/:app/:channel/:platform/:arch/:version/:file', handler);
  router.get('/update/:owner/:app/:channel/:platform/:arch/:file', handler);
  return router;
}

async function lookup(
  releases: ReleaseCache,
  apiUrl: string,
  path: FeedPath,
  version: string | undefined,
  file: string,
  caseless: boolean,
): Promise<{ artifact: ReleaseArtifact; index: ReleaseIndex } | string> {
  const feed = await resolveFeed(releases, apiUrl, path, caseless);
  if ('error' in feed) return feed.error;
  const artifact = findFile(feed, version, file, caseless);
  if (artifact) return { artifact, index: feed.index };
  return `no published file "${file}" in this feed: use the URL the feed gives (files of unpublished versions are not served)`;
}

/**
 * The file of that name in the release of that version; failing that, the newest release's file of that name (a
 * Squirrel.Windows client resolves bare names in RELEASES against its *own* version's folder).
 */
function findFile(
  feed: Feed,
  version: string | undefined,
  file: string,
  caseless: boolean,
): ReleaseArtifact | undefined {
  const same = (a: string, b: string) => a === b || (caseless && a.toLowerCase() === b.toLowerCase());
  let fallback: ReleaseArtifact | undefined;
  for (let i = feed.line.length - 1; i >= 0; i--) {
    const entry = feed.line[i];
    if (!entry) continue;
    const artifact = entry.artifacts.find((a) => same(a.fileName, file));
    if (!artifact) continue;
    if (version === undefined || same(entry.release.version.text, version)) return artifact;
    fallback ??= artifact;
  }
  return fallback;
}
