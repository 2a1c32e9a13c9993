import { linkedCustomerIds, requireCustomers } from '../bindist/applications.js';
import { type AdminAct, recordAdminAct } from '../bindist/audit.js';
import { type BindistApp, findApp } from '../bindist/catalog.js';
import type { BindistCaller } from '../bindist/customer-keys.js';
import { invalid } from '../errors.js';
import { printable } from '../names.js';
import type { CommandDeps } from './deps.js';

/**
 * PUT /management/applications/{id}/customers: BinDist's add and remove lists, applied in one transaction with an
 * audit row per link made or removed. No bump:
 * entitlements are read from the database on every /v1 customer request, and nothing cached depends on them.
 */
export async function changeApplicationCustomers(
  deps: CommandDeps,
  caller: BindistCaller,
  act: AdminAct,
  applicationId: string,
  input: { addCustomerIds: string[]; removeCustomerIds: string[] },
): Promise<{ app: BindistApp; added: string[]; removed: string[]; customerIds: string[] }> {
  const { db } = deps.database;
  const { tenantId } = caller;
  const app = await findApp(db, caller, applicationId);
  const { addCustomerIds: add, removeCustomerIds: remove } = input;
  if (add.length === 0 && remove.length === 0) {
    throw invalid(
      'Validation failed: send addCustomerIds and/or removeCustomerIds with at least one customer id',
    );
  }
  const both = add.filter((id) => remove.includes(id));
  if (both.length > 0) {
    throw invalid(
      `Validation failed: a customer cannot be added and removed at once: ${both.map((id) => printable(id)).join(', ')}`,
    );
  }
  await requireCustomers(db, tenantId, add);
  const { added, removed } = await db.transaction().execute(async (trx) => {
    const inserted =
      add.length === 0
        ? []
        : await trx
            .insertInto('bindist_customer_apps')
            .values(
              add.map((customerId) => ({
                tenant_id: tenantId,
                customer_id: customerId,
                app_id: app.id,
                granted_by: act.actorId,
              })),
            )
            .onConflict((oc) => oc.columns(['customer_id', 'app_id']).doNothing())
            .returning('customer_id')
            .execute();
    const deleted =
      remove.length === 0
        ? []
        : await trx
            .deleteFrom('bindist_customer_apps')
            .where('tenant_id', '=', tenantId)
            .where('app_id', '=', app.id)
            .where('customer_id', 'in', remove)
            .returning('customer_id')
            .execute();
    const linked = { added: inserted.map((r) => r.customer_id), removed: deleted.map((r) => r.customer_id) };
    const { applicationId: appName } = app;
    for (const customerId of linked.added) {
      await recordAdminAct(trx, act, 'CUSTOMER_APP_LINKED', { applicationId: appName, customerId });
    }
    for (const customerId of linked.removed) {
      await recordAdminAct(trx, act, 'CUSTOMER_APP_UNLINKED', { applicationId: appName, customerId });
    }
    return linked;
  });
  return { app, added, removed, customerIds: await linkedCustomerIds(db, tenantId, app.id) };
}
