import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { clientViewer } from '../visibility.js';
import { recordFenfaEvent } from './events.js';
import { productId, unprefix } from './ids.js';
import { type ReleaseRow, releasesOf, type VariantRow, variantOfRelease } from './products.js';

/**
 * A release anyone may download through `/d/:releaseID`: its product and variant published, its version visible to
 * update clients (core/visibility.ts), its app not private (a private app's files need the FaynoSync face's
 * credentials). Undefined otherwise, which the face answers as not found.
 */
export async function publicRelease(
  db: Db,
  releaseIdText: string,
): Promise<{ release: ReleaseRow; variant: VariantRow } | undefined> {
  const artifactId = unprefix('release', releaseIdText);
  if (artifactId === undefined) return undefined;
  const variant = await variantOfRelease(db, undefined, artifactId);
  if (!variant?.published) return undefined;
  const found = await releasesOf(db, clientViewer(variant.tenantId), [variant.id], {
    releaseId: artifactId,
    allFiles: true,
  });
  const release = found.get(variant.id)?.[0];
  return release && release.visibility === 'public' ? { release, variant } : undefined;
}

/** Counts a download of the release and logs Fenfa's `download` event; no cached answer holds the count. */
export async function countFenfaDownload(
  db: Db,
  found: { release: ReleaseRow; variant: VariantRow },
  origin: { ip: string | null; ua: string | null },
): Promise<void> {
  const { release, variant } = found;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('fenfa_releases')
      .values({ artifact_id: release.artifactId, tenant_id: variant.tenantId, download_count: 1 })
      .onConflict((oc) =>
        oc.column('artifact_id').doUpdateSet({ download_count: sql`fenfa_releases.download_count + 1` }),
      )
      .execute();
    await recordFenfaEvent(trx, {
      tenantId: variant.tenantId,
      type: 'download',
      productId: productId(variant.appId),
      variantId: variant.id,
      releaseId: release.id,
      ...origin,
    });
  });
}
