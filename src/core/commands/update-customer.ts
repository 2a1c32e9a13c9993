import type { Db } from '../../db/connect.js';
import type { AuditEventType } from '../bindist/audit.js';
import { type AdminAct, recordAdminAct } from '../bindist/audit.js';
import {
  CUSTOMER_COLUMNS,
  type Customer,
  type CustomerFields,
  descriptive,
  selectCustomers,
  toCustomer,
} from '../bindist/customers.js';
import { invalid, notFound } from '../errors.js';

/**
 * `PATCH /management/customers/{id}`: name, isActive, notes, email, reference, license, tier, audited in the same
 * transaction. No generation to bump: /v1 reads its customers and keys from the database on every request.
 */
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
      .returning(CUSTOMER_COLUMNS)
      .executeTakeFirstOrThrow();
    const event: AuditEventType =
      active === undefined || active === before.active
        ? 'CUSTOMER_UPDATED'
        : active
          ? 'CUSTOMER_ENABLED'
          : 'CUSTOMER_DISABLED';
    await recordAdminAct(trx, act, event, { customerId: id, fields: Object.keys(changes) });
    return toCustomer(row);
  });
}
