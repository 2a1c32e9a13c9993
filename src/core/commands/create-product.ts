import type { Actor } from '../auth/actor.js';
import { nameTaken } from '../catalog/common.js';
import { productId } from '../fenfa/ids.js';
import { freeSlug } from '../fenfa/slugs.js';
import { newId } from '../ids.js';
import { isCatalogName } from '../names.js';
import { requirePermission } from '../permissions.js';
import type { CommandDeps } from './deps.js';

export interface ProductInput {
  name: string;
  slug?: string | undefined;
  description?: string | undefined;
  published?: boolean | undefined;
}

/**
 * Creates a Fenfa product: an app whose display name is the product's name, with a slug (given or from the name,
 * made unique with -2, -3, …). The app's own name, which the other faces' clients send as `app_name`, is the slug
 * when the catalog can hold it and is free, else the app id. A new app changes what update checks find: bumps.
 */
export async function createProduct(deps: CommandDeps, actor: Actor, input: ProductInput): Promise<string> {
  requirePermission(actor, 'apps', 'create');
  const { db } = deps.database;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    // One product at a time per tenant picks a slug, so two creates cannot both find the same one free.
    await trx.selectFrom('users').select('id').where('id', '=', actor.tenantId).forUpdate().execute();
    const slug = await freeSlug(trx, actor.tenantId, input.slug ?? input.name);
    const name = isCatalogName(slug) && !(await nameTaken(trx, 'apps', actor.tenantId, slug)) ? slug : id;
    await trx
      .insertInto('apps')
      .values({
        id,
        tenant_id: actor.tenantId,
        name,
        display_name: input.name,
        slug,
        description: input.description ?? '',
        published: input.published ?? true,
      })
      .execute();
  });
  await deps.changes.changed(actor.tenantId);
  return productId(id);
}
