import type { Db } from '../../db/connect.js';
import { isIosInstallAgent } from '../apple/ota-manifest.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { profileAppId } from '../packages/provisioning-profile.js';
import type { ReleaseCache } from '../releases/release-cache.js';
import { clientViewer } from '../visibility.js';
import { publicRelease } from './downloads.js';
import { findProduct, type ReleaseRow, releasesOf, variantOfRelease } from './products.js';

export interface OtaRelease {
  release: ReleaseRow;
  tenantId: string;
  productSlug: string;
  title: string;
  bundleId: string;
}

/**
 * The bundle id a manifest names, most trusted first: the one smart upload read from the package, the variant's
 * identifier, the app the release's profile provisions. A manifest whose bundle id differs from the app's can leave
 * an app on the device that cannot be deleted, so a form never outranks the package. Undefined when none is known.
 */
export function manifestBundleId(
  release: Pick<ReleaseRow, 'bundle_id' | 'profile'>,
  variant: { identifier: string },
): string | undefined {
  return release.bundle_id || variant.identifier || profileAppId(release.profile);
}

/**
 * Whether a release installs on any device without its UDID being provisioned: an enterprise build
 * (`ProvisionsAllDevices`). Ad-hoc and development builds, and a release whose profile was never read, install only
 * on the devices their profile lists, so the tester binds a device first.
 */
export function installsOnAnyDevice(release: Pick<ReleaseRow, 'profile'>): boolean {
  return release.profile?.profile_type === 'enterprise';
}

/**
 * The release a manifest is for, after Fenfa's checks in its order: the release exists and is downloadable by anyone
 * (product and variant published, as `/d/:releaseID` finds it), its variant is iOS, and the agent is an iPhone, iPad
 * or iOS's install daemon. The bundle id is `manifestBundleId`'s.
 */
export async function otaRelease(
  db: Db,
  releases: ReleaseCache,
  releaseId: string,
  userAgent: string | undefined,
): Promise<OtaRelease> {
  const found = await publicRelease(releases, releaseId);
  const variant = found && (await variantOfRelease(db, found.tenantId, found.artifact.id));
  const release =
    variant &&
    (
      await releasesOf(db, clientViewer(variant.tenantId), [variant.id], {
        releaseId: found.artifact.id,
        allFiles: true,
      })
    )
      .get(variant.id)
      ?.at(0);
  if (!variant || !release) throw notFound(`release ${releaseId} not found`);
  if (variant.platform !== 'ios') {
    throw invalid(`release ${releaseId} is a ${variant.platform} release: only iOS releases have a manifest`);
  }
  if (!isIosInstallAgent(userAgent)) throw forbidden('only available on iOS devices');
  const product = await findProduct(db, variant.tenantId, variant.product_id);
  if (!product) throw notFound(`release ${releaseId} not found`);
  const bundleId = manifestBundleId(release, variant);
  if (!bundleId) {
    throw conflict(
      `variant ${variant.id} has no bundle identifier, which iOS needs to install: upload the IPA through smart-upload (it reads the bundle id from the package) or set the variant's identifier to the IPA's CFBundleIdentifier`,
    );
  }
  return {
    release,
    tenantId: variant.tenantId,
    productSlug: product.slug,
    title: product.name,
    bundleId,
  };
}
