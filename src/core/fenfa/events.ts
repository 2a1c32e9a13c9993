import type { Db } from '../../db/connect.js';
import type { FenfaEventType } from '../../db/schema.js';
import { productId, unprefix } from './ids.js';
import { findVariant, variantOfRelease } from './products.js';

export interface FenfaEvent {
  tenantId: string;
  type: FenfaEventType;
  productId: string | null;
  variantId: string | null;
  releaseId: string | null;
  ip: string | null;
  ua: string | null;
  extra?: Record<string, unknown>;
}

/** The row of one event; `at` when it happened earlier than its write (a counted download). */
export function fenfaEventRow(event: FenfaEvent, at?: Date) {
  return {
    tenant_id: event.tenantId,
    type: event.type,
    app_id: event.productId,
    variant_id: event.variantId,
    release_id: event.releaseId,
    ip: event.ip,
    ua: event.ua?.slice(0, 512) ?? null,
    extra: JSON.stringify(event.extra ?? {}),
    ...(at ? { ts: at } : {}),
  };
}

/** Appends one event to Fenfa's log (in the caller's transaction when given one). */
export async function recordFenfaEvent(db: Db, event: FenfaEvent): Promise<void> {
  await db.insertInto('fenfa_events').values(fenfaEventRow(event)).execute();
}

export interface FenfaEventFilter {
  type?: FenfaEventType | undefined;
  app_id?: string | undefined;
  variant_id?: string | undefined;
  release_id?: string | undefined;
  /** Calendar days (UTC), `YYYY-MM-DD`, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Db, tenantId: string, filter: FenfaEventFilter) {
  let query = db.selectFrom('fenfa_events').where('tenant_id', '=', tenantId);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.app_id) query = query.where('app_id', '=', filter.app_id);
  if (filter.variant_id) query = query.where('variant_id', '=', filter.variant_id);
  if (filter.release_id) query = query.where('release_id', '=', filter.release_id);
  if (filter.from) query = query.where('ts', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to) query = query.where('ts', '<', new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000));
  return query;
}

const COLUMNS = ['id', 'ts', 'type', 'app_id', 'variant_id', 'release_id', 'ip', 'ua', 'extra'] as const;

/** Fenfa's event query: newest first, with the total for paging. */
export async function queryFenfaEvents(
  db: Db,
  tenantId: string,
  filter: FenfaEventFilter & { limit: number; offset: number },
) {
  const total = await filtered(db, tenantId, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, tenantId, filter)
    .select([...COLUMNS])
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map(({ id: _id, ...row }) => row), total: Number(total.n) };
}

/** The events of a filter oldest first, a page at a time, for a streamed export: never all of them in memory. */
export async function* eachFenfaEvent(db: Db, tenantId: string, filter: FenfaEventFilter, pageSize = 1000) {
  let after = '0';
  for (;;) {
    const rows = await filtered(db, tenantId, filter)
      .select([...COLUMNS])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const { id: _id, ...row } of rows) yield row;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = String(last.id);
  }
}

/**
 * A visitor's `visit` or `click` from a product page (`POST /events`), logged for the tenant that owns what it names:
 * a release, a variant or a product (the first one given that exists). Undefined when none exists.
 */
export async function recordPageEvent(
  db: Db,
  input: {
    type: 'visit' | 'click';
    release_id?: string | undefined;
    variant_id?: string | undefined;
    app_id?: string | undefined;
    extra?: Record<string, unknown> | undefined;
  },
  origin: { ip: string | null; ua: string | null },
): Promise<boolean> {
  const releaseArtifact = input.release_id ? unprefix('release', input.release_id) : undefined;
  const variant =
    (releaseArtifact && (await variantOfRelease(db, undefined, releaseArtifact))) ||
    (input.variant_id ? await findVariant(db, undefined, input.variant_id) : undefined);
  const appId = variant?.appId ?? (input.app_id ? unprefix('product', input.app_id) : undefined);
  const tenant =
    variant?.tenantId ??
    (appId === undefined
      ? undefined
      : (await db.selectFrom('apps').select('tenant_id').where('id', '=', appId).executeTakeFirst())
          ?.tenant_id);
  if (tenant === undefined || appId === undefined) return false;
  await recordFenfaEvent(db, {
    tenantId: tenant,
    type: input.type,
    productId: productId(appId),
    variantId: variant?.id ?? null,
    releaseId: releaseArtifact && variant ? (input.release_id ?? null) : null,
    ...origin,
    extra: input.extra ?? {},
  });
  return true;
}
