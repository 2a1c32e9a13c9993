import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isId } from '../ids.js';
import type { ProvisioningProfile } from '../packages/provisioning-profile.js';
import { forPeople, platformFamily } from '../product-page.js';
import { artifactVisible, releaseVisible, type Viewer, variantOwnsArtifact } from '../visibility.js';
import { PREFIX, productId, releaseId, unprefix } from './ids.js';
import { profilesOf } from './profiles.js';
import { slugIs } from './slugs.js';

/**
 * Fenfa's reads over the one model (docs/fenfa.md): products are the tenant's live apps, variants their platform
 * targets, releases the artifacts a variant owns of the versions the viewer may see (core/visibility.ts).
 */

export interface ProductRow {
  appId: string;
  tenantId: string;
  id: string;
  slug: string;
  name: string;
  description: string;
  published: boolean;
  private: boolean;
  logoKey: string | null;
  /** The tenant admin's username and the app's name: the `owner` and `app_name` of the other faces. */
  owner: string;
  appName: string;
  created_at: Date;
  updated_at: Date;
}

function productSelect(db: Db) {
  return db
    .selectFrom('apps as a')
    .innerJoin('users as owner', 'owner.id', 'a.tenant_id')
    .select([
      'owner.username as owner',
      'a.private',
      'a.id',
      'a.tenant_id',
      'a.name',
      'a.slug',
      'a.display_name',
      'a.description',
      'a.published',
      'a.logo_key',
      'a.created_at',
      'a.updated_at',
    ])
    .where('a.deleted_at', 'is', null);
}

type AppRow = Awaited<ReturnType<ReturnType<typeof productSelect>['executeTakeFirstOrThrow']>>;

function toProduct(row: AppRow): ProductRow {
  return {
    appId: row.id,
    tenantId: row.tenant_id,
    id: productId(row.id),
    slug: row.slug ?? row.name,
    name: row.display_name ?? row.name,
    description: row.description,
    published: row.published,
    private: row.private,
    logoKey: row.logo_key,
    owner: row.owner,
    appName: row.name,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A product of the tenant by its Fenfa id (or, for ids given by Fenfa's clients as they are, the bare app id). */
export async function findProduct(db: Db, tenantId: string, id: string): Promise<ProductRow | undefined> {
  const appId = unprefix('product', id) ?? (isId(id) ? id : undefined);
  if (appId === undefined) return undefined;
  const row = await productSelect(db)
    .where('a.tenant_id', '=', tenantId)
    .where('a.id', '=', appId)
    .executeTakeFirst();
  return row && toProduct(row);
}

/**
 * A product for the public routes, which name no tenant: by id (ids are unique), else by slug. A slug several
 * tenants use is decided by the tenant whose primary domain is the request's host; without one it is not found
 * (the product id always works).
 */
export async function findPublicProduct(
  db: Db,
  idOrSlug: string,
  host: string,
  by: 'id-or-slug' | 'slug' = 'id-or-slug',
): Promise<ProductRow | undefined> {
  if (by === 'id-or-slug') {
    const appId = unprefix('product', idOrSlug);
    if (appId !== undefined) {
      const row = await productSelect(db).where('a.id', '=', appId).executeTakeFirst();
      return row && toProduct(row);
    }
  }
  const rows = await productSelect(db)
    .leftJoin('tenant_settings as s', 's.tenant_id', 'a.tenant_id')
    .select('s.primary_domain')
    .where(slugIs(idOrSlug))
    .limit(50)
    .execute();
  if (rows.length === 1) return rows[0] && toProduct(rows[0]);
  const hostName = host.toLowerCase();
  const mine = rows.filter((r) => {
    const domain = (r.primary_domain ?? '').replace(/^https?:\/\//i, '').replace(/\/.*$/, '');
    return domain !== '' && domain.toLowerCase() === hostName;
  });
  return mine.length === 1 && mine[0] ? toProduct(mine[0]) : undefined;
}

export interface ProductListItem {
  id: string;
  slug: string;
  name: string;
  published: boolean;
  variant_count: number;
  created_at: Date;
  updated_at: Date;
}

/** Fenfa's product list: newest first, `q` in the name or slug, with the total for paging. */
export async function listProducts(
  db: Db,
  tenantId: string,
  options: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: ProductListItem[]; total: number }> {
  let query = productSelect(db).where('a.tenant_id', '=', tenantId);
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('a.name', 'ilike', like), eb('a.display_name', 'ilike', like), eb('a.slug', 'ilike', like)]),
    );
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select((eb) =>
      eb
        .selectFrom('fenfa_variants as fv')
        .select((inner) => inner.fn.countAll<string>().as('c'))
        .whereRef('fv.app_id', '=', 'a.id')
        .as('variant_count'),
    )
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((row) => {
      const p = toProduct(row);
      return {
        id: p.id,
        slug: p.slug,
        name: p.name,
        published: p.published,
        variant_count: Number(row.variant_count ?? 0),
        created_at: p.created_at,
        updated_at: p.updated_at,
      };
    }),
  };
}

