import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { lockForChange } from '../catalog/common.js';
import { checkNewSlug } from '../fenfa/slugs.js';
import { requirePermission } from '../permissions.js';
import type { CommandDeps } from './deps.js';

export interface ProductChanges {
  name?: string | undefined;
  slug?: string | undefined;
  description?: string | undefined;
  published?: boolean | undefined;
}

/**
 * Fenfa's partial update of a product (name, slug, description, published); a slug another product has is a 400.
 * Publishing decides what update clients and pages see (core/visibility.ts): bumps.
 */
export async function updateProduct(
  deps: CommandDeps,
  actor: Actor,
  appId: string,
  changes: ProductChanges,
): Promise<void> {
  requirePermission(actor, 'apps', 'edit');
  await deps.database.db.transaction().execute(async (trx) => {
    await lockForChange(trx, 'apps', 'product', actor, appId);
    const slug =
      changes.slug === undefined ? undefined : await checkNewSlug(trx, actor.tenantId, appId, changes.slug);
    await trx
      .updateTable('apps')
      .set({
        ...(changes.name !== undefined ? { display_name: changes.name } : {}),
        ...(slug !== undefined ? { slug } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.published !== undefined ? { published: changes.published } : {}),
        updated_at: sql`now()`,
      })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', appId)
      .execute();
  });
  await deps.changes.changed(actor.tenantId);
}
