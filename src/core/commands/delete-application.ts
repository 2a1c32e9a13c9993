import { sql } from 'kysely';
import type { BindistCaller } from '../bindist/customer-keys.js';
import { invalid, notFound } from '../errors.js';
import type { CommandDeps } from './deps.js';

/**
 * DELETE /management/applications/{id}: a soft delete. Versions and files stay (and keep their storage); /v1 hides
 * the app from then on. Deleting twice is BinDist's 400.
 */
export async function deleteApplication(
  deps: CommandDeps,
  caller: BindistCaller,
  id: string,
): Promise<{ appId: string; applicationId: string; deletedAt: Date }> {
  const { db } = deps.database;
  const row = await db
    .updateTable('apps')
    .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
    .where('tenant_id', '=', caller.tenantId)
    .where('name', '=', id)
    .where('deleted_at', 'is', null)
    .returning(['id', 'deleted_at'])
    .executeTakeFirst();
  if (row?.deleted_at) {
    // Update checks, feeds and downloads stop offering the app's releases.
    await deps.changes.changed(caller.tenantId);
    return { appId: row.id, applicationId: id, deletedAt: new Date(row.deleted_at) };
  }
  const existing = await db
    .selectFrom('apps')
    .select('id')
    .where('tenant_id', '=', caller.tenantId)
    .where('name', '=', id)
    .executeTakeFirst();
  if (existing) throw invalid(`Application '${id}' is already deleted`);
  throw notFound(`Application not found: '${id}'`);
}
