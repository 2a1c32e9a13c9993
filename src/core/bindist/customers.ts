import type { Db } from '../../db/connect.js';
import { notFound } from '../errors.js';
import type { PageRequest } from './paging.js';
import type { Tier } from './tiers.js';

/**
 * BinDist customers (management side): each has one API key, shown once at creation or regeneration, and sees
 * the applications it is linked to. The reads are here; the writes (commands/create-customer.ts,
 * update-customer.ts, regenerate-customer-key.ts) are each audited. All functions act inside one tenant.
 */

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

export const CUSTOMER_COLUMNS = [
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

export function selectCustomers(db: Db, tenantId: string) {
  return db.selectFrom('bindist_customers').select(CUSTOMER_COLUMNS).where('tenant_id', '=', tenantId);
}

export function toCustomer(row: Row): Customer {
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
export function descriptive(input: CustomerFields) {
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