export interface VariantRow {
  id: string;
  product_id: string;
  appId: string;
  tenantId: string;
  platform: string;
  platformId: string;
  archId: string | null;
  identifier: string;
  display_name: string;
  arch: string;
  installer_type: string;
  min_os: string;
  published: boolean;
  sort_order: number;
  created_at: Date;
  updated_at: Date;
}

function variantSelect(db: Db) {
  return db
    .selectFrom('fenfa_variants as fv')
    .innerJoin('platforms as p', 'p.id', 'fv.platform_id')
    .leftJoin('archs as ar', 'ar.id', 'fv.arch_id')
    .select([
      'fv.id',
      'fv.tenant_id',
      'fv.app_id',
      'fv.platform_id',
      'fv.arch_id',
      'p.name as platform_name',
      'ar.name as arch_name',
      'fv.identifier',
      'fv.display_name',
      'fv.installer_type',
      'fv.min_os',
      'fv.published',
      'fv.sort_order',
      'fv.created_at',
      'fv.updated_at',
    ]);
}

type VariantSelectRow = Awaited<ReturnType<ReturnType<typeof variantSelect>['executeTakeFirstOrThrow']>>;

function toVariant(row: VariantSelectRow): VariantRow {
  return {
    id: row.id,
    product_id: productId(row.app_id),
    appId: row.app_id,
    tenantId: row.tenant_id,
    platform: platformFamily(row.platform_name) ?? row.platform_name,
    platformId: row.platform_id,
    archId: row.arch_id,
    identifier: row.identifier,
    display_name: row.display_name,
    arch: row.arch_name ?? '',
    installer_type: row.installer_type,
    min_os: row.min_os,
    published: row.published,
    sort_order: row.sort_order,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export async function findVariant(
  db: Db,
  tenantId: string | undefined,
  id: string,
): Promise<VariantRow | undefined> {
  if (!id.startsWith(PREFIX.variant)) return undefined;
  let query = variantSelect(db).where('fv.id', '=', id);
  if (tenantId !== undefined) query = query.where('fv.tenant_id', '=', tenantId);
  const row = await query.executeTakeFirst();
  return row && toVariant(row);
}

/** A product's variants in Fenfa's order: sort_order, then creation. */
export async function variantsOf(db: Db, tenantId: string, appId: string): Promise<VariantRow[]> {
  const rows = await variantSelect(db)
    .where('fv.tenant_id', '=', tenantId)
    .where('fv.app_id', '=', appId)
    .orderBy('fv.sort_order')
    .orderBy('fv.created_at')
    .orderBy('fv.id')
    .execute();
  return rows.map(toVariant);
}

export interface ReleaseRow {
  id: string;
  artifactId: string;
  variantId: string;
  version: string;
  build: number | null;
  channel: string;
  changelog: string;
  min_os: string;
  download_count: number;
  file_name: string;
  file_ext: string;
  size_bytes: number;
  sha256: string;
  storageKey: string;
  visibility: 'public' | 'private';
  created_at: Date;
  /** The bundle id read from the package by a smart upload; '' when the package was never read. */
  bundle_id: string;
  /** An iOS release's provisioning profile, when its package was read and carried one. */
  profile?: ProvisioningProfile;
}

/** Fenfa's extensions, `tar.gz` being two dots long. */
export function fileExt(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tar.gz')) return 'tar.gz';
  const dot = lower.lastIndexOf('.');
  return dot <= 0 ? '' : lower.slice(dot + 1);
}

/**
 * The releases of these variants the viewer may see, newest first, grouped by variant id: every installer a
 * variant owns (core/visibility.ts's variantOwnsArtifact), whichever face uploaded it; feed files, blockmaps and
 * signatures are no release a person downloads.
 */
export async function releasesOf(
  db: Db,
  viewer: Viewer,
  variantIds: readonly string[],
  /** `allFiles`: feed files, blockmaps and signatures too (a delete takes them with the variant). */
  options: { releaseId?: string; allFiles?: boolean } = {},
): Promise<Map<string, ReleaseRow[]>> {
  const grouped = new Map<string, ReleaseRow[]>(variantIds.map((id) => [id, []]));
  if (variantIds.length === 0) return grouped;
  let query = db
    .selectFrom('artifacts as ar')
    .innerJoin('versions as v', 'v.id', 'ar.version_id')
    .innerJoin('fenfa_variants as fv', (join) => join.on(variantOwnsArtifact()))
    .leftJoin('channels as c', 'c.id', 'v.channel_id')
    .leftJoin('fenfa_releases as fr', 'fr.artifact_id', 'ar.id')
    .select([
      'ar.id',
      'fv.id as variant_id',
      'fv.min_os as variant_min_os',
      'v.version',
      'v.changelog',
      'v.min_system_version',
      'c.name as channel',
      'fr.build',
      'fr.min_os',
      'fr.download_count',
      'fr.bundle_id',
      'ar.file_name',
      'ar.size',
      'ar.sha256',
      'ar.storage_key',
      'ar.visibility',
      'ar.created_at',
    ])
    .where('ar.tenant_id', '=', viewer.tenantId)
    .where('fv.id', 'in', [...variantIds])
    .where(releaseVisible(viewer))
    .where(artifactVisible(viewer));
  if (options.releaseId !== undefined) query = query.where('ar.id', '=', options.releaseId);
  const rows = await query.orderBy('ar.created_at', 'desc').orderBy(sql`ar.id`, 'desc').execute();
  const profiles = await profilesOf(
    db,
    viewer.tenantId,
    rows.map((r) => r.id),
  );
  for (const row of rows) {
    const profile = profiles.get(row.id);
    if (!options.allFiles && !forPeople(row.file_name)) continue;
    grouped.get(row.variant_id)?.push({
      id: releaseId(row.id),
      artifactId: row.id,
      variantId: row.variant_id,
      version: row.version,
      build: row.build ?? null,
      channel: row.channel ?? '',
      changelog: row.changelog,
      min_os: row.min_os ?? row.min_system_version ?? row.variant_min_os,
      download_count: row.download_count ?? 0,
      file_name: row.file_name,
      file_ext: fileExt(row.file_name),
      size_bytes: Number(row.size),
      sha256: row.sha256,
      storageKey: row.storage_key,
      visibility: row.visibility,
      created_at: row.created_at,
      bundle_id: row.bundle_id ?? '',
      ...(profile ? { profile } : {}),
    });
  }
  return grouped;
}

/** The variant that owns a release (an artifact) of the tenant, if any owns it. */
export async function variantOfRelease(
  db: Db,
  tenantId: string | undefined,
  artifactId: string,
): Promise<VariantRow | undefined> {
  let query = db
    .selectFrom('artifacts as ar')
    .innerJoin('fenfa_variants as fv', (join) => join.on(variantOwnsArtifact()))
    .select('fv.id')
    .where('ar.id', '=', artifactId);
  if (tenantId !== undefined) query = query.where('ar.tenant_id', '=', tenantId);
  const row = await query.executeTakeFirst();
  return row ? findVariant(db, tenantId, row.id) : undefined;
}
