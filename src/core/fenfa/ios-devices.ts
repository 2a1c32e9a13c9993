import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { NONCE_PATTERN } from '../apple/profile-service.js';
import { platformFamily } from '../product-page.js';
import { productId, unprefix } from './ids.js';
import { findProduct, findVariant, type ProductRow, type VariantRow } from './products.js';

/** An iOS device of a tenant as Fenfa's admin API lists it, plus whether its answer's signature checked out. */
export interface IosDevice {
  id: string;
  udid: string;
  device_name: string;
  model: string;
  os_version: string;
  created_at: Date;
  verified_at: Date;
  signature_verified: boolean;
  last_ip: string | null;
  apple_registered: boolean;
  apple_registered_at: Date | null;
  apple_device_id: string | null;
}

const COLUMNS = [
  'd.id',
  'd.udid',
  'd.device_name',
  'd.model',
  'd.os_version',
  'd.created_at',
  'd.verified_at',
  'd.signature_verified',
  'd.last_ip',
  'd.apple_registered',
  'd.apple_registered_at',
  'd.apple_device_id',
] as const;

export interface IosDeviceFilter {
  /** Devices bound for this variant. */
  variant_id?: string | undefined;
  /** Devices bound for a variant of this product (`prd_…`). */
  app_id?: string | undefined;
  /** Calendar days (UTC), `YYYY-MM-DD`, both inclusive, on when the device first bound. */
  from?: string | undefined;
  to?: string | undefined;
  /** Part of the UDID, name, model or OS version. */
  q?: string | undefined;
}

function filtered(db: Db, tenantId: string, filter: IosDeviceFilter) {
  let query = db.selectFrom('ios_devices as d').where('d.tenant_id', '=', tenantId);
  if (filter.variant_id || filter.app_id) {
    const appId = filter.app_id && (unprefix('product', filter.app_id) ?? filter.app_id);
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ios_device_bindings as b')
          .innerJoin('fenfa_variants as fv', 'fv.id', 'b.variant_id')
          .select('b.id')
          .whereRef('b.device_id', '=', 'd.id')
          .$if(Boolean(filter.variant_id), (q) => q.where('b.variant_id', '=', filter.variant_id as string))
          .$if(Boolean(appId), (q) => q.where('fv.app_id', '=', appId as string)),
      ),
    );
  }
  if (filter.from) query = query.where('d.created_at', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to) {
    query = query.where('d.created_at', '<', new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000));
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('d.udid', 'ilike', like),
        eb('d.device_name', 'ilike', like),
        eb('d.model', 'ilike', like),
        eb('d.os_version', 'ilike', like),
      ]),
    );
  }
  return query;
}

/** Fenfa's device list: newest first, with the total for paging. */
export async function listIosDevices(
  db: Db,
  tenantId: string,
  filter: IosDeviceFilter & { limit: number; offset: number },
): Promise<{ items: IosDevice[]; total: number }> {
  const total = await filtered(db, tenantId, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await filtered(db, tenantId, filter)
    .select([...COLUMNS])
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items, total: Number(total.n) };
}

/** The devices of a filter oldest first, a page at a time, for a streamed export: never all of them in memory. */
export async function* eachIosDevice(db: Db, tenantId: string, filter: IosDeviceFilter, pageSize = 1000) {
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const from = after;
    const rows = await filtered(db, tenantId, filter)
      .select([...COLUMNS])
      .$if(from !== undefined, (q) =>
        q.where(sql<boolean>`(d.created_at, d.id) > (${from?.at}, ${from?.id})`),
      )
      .orderBy('d.created_at')
      .orderBy('d.id')
      .limit(pageSize)
      .execute();
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { at: last.created_at, id: last.id };
  }
}

/** The tenant's devices with these ids (unknown ids are left out). */
export async function iosDevicesById(db: Db, tenantId: string, ids: readonly string[]): Promise<IosDevice[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('ios_devices as d')
    .select([...COLUMNS])
    .where('d.tenant_id', '=', tenantId)
    .where('d.id', 'in', [...ids])
    .execute();
}

/** Every device of the tenant not yet registered with Apple, oldest first. */
export async function unregisteredIosDevices(db: Db, tenantId: string): Promise<IosDevice[]> {
  return db
    .selectFrom('ios_devices as d')
    .select([...COLUMNS])
    .where('d.tenant_id', '=', tenantId)
    .where('d.apple_registered', '=', false)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
}

/** The tenant's iOS variants with their products' names, for the device filter (`GET /admin/api/ios_variants`). */
export async function listIosVariants(db: Db, tenantId: string) {
  const rows = await db
    .selectFrom('fenfa_variants as fv')
    .innerJoin('platforms as p', 'p.id', 'fv.platform_id')
    .innerJoin('apps as a', 'a.id', 'fv.app_id')
    .select([
      'fv.id',
      'fv.app_id',
      'fv.identifier',
      'fv.display_name',
      'fv.published',
      'p.name as platform_name',
      'a.name',
      'a.display_name as app_display',
    ])
    .select((eb) =>
      eb
        .selectFrom('ios_device_bindings as b')
        .select((inner) => inner.fn.countAll<string>().as('c'))
        .whereRef('b.variant_id', '=', 'fv.id')
        .as('device_count'),
    )
    .where('fv.tenant_id', '=', tenantId)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.name')
    .orderBy('fv.sort_order')
    .orderBy('fv.id')
    .execute();
  const items = rows
    .filter((r) => platformFamily(r.platform_name) === 'ios')
    .map((r) => ({
      id: r.id,
      product_id: productId(r.app_id),
      product_name: r.app_display ?? r.name,
      display_name: r.display_name,
      identifier: r.identifier,
      published: r.published,
      device_count: Number(r.device_count ?? 0),
    }));
  return { items, total: items.length };
}

/** A variant a device may be bound for: a published iOS variant of a published, public product. */
export async function enrollmentTarget(
  db: Db,
  variantId: string,
): Promise<{ variant: VariantRow; product: ProductRow } | undefined> {
  const variant = await findVariant(db, undefined, variantId);
  if (!variant?.published || variant.platform !== 'ios') return undefined;
  const product = await findProduct(db, variant.tenantId, variant.product_id);
  if (!product?.published || product.private) return undefined;
  return { variant, product };
}

/** Whether this nonce was used to bind a device for this variant (`/udid/status`). */
export async function nonceBound(db: Db, nonce: string, variantId: string): Promise<boolean> {
  if (!NONCE_PATTERN.test(nonce)) return false;
  const row = await db
    .selectFrom('udid_nonces')
    .select('used_at')
    .where('nonce', '=', nonce)
    .where('variant_id', '=', variantId)
    .executeTakeFirst();
  return Boolean(row?.used_at);
}
