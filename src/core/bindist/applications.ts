import type { Db } from '../../db/connect.js';
import { invalid } from '../errors.js';
import { MAX_NAME_LENGTH, printable } from '../names.js';

/**
 * BinDist applications over Updraft's apps (migration 0004): `applicationId` is `apps.name`, the display `name` is
 * `apps.display_name`, and a delete is soft (`deleted_at`), so the row and its UNIQUE (tenant, name) stay and an
 * id once used is never handed out again. Apps made here are private: BinDist files are only ever fetched through
 * signed URLs, never from a public bucket.
 */

/**
 * BinDist's server rule (`[A-Za-z0-9_-]`, 1–100), narrowed to what an Updraft app name may also be (it starts with a
 * letter or digit and does not end with "-"), so the same app is addressable from the FaynoSync face.
 */
const APPLICATION_ID = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

const fail = (problem: string) => invalid(`Validation failed: ${problem}`);

/** An `applicationId` to create: the rule above, with a message that says how to fix it. */
export function parseApplicationId(id: string): string {
  if (id.length > MAX_NAME_LENGTH || !APPLICATION_ID.test(id)) {
    throw fail(
      `"applicationId" "${printable(id)}" must use letters, digits, '-' and '_', starting with a letter or digit (e.g. "my-app")`,
    );
  }
  return id;
}

/** The ids of the customers linked to an application, in a stable order. */
export async function linkedCustomerIds(db: Db, tenantId: string, appId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('bindist_customer_apps')
    .select('customer_id')
    .where('tenant_id', '=', tenantId)
    .where('app_id', '=', appId)
    .orderBy('customer_id')
    .execute();
  return rows.map((r) => r.customer_id);
}

/** Refuses ids that are not customers of this tenant (BinDist: 400), naming them. */
export async function requireCustomers(db: Db, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('bindist_customers')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  const known = new Set(found.map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw fail(
      `customer not found: ${missing.map((id) => printable(id)).join(', ')}; create the customer first`,
    );
  }
}
