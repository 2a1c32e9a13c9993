import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';

/** The admin's id (= tenant id) for an owner name, or undefined when no admin has that name. */
export async function findTenant(db: Db, owner: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', owner)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return row?.id;
}

/** The one admin whose name matches ignoring case, or undefined when none or several do. */
export async function findTenantIgnoringCase(db: Db, owner: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where(sql<string>`lower(username)`, '=', owner.toLowerCase())
    .where('role', '=', 'admin')
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]?.id : undefined;
}

/** The tenant and app of an artifact (a Fenfa release), or undefined when there is no such artifact. */
export async function findArtifactOwner(
  db: Db,
  artifactId: string,
): Promise<{ tenantId: string; appId: string } | undefined> {
  const row = await db
    .selectFrom('artifacts as ar')
    .innerJoin('versions as v', 'v.id', 'ar.version_id')
    .select(['ar.tenant_id', 'v.app_id'])
    .where('ar.id', '=', artifactId)
    .executeTakeFirst();
  return row && { tenantId: row.tenant_id, appId: row.app_id };
}
