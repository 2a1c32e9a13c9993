import type { Db } from '../db/connect.js';
import type { App } from '../db/schema.js';
import { appVisible, preferredRank, releaseVisible, type Viewer } from './visibility.js';

/**
 * The one look-up of apps and versions for reads, for every face: each face shapes the rows it gets (and words its
 * own "not found"), none has its own query. What is found is what core/visibility.ts lets the viewer see.
 */

/** An app of the viewer's tenant by name, if the viewer may see it. */
export async function findApp(db: Db, viewer: Viewer, name: string): Promise<App | undefined> {
  return db
    .selectFrom('apps as a')
    .selectAll('a')
    .where('a.name', '=', name)
    .where(appVisible(viewer))
    .executeTakeFirst();
}

/** The apps the viewer may see, to filter and page further (`apps as a`). */
export function visibleApps(db: Db, viewer: Viewer) {
  return db.selectFrom('apps as a').where(appVisible(viewer));
}

/** The versions of an app the viewer may see, to filter further (`versions as v`); see releaseVisible's options. */
export function visibleVersions(db: Db, viewer: Viewer, appId: string, options?: { inactive?: boolean }) {
  return db.selectFrom('versions as v').where('v.app_id', '=', appId).where(releaseVisible(viewer, options));
}

/**
 * One row per version number, as /v1 names versions by number alone: of several (a channel-less one and one per
 * channel) the one preferredRank puts first, ties broken by channel id so every request picks the same.
 */
export function onePerNumber<T extends { version: string; channel_id: string | null }>(
  viewer: Viewer,
  rows: readonly T[],
): T[] {
  const chosen = new Map<string, T>();
  for (const row of rows) {
    const held = chosen.get(row.version);
    if (!held || better(viewer, row, held)) chosen.set(row.version, row);
  }
  return [...chosen.values()];
}

function better(
  viewer: Viewer,
  row: { channel_id: string | null },
  held: { channel_id: string | null },
): boolean {
  const rank = preferredRank(viewer, row.channel_id) - preferredRank(viewer, held.channel_id);
  return rank < 0 || (rank === 0 && (row.channel_id ?? '') < (held.channel_id ?? ''));
}

/** The version of that number the viewer sees (onePerNumber's choice), if any. */
export async function findVersion(
  db: Db,
  viewer: Viewer,
  appId: string,
  version: string,
  options?: { inactive?: boolean },
) {
  const rows = await visibleVersions(db, viewer, appId, options)
    .selectAll('v')
    .where('v.version', '=', version)
    .execute();
  return onePerNumber(viewer, rows)[0];
}

/**
 * Which of these app ids still exist (deleted or not): batched writes of counts about apps (telemetry, page events)
 * drop the rows of an app removed since they were counted, instead of losing the whole batch.
 */
export async function existingAppIds(db: Db, appIds: readonly string[]): Promise<Set<string>> {
  if (appIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('apps')
    .select('id')
    .where('id', 'in', [...new Set(appIds)])
    .execute();
  return new Set(rows.map((app) => app.id));
}
