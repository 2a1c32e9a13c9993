import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import type { ReleaseRow } from '../fenfa/products.js';
import type { RetentionPolicy } from '../fenfa/retention.js';
import { requirePermission } from '../permissions.js';
import type { ReleaseDeps } from '../releases/upload.js';
import { applyRetention } from './apply-retention.js';

/**
 * Sets a variant's retention policy (both rules at once; null turns one off) and applies it at once, so the admin
 * sees its effect in the answer rather than an hour later (the preview shows it beforehand). The policy itself is
 * in no cached answer; the deletes bump through the release delete.
 */
export async function updateRetention(
  deps: ReleaseDeps,
  actor: Actor,
  variantId: string,
  policy: RetentionPolicy,
  now = new Date(),
): Promise<{ policy: RetentionPolicy; removed: ReleaseRow[] }> {
  requirePermission(actor, 'apps', 'edit');
  requirePermission(actor, 'apps', 'delete');
  const updated = await deps.database.db
    .updateTable('fenfa_variants')
    .set({ keep_last: policy.keep_last, keep_days: policy.keep_days, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', variantId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw notFound(`variant ${variantId} not found`);
  return applyRetention(deps, actor.tenantId, variantId, now);
}
