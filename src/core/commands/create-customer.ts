import type { Db } from '../../db/connect.js';
import { type AdminAct, recordAdminAct } from '../bindist/audit.js';
import { mintKey, newCustomerId } from '../bindist/customer-keys.js';
import {
  CUSTOMER_COLUMNS,
  type Customer,
  type CustomerFields,
  descriptive,
  toCustomer,
} from '../bindist/customers.js';

/**
 * A new customer with its key (returned here, and never again), audited in the same transaction. No generation to bump: /v1 reads its customers and keys from the database on every request.
 */
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
      .returning(CUSTOMER_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAdminAct(trx, act, 'CUSTOMER_CREATED', { customerId: id, name });
    return inserted;
  });
  return { ...toCustomer(row), apiKey: key.apiKey };
}
