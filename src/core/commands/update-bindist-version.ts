import { sql } from 'kysely';
import { type AdminAct, recordAdminAct } from '../bindist/audit.js';
import { findApp } from '../bindist/catalog.js';
import type { BindistCaller } from '../bindist/customer-keys.js';
import { viewerOf } from '../bindist/releases.js';
import type { Tier } from '../bindist/tiers.js';
import { invalid, notFound } from '../errors.js';
import { findVersion as findVisibleVersion } from '../lookup.js';
import { printable } from '../names.js';
import type { CommandDeps } from './deps.js';

/** The PATCH fields; undefined leaves a field unchanged, a null note or tier clears it. */
export interface VersionChanges {
  isEnabled?: boolean | undefined;
  isActive?: boolean | undefined;
  releaseNotes?: string | null | undefined;
  requiredTier?: Tier | null | undefined;
}

export interface UpdatedVersion {
  applicationId: string;
  version: string;
  releaseNotes: string | null;
  isActive: boolean;
  isEnabled: boolean;
  requiredTier: string | null;
  updatedAt: Date;
}

/**
 * PATCH /applications/{id}/versions/{v}: `isEnabled` (publish), `isActive`, `releaseNotes` ("" or null clears them)
 * and `requiredTier`. A body with none of them is BinDist's 400. `minimumClientVersion`, which older SDKs send, is
 * ignored, as BinDist's server does. The change and its audit row are one transaction.
 */
export async function updateBindistVersion(
  deps: CommandDeps,
  caller: BindistCaller,
  act: AdminAct,
  applicationId: string,
  version: string,
  input: VersionChanges,
  options: { testChannel: boolean },
): Promise<UpdatedVersion> {
  const { db } = deps.database;
  const app = await findApp(db, caller, applicationId);
  const changes: { published?: boolean; is_active?: boolean; changelog?: string; min_tier?: string | null } =
    {};
  const { isEnabled: enabled, isActive: active, releaseNotes: notes, requiredTier: tier } = input;
  if (enabled !== undefined) changes.published = enabled;
  if (active !== undefined) changes.is_active = active;
  if (notes !== undefined) changes.changelog = notes ?? '';
  if (tier !== undefined) changes.min_tier = tier;
  if (Object.keys(changes).length === 0) {
    throw invalid('Validation failed: send at least one of isEnabled, isActive, releaseNotes, requiredTier');
  }
  // The version /v1 shows under that number, whichever face uploaded it; an inactive one too, to reactivate it.
  const viewer = await viewerOf(db, caller, options.testChannel);
  const target = await findVisibleVersion(db, viewer, app.id, version, { inactive: true });
  if (!target) throw notFound(`Version not found: '${printable(version)}' of '${app.applicationId}'`);
  const row = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('versions')
      .set({ ...changes, updated_at: sql`now()` })
      .where('tenant_id', '=', caller.tenantId)
      .where('id', '=', target.id)
      .returning(['version', 'changelog', 'is_active', 'published', 'min_tier', 'updated_at'])
      .executeTakeFirst();
    if (updated) {
      await recordAdminAct(trx, act, 'VERSION_UPDATED', {
        applicationId: app.applicationId,
        version: updated.version,
        fields: Object.keys(input).filter((field) => input[field as keyof VersionChanges] !== undefined),
      });
    }
    return updated;
  });
  // Deleted since the look-up.
  if (!row) throw notFound(`Version not found: '${printable(version)}' of '${app.applicationId}'`);
  // Publishing, deactivating and the required tier decide what update checks and feeds offer.
  await deps.changes.changed(caller.tenantId);
  return {
    applicationId: app.applicationId,
    version: row.version,
    releaseNotes: row.changelog === '' ? null : row.changelog,
    isActive: row.is_active,
    isEnabled: row.published,
    requiredTier: row.min_tier,
    updatedAt: new Date(row.updated_at),
  };
}
