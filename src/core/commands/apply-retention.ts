import type { ReleaseRow } from '../fenfa/products.js';
import { previewRetention, type RetentionPolicy, variantsWithRetention } from '../fenfa/retention.js';
import type { ReleaseDeps } from '../releases/upload.js';
import { deleteFenfaReleases } from './delete-fenfa-release.js';

/**
 * Applies a variant's retention policy at `now`: the releases it no longer keeps are deleted through the release
 * delete (rows, then files from the store; every face stops offering them). Returns what went.
 */
export async function applyRetention(
  deps: ReleaseDeps,
  tenantId: string,
  variantId: string,
  now = new Date(),
): Promise<{ policy: RetentionPolicy; removed: ReleaseRow[] }> {
  const { policy, remove } = await previewRetention(deps.database.db, tenantId, variantId, { now });
  // A release deleted meanwhile is simply not deleted twice.
  await deleteFenfaReleases(
    deps,
    tenantId,
    remove.map((release) => release.artifactId),
  );
  return { policy, removed: remove };
}

/** The hourly pass: every variant that has a policy. Returns how many releases went. */
export async function applyAllRetention(deps: ReleaseDeps, now = new Date()): Promise<number> {
  let removed = 0;
  for (const { tenantId, variantId } of await variantsWithRetention(deps.database.db)) {
    removed += (await applyRetention(deps, tenantId, variantId, now)).removed.length;
  }
  return removed;
}
