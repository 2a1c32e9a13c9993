import { isUniqueViolation } from '../../db/errors.js';
import { requireCustomers } from '../bindist/applications.js';
import { type AdminAct, recordAdminAct } from '../bindist/audit.js';
import { type BindistApp, findApp } from '../bindist/catalog.js';
import type { BindistCaller } from '../bindist/customer-keys.js';
import { conflict } from '../errors.js';
import { newId } from '../ids.js';
import type { CommandDeps } from './deps.js';

export interface CreatedApplication extends BindistApp {
  customerIds: string[];
}

/**
 * POST /management/applications: one transaction creates the app, its customer links and the audit row. A taken id (live, deleted,
 * or an app of the FaynoSync face) is a 409: BinDist never reuses an application id.
 */
export async function createApplication(
  deps: CommandDeps,
  caller: BindistCaller,
  act: AdminAct,
  input: { applicationId: string; name: string; description: string; tags: string[]; customerIds: string[] },
): Promise<CreatedApplication> {
  const { db } = deps.database;
  const { tenantId } = caller;
  const { applicationId, name, description, tags, customerIds } = input;
  await requireCustomers(db, tenantId, customerIds);
  const id = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('apps')
        .values({
          id,
          tenant_id: tenantId,
          name: applicationId,
          display_name: name,
          description,
          tags: JSON.stringify(tags),
          // BinDist files are only ever fetched through signed URLs.
          private: true,
        })
        .execute();
      if (customerIds.length > 0) {
        await trx
          .insertInto('bindist_customer_apps')
          .values(
            customerIds.map((customerId) => ({
              tenant_id: tenantId,
              customer_id: customerId,
              app_id: id,
              granted_by: act.actorId,
            })),
          )
          .execute();
      }
      await recordAdminAct(trx, act, 'APPLICATION_CREATED', { applicationId, customerIds });
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict(
        `Application '${applicationId}' already exists or was deleted: an application id is never reused, choose another`,
      );
    }
    throw err;
  }
  // The app joins the tenant's catalog, which update checks resolve app names from.
  await deps.changes.changed(tenantId);
  return { ...(await findApp(db, caller, applicationId)), customerIds };
}
