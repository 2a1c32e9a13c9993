import { sql } from 'kysely';
import type { CountedRows } from '../batched-counter.js';
import type { ReleaseArtifact, ReleaseIndex } from '../releases/index-load.js';
import type { ReleaseCache } from '../releases/release-cache.js';
import { fenfaEventRow } from './events.js';
import { productId, releaseId, unprefix } from './ids.js';

/** A file served at `/d/:releaseID`, with the index it was found in (which says how current it is). */
export interface PublicRelease {
  tenantId: string;
  appId: string;
  variantId: string;
  artifact: ReleaseArtifact;
  index: ReleaseIndex;
}

/**
 * A release anyone may download through `/d/:releaseID`, found through the release cache (so it is answered from
 * the last known state while the database is away): its product published and not private (a private app's files
 * need the FaynoSync face's credentials), its version visible to update clients and its variant published
 * (core/visibility.ts, which the cached index applies), and a Fenfa variant owning the file. Undefined otherwise,
 * which the face answers as not found.
 */
export async function publicRelease(
  releases: ReleaseCache,
  releaseIdText: string,
): Promise<PublicRelease | undefined> {
  const artifactId = unprefix('release', releaseIdText);
  if (artifactId === undefined) return undefined;
  const owner = await releases.artifactOwner(artifactId);
  if (!owner) return undefined;
  const catalog = await releases.catalog(owner.tenantId);
  const app = catalog.appsById.get(owner.appId);
  if (!app || app.private) return undefined;
  const index = await releases.index(catalog, app);
  const artifact = index.artifacts.get(artifactId)?.artifact;
  if (!artifact?.variantId || artifact.visibility !== 'public') return undefined;
  return { tenantId: owner.tenantId, appId: owner.appId, variantId: artifact.variantId, artifact, index };
}

export interface FenfaDownload {
  release: PublicRelease;
  ip: string | null;
  ua: string | null;
}

interface Row {
  tenantId: string;
  artifactId: string;
  appId: string;
  variantId: string;
  ip: string | null;
  ua: string | null;
  at: Date;
  count: number;
}

/**
 * Downloads of Fenfa releases (core/batched-counter.ts): each adds one to its release's `download_count` and logs
 * Fenfa's `download` event at the time it was made. No cached answer holds either.
 */
export const FENFA_DOWNLOADS: CountedRows<FenfaDownload, Row> = {
  what: 'Fenfa download counts',
  row: ({ release, ip, ua }, at) => ({
    tenantId: release.tenantId,
    artifactId: release.artifact.id,
    appId: release.appId,
    variantId: release.variantId,
    ip,
    ua,
    at,
    count: 1,
  }),
  // Every download is its own event.
  key: () => undefined,
  write: (db, rows) =>
    db.transaction().execute(async (trx) => {
      const perRelease = new Map<string, { tenant_id: string; download_count: number }>();
      for (const row of rows) {
        const known = perRelease.get(row.artifactId);
        if (known) known.download_count += row.count;
        else perRelease.set(row.artifactId, { tenant_id: row.tenantId, download_count: row.count });
      }
      // A release deleted since it was downloaded has no count left to add to; its events are kept, as Fenfa's are.
      const live = await trx
        .selectFrom('artifacts')
        .select('id')
        .where('id', 'in', [...perRelease.keys()])
        .execute();
      const counts = live.flatMap(({ id }) => {
        const count = perRelease.get(id);
        return count ? [{ artifact_id: id, ...count }] : [];
      });
      if (counts.length > 0) {
        await trx
          .insertInto('fenfa_releases')
          .values(counts)
          .onConflict((oc) =>
            oc
              .column('artifact_id')
              .doUpdateSet({ download_count: sql`fenfa_releases.download_count + excluded.download_count` }),
          )
          .execute();
      }
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .insertInto('fenfa_events')
          .values(
            rows.slice(i, i + 500).map((row) =>
              fenfaEventRow(
                {
                  tenantId: row.tenantId,
                  type: 'download',
                  productId: productId(row.appId),
                  variantId: row.variantId,
                  releaseId: releaseId(row.artifactId),
                  ip: row.ip,
                  ua: row.ua,
                },
                row.at,
              ),
            ),
          )
          .execute();
      }
    }),
};
