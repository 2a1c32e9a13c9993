import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isUniqueViolation } from '../../db/errors.js';
import { conflict, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { MAX_NAME_LENGTH, printable } from '../names.js';
import { type BindistApp, findApp } from './catalog.js';
import type { BindistCaller } from './keys.js';

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
async function requireCustomers(db: Db, tenantId: string, ids: string[]): Promise<void> {
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

export interface CreatedApplication extends BindistApp {
  customerIds: string[];
}

/**
 * POST /management/applications: one transaction creates the app and its customer links. A taken id (live, deleted,
 * or an app of the FaynoSync face) is a 409: BinDist never reuses an application id.
 */
export async function createApplication(
  db: Db,
  caller: BindistCaller,
  grantedBy: string,
  input: { applicationId: string; name: string; description: string; tags: string[]; customerIds: string[] },
): Promise<CreatedApplication> {
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
              granted_by: grantedBy,
            })),
          )
          .execute();
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict(
        `Application '${applicationId}' already exists or was deleted: an application id is never reused, choose another`,
      );
    }
    throw err;
  }
  return { ...(await findApp(db, caller, applicationId)), customerIds };
}

/** PATCH /management/applications/{id}: display name, description and tags; the id itself never changes. */
export async function updateApplication(
  db: Db,
  caller: BindistCaller,
  applicationId: string,
  input: { name?: string | undefined; description?: string | null | undefined; tags?: string[] | undefined },
): Promise<BindistApp> {
  const app = await findApp(db, caller, applicationId);
  const changes: { display_name?: string; description?: string; tags?: string } = {};
  if (input.name !== undefined) changes.display_name = input.name;
  if (input.description !== undefined) changes.description = input.description ?? '';
  const { tags } = input;
  if (tags !== undefined) changes.tags = JSON.stringify(tags);
  if (Object.keys(changes).length === 0) {
    throw invalid('Validation failed: send at least one of name, description, tags');
  }
  await db
    .updateTable('apps')
    .set({ ...changes, updated_at: sql`now()` })
    .where('tenant_id', '=', caller.tenantId)
    .where('id', '=', app.id)
    .execute();
  return findApp(db, caller, app.applicationId);
}

/**
 * DELETE /management/applications/{id}: a soft delete. Versions and files stay (and keep their storage); /v1 hides
 * the app from then on. Deleting twice is BinDist's 400.
 */
export async function deleteApplication(
  db: Db,
  caller: BindistCaller,
  id: string,
): Promise<{ appId: string; applicationId: string; deletedAt: Date }> {
  const row = await db
    .updateTable('apps')
    .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
    .where('tenant_id', '=', caller.tenantId)
    .where('name', '=', id)
    .where('deleted_at', 'is', null)
    .returning(['id', 'deleted_at'])
    .executeTakeFirst();
  if (row?.deleted_at) return { appId: row.id, applicationId: id, deletedAt: new Date(row.deleted_at) };
  const existing = await db
    .selectFrom('apps')
    .select('id')
    .where('tenant_id', '=', caller.tenantId)
    .where('name', '=', id)
    .executeTakeFirst();
  if (existing) throw invalid(`Application '${id}' is already deleted`);
  throw notFound(`Application not found: '${id}'`);
}

/** PUT /management/applications/{id}/customers: BinDist's add and remove lists, applied in one transaction. */
export async function changeApplicationCustomers(
  db: Db,
  caller: BindistCaller,
  grantedBy: string,
  applicationId: string,
  input: { addCustomerIds: string[]; removeCustomerIds: string[] },
): Promise<{ app: BindistApp; added: string[]; removed: string[]; customerIds: string[] }> {
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
                granted_by: grantedBy,
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
    return { added: inserted.map((r) => r.customer_id), removed: deleted.map((r) => r.customer_id) };
  });
  return { app, added, removed, customerIds: await linkedCustomerIds(db, tenantId, app.id) };
}
