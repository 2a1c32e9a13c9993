import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { isId } from '../ids.js';
import { requireAllowedPlacement, requirePermission } from '../permissions.js';
import { artifactsOf, findVersion, type ListedArtifact } from '../releases/release-listing.js';
import { claimForRemoval, removeClaimed } from '../releases/removal.js';
import type { ReleaseDeps } from '../releases/upload.js';
import { asObject } from '../releases/upload.js';
import { managerViewer } from '../visibility.js';

/**
 * Deletes artifacts of one version: `artifacts_to_delete` lists stable artifact ids or FaynoSync's indexes ("0",
 * "2") into the version's artifact list as /search shows it. Every entry is resolved against that list before
 * anything is deleted (FaynoSync deleted one at a time, so later indexes pointed at the wrong files); an unknown
 * id or an index out of range deletes nothing. Team users need apps.delete, the app, the version's channel and each
 * chosen artifact's platform and arch.
 */
export async function deleteArtifacts(deps: ReleaseDeps, actor: Actor, data: unknown): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const input = asObject(data, '{"id":"…","app_name":"myapp","version":"1.0.0","artifacts_to_delete":["0"]}');
  const entries = parseArtifactRefs(input.artifacts_to_delete);
  const removed = await deps.database.db.transaction().execute(async (trx) => {
    const version = await findVersion(trx, actor, input, true);
    // Indexes count in the list /search showed this caller.
    const viewer = await managerViewer(trx, actor);
    const listed = (await artifactsOf(trx, viewer, [version.id])).get(version.id) ?? [];
    const chosen = new Map<string, ListedArtifact>();
    for (const entry of entries) {
      const artifact = isId(entry) ? listed.find((a) => a.id === entry) : listed[Number(entry)];
      if (!artifact) {
        throw notFound(
          isId(entry)
            ? `artifact ${entry} not found in version ${version.version}`
            : `artifact index ${entry} is out of range: version ${version.version} has ${listed.length} artifact${listed.length === 1 ? '' : 's'} (0 to ${listed.length - 1})`,
        );
      }
      chosen.set(artifact.id, artifact);
    }
    const placements = await trx
      .selectFrom('artifacts')
      .select(['platform_id', 'arch_id'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', [...chosen.keys()])
      .execute();
    for (const placement of placements) {
      await requireAllowedPlacement(trx, actor, {
        platformId: placement.platform_id,
        archId: placement.arch_id,
      });
    }
    const objects = [...chosen.values()].map((a) => ({
      storage_key: a.storageKey,
      visibility: a.visibility,
    }));
    await claimForRemoval(trx, objects);
    await trx
      .deleteFrom('artifacts')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', [...chosen.keys()])
      .execute();
    await trx
      .updateTable('versions')
      .set({ updated_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', version.id)
      .execute();
    return objects;
  });
  await deps.changes.changed(actor.tenantId);
  await removeClaimed(deps, removed);
}

/** Each entry an artifact id (24 hex) or an index as a string (FaynoSync's form) or a number. */
function parseArtifactRefs(value: unknown): string[] {
  const example = 'artifacts_to_delete must be a list of artifact ids or indexes, e.g. ["0","2"]';
  if (!Array.isArray(value) || value.length === 0) throw invalid(example);
  return value.map((entry: unknown) => {
    if (typeof entry === 'number' && Number.isInteger(entry) && entry >= 0) return String(entry);
    if (typeof entry === 'string') {
      const lower = entry.toLowerCase();
      if (isId(lower)) return lower;
      if (/^\d{1,9}$/.test(entry)) return String(Number(entry));
    }
    throw invalid(example);
  });
}
