import { sql } from 'kysely';
import { type BindistApp, findApp } from '../bindist/catalog.js';
import type { BindistCaller } from '../bindist/customer-keys.js';
import { invalid } from '../errors.js';
import type { CommandDeps } from './deps.js';

/**
 * PATCH /management/applications/{id}: display name, description and tags; the id itself never changes. No bump: none
 * of them is in anything cached (update checks and feeds know an app by its id and privacy only).
 */
export async function updateApplication(
  deps: CommandDeps,
  caller: BindistCaller,
  applicationId: string,
  input: { name?: string | undefined; description?: string | null | undefined; tags?: string[] | undefined },
): Promise<BindistApp> {
  const { db } = deps.database;
  const app = await findApp(db, caller, applicationId);
  const changes: { display_name?: string; description?: string; tags?: string } = {};
  if (input.name !== undefined) changes.display_name = input.name;
  if (input.description !== undefined) changes.description = input.description ?? '';
  const { tags } = input;
  if (tags !== undefined) changes.tags = JSON.stringify(tags);
  if (Object.keys(changes).length === 0) {
    throw invalid('Validation failed: send at least one of name, description, tags');
  }
  await db
    .updateTable('apps')
    .set({ ...changes, updated_at: sql`now()` })
    .where('tenant_id', '=', caller.tenantId)
    .where('id', '=', app.id)
    .execute();
  return findApp(db, caller, app.applicationId);
}
