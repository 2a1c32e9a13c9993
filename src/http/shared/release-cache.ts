import type { AppContext } from '../../context.js';
import { ReleaseCache } from '../../core/releases/release-index.js';

const KEY = 'releaseCache';

/** The instance's one release cache, shared by the hot path and the Express routes that read releases (feed files). */
export function releaseCache(ctx: AppContext): ReleaseCache {
  let cache = ctx.state.get(KEY) as ReleaseCache | undefined;
  if (!cache) {
    cache = new ReleaseCache({
      db: ctx.database.db,
      changes: ctx.changes,
      apiUrl: ctx.config.apiUrl,
      store: ctx.store,
      staleLimitSeconds: ctx.config.staleIfErrorSeconds,
    });
    ctx.state.set(KEY, cache);
  }
  return cache;
}
