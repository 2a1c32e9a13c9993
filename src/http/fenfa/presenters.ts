import type { ProductRow, ReleaseRow, VariantRow } from '../../core/fenfa/products.js';
import { type RetentionPolicy, retentionEnabled } from '../../core/fenfa/retention.js';
import { type FenfaBases, releaseActions } from '../../core/fenfa/settings.js';
import type { ProvisioningProfile } from '../../core/packages/provisioning-profile.js';

/**
 * Who reads a release: the admin API shows its profile whole; the public product JSON leaves out the device UDIDs,
 * certificates and entitlements (Fenfa publishes them to anyone who knows the product's slug).
 */
export type Audience = 'admin' | 'public';

function presentProfile(profile: ProvisioningProfile, audience: Audience) {
  if (audience === 'admin') return profile;
  const { uuid, name, team_name, bundle_id, platform, profile_type, provisions_all_devices, device_count } =
    profile;
  return {
    uuid,
    name,
    team_name,
    bundle_id,
    platform,
    profile_type,
    provisions_all_devices,
    device_count,
    ...(profile.creation_date ? { creation_date: profile.creation_date } : {}),
    ...(profile.expiration_date ? { expiration_date: profile.expiration_date } : {}),
  };
}

/** Fenfa's JSON shapes (§B.5, §B.7): snake_case, prefixed ids. */

export function presentProduct(product: ProductRow, bases: FenfaBases) {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    icon_url: product.logoKey ? `${bases.page}/icon/products/${product.id}` : '',
    published: product.published,
    created_at: product.created_at,
    updated_at: product.updated_at,
  };
}

export function presentVariant(variant: VariantRow) {
  return {
    id: variant.id,
    product_id: variant.product_id,
    platform: variant.platform,
    identifier: variant.identifier,
    legacy_app_id: null,
    display_name: variant.display_name,
    arch: variant.arch,
    installer_type: variant.installer_type,
    min_os: variant.min_os,
    published: variant.published,
    sort_order: variant.sort_order,
    created_at: variant.created_at,
    updated_at: variant.updated_at,
  };
}

export function presentRelease(
  release: ReleaseRow,
  context: { bases: FenfaBases; platform: string; productSlug: string; audience: Audience },
) {
  return {
    id: release.id,
    variant_id: release.variantId,
    version: release.version,
    build: release.build,
    created_at: release.created_at,
    download_count: release.download_count,
    channel: release.channel,
    min_os: release.min_os,
    changelog: release.changelog,
    file_name: release.file_name,
    file_ext: release.file_ext,
    size_bytes: release.size_bytes,
    sha256: release.sha256,
    bundle_id: release.bundle_id,
    ...(release.profile ? { provisioning_profile: presentProfile(release.profile, context.audience) } : {}),
    actions: releaseActions(context.bases, {
      id: release.id,
      platform: context.platform,
      productSlug: context.productSlug,
    }),
  };
}

/** A product with its variants and their releases, as the admin and the public product JSON give it. */
export function presentProductTree(
  product: ProductRow,
  variants: readonly VariantRow[],
  releases: ReadonlyMap<string, readonly ReleaseRow[]>,
  bases: FenfaBases,
  audience: Audience,
) {
  return {
    product: presentProduct(product, bases),
    variants: variants.map((variant) => {
      const list = (releases.get(variant.id) ?? []).map((r) =>
        presentRelease(r, { bases, platform: variant.platform, productSlug: product.slug, audience }),
      );
      return { ...presentVariant(variant), latest_release: list[0] ?? null, releases: list };
    }),
  };
}

/** A variant's retention policy, with whether it is on. */
export function presentRetention(variantId: string, policy: RetentionPolicy) {
  return { variant_id: variantId, ...policy, enabled: retentionEnabled(policy) };
}

/** A release a retention policy deletes (or would): enough to recognise it. */
export function presentRetainedRelease(release: ReleaseRow) {
  return {
    id: release.id,
    version: release.version,
    build: release.build,
    channel: release.channel,
    file_name: release.file_name,
    size_bytes: release.size_bytes,
    created_at: release.created_at,
  };
}
