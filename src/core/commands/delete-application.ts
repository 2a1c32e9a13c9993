import { sql } from 'kysely';
import { type AdminAct, recordAdminAct } from '../bindist/audit.js';
import type { BindistCaller } from '../bindist/customer-keys.js';
import { invalid, notFound } from '../errors.js';
import type { CommandDeps } from './deps.js';

/**
 * DELETE /management/applications/{id}: a soft delete. Versions and files stay (and keep their storage); /v1 hides
 * the app from then on, and the audit row is written in the same transaction. Deleting twice is BinDist's 400.
 */
export async function deleteApplication(
  deps: CommandDeps,
  caller: BindistCaller,
  act: AdminAct,
  id: string,
): Promise<{ appId: string; applicationId: string; deletedAt: Date }> {
  const { db } = deps.database;
  const row = await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .updateTable('apps')
      .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
      .where('tenant_id', '=', caller.tenantId)
      .where('name', '=', id)
      .where('deleted_at', 'is', null)
      .returning(['id', 'deleted_at'])
      .executeTakeFirst();
    if (deleted) await recordAdminAct(trx, act, 'APPLICATION_DELETED', { applicationId: id });
    return deleted;
  });
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
