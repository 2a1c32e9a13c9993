import type { Db } from '../../db/connect.js';
import { invalid } from '../errors.js';
import { MAX_NAME_LENGTH, printable } from '../names.js';
import { idParam, requiredString } from './input.js';

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
export const MAX_DISPLAY_NAME = 200;
export const MAX_DESCRIPTION = 2000;
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;

const fail = (problem: string) => invalid(`Validation failed: ${problem}`);

/** An `applicationId` to create: the rule above, with a message that says how to fix it. */
export function parseApplicationId(value: unknown): string {
  const id = requiredString(value, 'applicationId', MAX_NAME_LENGTH);
  if (id !== value || !APPLICATION_ID.test(id)) {
    throw fail(
      `"applicationId" "${printable(id)}" must use letters, digits, '-' and '_', starting with a letter or digit (e.g. "my-app")`,
    );
  }
  return id;
}

export function parseTags(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string')) {
    throw fail('"tags" must be an array of strings, e.g. ["windows", "utility"]');
  }
  if (value.length > MAX_TAGS) throw fail(`"tags" must hold at most ${MAX_TAGS} tags`);
  const tags = (value as string[]).map((tag) => tag.trim());
  if (tags.some((tag) => tag === '' || tag.length > MAX_TAG_LENGTH)) {
    throw fail(`each tag must be 1 to ${MAX_TAG_LENGTH} characters long`);
  }
  return [...new Set(tags)];
}

export function parseCustomerIds(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fail(`"${field}" must be an array of customer ids`);
  return [...new Set(value.map((id) => idParam(id, field)))];
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
