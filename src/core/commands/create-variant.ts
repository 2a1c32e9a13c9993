import type { Actor } from '../auth/actor.js';
import { lockForChange } from '../catalog/common.js';
import { invalid } from '../errors.js';
import { newPrefixedId } from '../fenfa/ids.js';
import { ensureArch, ensurePlatform, type FenfaPlatform } from '../fenfa/targets.js';
import { requirePermission } from '../permissions.js';
import type { CommandDeps } from './deps.js';

export interface VariantFields {
  identifier?: string | undefined;
  display_name?: string | undefined;
  installer_type?: string | undefined;
  min_os?: string | undefined;
  published?: boolean | undefined;
  sort_order?: number | undefined;
}

export interface VariantInput extends VariantFields {
  platform: FenfaPlatform;
  arch?: string | undefined;
}

/** The variant the product already has for that platform and arch: one target, one variant (docs/fenfa.md). */
export async function refuseSecondVariant(
  trx: CommandDeps['database']['db'],
  appId: string,
  platformId: string,
  archId: string | null,
  label: string,
): Promise<void> {
  const existing = await trx
    .selectFrom('fenfa_variants')
    .select('id')
    .where('app_id', '=', appId)
    .where('platform_id', '=', platformId)
    .where('arch_id', archId === null ? 'is' : '=', archId)
    .executeTakeFirst();
  if (existing) {
    throw invalid(
      `the product already has a variant for ${label} (${existing.id}): give another arch or update that one`,
    );
  }
}

/**
 * Adds a platform target to a product, creating the tenant's catalog platform and arch when missing (so the other
 * faces' uploads for them land in this variant). A new variant may hide files (an unpublished one): bumps.
 */
export async function createVariant(
  deps: CommandDeps,
  actor: Actor,
  appId: string,
  input: VariantInput,
): Promise<string> {
  requirePermission(actor, 'apps', 'edit');
  const id = newPrefixedId('variant');
  await deps.database.db.transaction().execute(async (trx) => {
    await lockForChange(trx, 'apps', 'product', actor, appId);
    const app = await trx
      .selectFrom('apps')
      .select(['name', 'display_name'])
      .where('id', '=', appId)
      .executeTakeFirstOrThrow();
    const platformId = await ensurePlatform(trx, actor.tenantId, input.platform);
    const archId = input.arch ? await ensureArch(trx, actor.tenantId, input.arch) : null;
    await refuseSecondVariant(
      trx,
      appId,
      platformId,
      archId,
      `${input.platform}${input.arch ? ` ${input.arch}` : ''}`,
    );
    await trx
      .insertInto('fenfa_variants')
      .values({
        id,
        tenant_id: actor.tenantId,
        app_id: appId,
        platform_id: platformId,
        arch_id: archId,
        identifier: input.identifier ?? '',
        display_name: input.display_name || (app.display_name ?? app.name),
        installer_type: input.installer_type ?? '',
        min_os: input.min_os ?? '',
        published: input.published ?? true,
        sort_order: input.sort_order ?? 0,
      })
      .execute();
  });
  await deps.changes.changed(actor.tenantId);
  return id;
}
