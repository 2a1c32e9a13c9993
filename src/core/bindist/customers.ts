import type { Db } from '../../db/connect.js';
import { invalid, notFound } from '../errors.js';
import type { Origin } from './activity.js';
import { type AuditEventType, audit, auditActor } from './audit.js';
import { mintKey, newCustomerId } from './customer-keys.js';
import type { PageRequest } from './paging.js';
import { revokeCustomerShareLinks } from './share-links.js';
import type { Tier } from './tiers.js';

/**
 * BinDist customers (management side): each has one API key, shown once at creation or regeneration, and sees
 * the applications it is linked to. Every change is audited. All functions act inside one tenant.
 */

/** Who makes an administrative change, for the audit log. */
export interface AdminAct {
  tenantId: string;
  /** `admin` (the admin key) or the Updraft user id (JWT). */
  actorId: string;
  origin: Origin;
}

export interface Customer {
  customerId: string;
  name: string;
  email: string | null;
  notes: string | null;
  reference: string | null;
  license: string | null;
  tier: string | null;
  isActive: boolean;
  parentCustomerId: string | null;
  keyPrefix: string;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date | null;
}

const COLUMNS = [
  'id',
  'name',
  'email',
  'notes',
  'reference',
  'license',
  'tier',
  'active',
  'parent_customer_id',
  'key_prefix',
  'created_at',
  'updated_at',
  'last_used_at',
] as const;

type Row = Awaited<ReturnType<ReturnType<typeof selectCustomers>['executeTakeFirstOrThrow']>>;

function selectCustomers(db: Db, tenantId: string) {
  return db.selectFrom('bindist_customers').select(COLUMNS).where('tenant_id', '=', tenantId);
}

function toCustomer(row: Row): Customer {
  return {
    customerId: row.id,
    name: row.name,
    email: row.email,
    notes: row.notes,
    reference: row.reference,
    license: row.license,
    tier: row.tier,
    isActive: row.active,
    parentCustomerId: row.parent_customer_id,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastUsedAt: row.last_used_at,
  };
}

function record(db: Db, act: AdminAct, eventType: AuditEventType, details: Record<string, unknown>) {
  return audit(db, {
    tenantId: act.tenantId,
    eventType,
    actor: auditActor(act.actorId),
    ...act.origin,
    details,
  });
}

/** A customer's fields as sent: undefined leaves a field unchanged, null clears it. */
export interface CustomerFields {
  name?: string | undefined;
  isActive?: boolean | undefined;
  email?: string | null | undefined;
  notes?: string | null | undefined;
  reference?: string | null | undefined;
  license?: string | null | undefined;
  tier?: Tier | null | undefined;
}

/** The descriptive columns of `input`. */
function descriptive(input: CustomerFields) {
  const { email, notes, reference, license, tier } = input;
  return { email, notes, reference, license, tier };
}

/** One customer of the tenant, or 404. */
export async function getCustomer(
  db: Db,
  tenantId: string,
  id: string,
): Promise<Customer & { applicationIds: string[] }> {
  const row = await selectCustomers(db, tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Customer not found: '${id}'`);
  const apps = await db
    .selectFrom('bindist_customer_apps as g')
    .innerJoin('apps as a', 'a.id', 'g.app_id')
    .select('a.name')
    .where('g.customer_id', '=', id)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.name')
    .execute();
  return { ...toCustomer(row), applicationIds: apps.map((a) => a.name) };
}

/** Customers sorted by name; a page when one is asked for. */
export async function listCustomers(
  db: Db,
  tenantId: string,
  page: PageRequest | undefined,
): Promise<{ customers: Customer[]; total: number }> {
  const { n } = await db
    .selectFrom('bindist_customers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  let query = selectCustomers(db, tenantId).orderBy('name').orderBy('id');
  if (page) query = query.limit(page.limit).offset((page.page - 1) * page.limit);
  return { customers: (await query.execute()).map(toCustomer), total: Number(n) };
}

/** A new customer with its key (returned here, and never again). */
export async function createCustomer(
  db: Db,
  act: AdminAct,
  input: CustomerFields & { name: string },
  parentId: string | null,
): Promise<Customer & { apiKey: string }> {
  const { name } = input;
  const fields = descriptive(input);
  const active = input.isActive ?? true;
  const key = mintKey(act.tenantId);
  const id = newCustomerId();
  const now = new Date();
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('bindist_customers')
      .values({
        id,
        tenant_id: act.tenantId,
        name,
        email: fields.email ?? null,
        notes: fields.notes ?? null,
        reference: fields.reference ?? null,
        license: fields.license ?? null,
        tier: fields.tier ?? null,
        active,
        parent_customer_id: parentId,
        key_hash: key.hash,
        key_prefix: key.prefix,
        created_at: now,
        updated_at: now,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await record(trx, act, 'CUSTOMER_CREATED', { customerId: id, name });
    return inserted;
  });
  return { ...toCustomer(row), apiKey: key.apiKey };
}

/** `PATCH /management/customers/{id}`: name, isActive, notes, email, reference, license, tier. */
export async function updateCustomer(
  db: Db,
  act: AdminAct,
  id: string,
  input: CustomerFields,
): Promise<Customer> {
  const { name, isActive: active } = input;
  const fields = descriptive(input);
  const changes = Object.fromEntries(
    Object.entries({ name, active, ...fields }).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(changes).length === 0)
    throw invalid(
      'Validation failed: send at least one of name, isActive, notes, email, reference, license, tier',
    );
  return db.transaction().execute(async (trx) => {
    const before = await selectCustomers(trx, act.tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound(`Customer not found: '${id}'`);
    const row = await trx
      .updateTable('bindist_customers')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .where('tenant_id', '=', act.tenantId)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const event: AuditEventType =
      active === undefined || active === before.active
        ? 'CUSTOMER_UPDATED'
        : active
          ? 'CUSTOMER_ENABLED'
          : 'CUSTOMER_DISABLED';
    await record(trx, act, event, { customerId: id, fields: Object.keys(changes) });
    return toCustomer(row);
  });
}

/** A new key for a customer; the old one stops working at once, and so do the share links made with it. */
export async function regenerateCustomerKey(
  db: Db,
  act: AdminAct,
  id: string,
): Promise<{ customerId: string; apiKey: string; apiSecret: string; regeneratedAt: Date }> {
  const key = mintKey(act.tenantId);
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('bindist_customers')
      .set({ key_hash: key.hash, key_prefix: key.prefix, updated_at: now, last_used_at: null })
      .where('id', '=', id)
      .where('tenant_id', '=', act.tenantId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound(`Customer not found: '${id}'`);
    await revokeCustomerShareLinks(trx, act.tenantId, id);
    await record(trx, act, 'CUSTOMER_KEY_REGENERATED', { customerId: id });
    return { customerId: id, apiKey: key.apiKey, apiSecret: key.secret, regeneratedAt: now };
  });
}
