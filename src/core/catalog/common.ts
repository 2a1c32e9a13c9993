import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import type { Database, ResourceKind } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { conflict, type DomainError, invalid, notFound } from '../errors.js';
import { isId } from '../ids.js';
import { requireAllowed } from '../permissions.js';

/** FaynoSync's wording for a refused delete; kept as `details` so its dashboard shows what it always showed. */
const RELATED_DETAILS = "you can't delete this item because it is related to other items";

/** Where rows that block a delete live: versions point at apps and channels, artifacts at platforms and archs. */
export interface Usage {
  table: 'versions' | 'artifacts';
  column: 'app_id' | 'channel_id' | 'platform_id' | 'arch_id';
}

/** An id from a request: ObjectId hex as FaynoSync's clients send it (upper case tolerated, as Mongo does). */
export function parseId(value: unknown): string {
  if (value === undefined || value === null || value === '') throw invalid('id is required');
  const id = typeof value === 'string' ? value.toLowerCase() : undefined;
  if (!isId(id)) throw invalid('invalid id format: expected a 24-character hex id');
  return id;
}

export function duplicateName(label: string): DomainError {
  return conflict(`${label} with this name already exists`);
}

export async function nameTaken(
  db: Db,
  table: ResourceKind,
  tenantId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db.selectFrom(table).select('id').where('tenant_id', '=', tenantId).where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * The row a change is about, locked for the rest of the transaction. Another tenant's row is as unknown as a
 * missing one; a team user must also have it in the allowed list.
 */
export async function lockForChange(
  db: Db,
  table: ResourceKind,
  label: string,
  actor: Actor,
  id: string,
): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(`${label} not found`);
  await requireAllowed(db, actor, table, id);
}

export async function refuseIfUsed(
  db: Db,
  label: string,
  usage: Usage,
  tenantId: string,
  id: string,
): Promise<void> {
  const { count } = await db
    .selectFrom(usage.table)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenant_id', '=', tenantId)
    .where(sql.ref<string>(usage.column), '=', id)
    .executeTakeFirstOrThrow();
  const n = Number(count);
  if (n > 0) throw inUse(label, usage, n);
}

function inUse(label: string, usage: Usage, count?: number): DomainError {
  const noun = usage.table;
  const users =
    count === undefined
      ? `${noun} use it`
      : count === 1
        ? `1 ${noun.slice(0, -1)} uses it`
        : `${count} ${noun} use it`;
  return conflict(
    `you can't delete this ${label} because ${users}: delete those ${noun} first`,
    RELATED_DETAILS,
  );
}

/**
 * Runs one change in a transaction and turns a constraint the pre-checks could not see coming (a concurrent
 * request) into the same answer the pre-check gives: a duplicate name, or, for a delete, a row still in use.
 */
export async function withConstraints<T>(
  db: Db,
  label: string,
  work: (trx: Db) => Promise<T>,
  deleting?: Usage,
): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(label);
    if (deleting && isForeignKeyViolation(err)) throw inUse(label, deleting);
    throw err;
  }
}

/** Lists are the tenant's rows; a team user sees only those in its allowed list, filtered by the database. */
export function visibleTo(actor: Actor, kind: ResourceKind): Expression<SqlBool> {
  const eb = expressionBuilder<Database, ResourceKind>();
  const tenant = eb('tenant_id', '=', actor.tenantId);
  if (actor.role === 'admin') return tenant;
  if (actor.role === 'token') {
    const apps = actor.tokenApps ?? [];
    return kind === 'apps' ? eb.and([tenant, apps.length ? eb('id', 'in', apps) : eb.lit(false)]) : tenant;
  }
  const granted = eb
    .selectFrom('user_grants')
    .select('resource_id')
    .where('user_id', '=', actor.userId)
    .where('kind', '=', kind);
  return eb.and([tenant, eb('id', 'in', granted)]);
}
