import { sql } from 'kysely';
import { MAX_DESCRIPTION, MAX_DISPLAY_NAME, parseTags } from '../bindist/applications.js';
import { type BindistApp, findApp } from '../bindist/catalog.js';
import { appIdParam, bodyObject, optionalString, requiredString } from '../bindist/input.js';
import type { BindistCaller } from '../bindist/keys.js';
import { invalid } from '../errors.js';
import type { CommandDeps } from './deps.js';

/**
 * PATCH /management/applications/{id}: display name, description and tags; the id itself never changes. No bump: none
 * of them is in anything cached (update checks and feeds know an app by its id and privacy only).
 */
export async function updateApplication(
  deps: CommandDeps,
  caller: BindistCaller,
  applicationId: unknown,
  body: unknown,
): Promise<BindistApp> {
  const { db } = deps.database;
  const app = await findApp(db, caller, appIdParam(applicationId));
  const input = bodyObject(body);
  const changes: { display_name?: string; description?: string; tags?: string } = {};
  if (input.name !== undefined) changes.display_name = requiredString(input.name, 'name', MAX_DISPLAY_NAME);
  const description = optionalString(input.description, 'description', MAX_DESCRIPTION);
  if (description !== undefined) changes.description = description ?? '';
  const tags = parseTags(input.tags);
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
