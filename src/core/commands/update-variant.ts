import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { findVariant } from '../fenfa/products.js';
import type { FenfaPlatform } from '../fenfa/targets.js';
import { requirePermission } from '../permissions.js';
import type { VariantFields } from './create-variant.js';
import type { CommandDeps } from './deps.js';

export interface VariantChanges extends VariantFields {
  platform?: FenfaPlatform | undefined;
  arch?: string | undefined;
}

/**
 * Fenfa's partial update of a variant. Its platform and arch decide which files it owns, so they cannot change
 * (create another variant instead). Publishing changes what clients see: bumps.
 */
export async function updateVariant(
  deps: CommandDeps,
  actor: Actor,
  variantId: string,
  changes: VariantChanges,
): Promise<void> {
  requirePermission(actor, 'apps', 'edit');
  await deps.database.db.transaction().execute(async (trx) => {
    const variant = await findVariant(trx, actor.tenantId, variantId);
    if (!variant) throw notFound(`variant ${variantId} not found`);
    if (changes.platform !== undefined && changes.platform !== variant.platform) {
      throw invalid('platform cannot be changed: create a variant for the other platform');
    }
    if (changes.arch !== undefined && changes.arch !== variant.arch) {
      throw invalid('arch cannot be changed: create a variant for the other arch');
    }
    await trx
      .updateTable('fenfa_variants')
      .set({
        ...(changes.identifier !== undefined ? { identifier: changes.identifier } : {}),
        ...(changes.display_name !== undefined ? { display_name: changes.display_name } : {}),
        ...(changes.installer_type !== undefined ? { installer_type: changes.installer_type } : {}),
        ...(changes.min_os !== undefined ? { min_os: changes.min_os } : {}),
        ...(changes.published !== undefined ? { published: changes.published } : {}),
        ...(changes.sort_order !== undefined ? { sort_order: changes.sort_order } : {}),
        updated_at: sql`now()`,
      })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', variantId)
      .execute();
  });
  await deps.changes.changed(actor.tenantId);
}
