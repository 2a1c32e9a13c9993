import type { Db } from '../../db/connect.js';
import { isIosInstallAgent } from '../apple/ota-manifest.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
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
 * The release a manifest is for, after Fenfa's checks in its order: the release exists and is downloadable by anyone
 * (product and variant published, as `/d/:releaseID` finds it), its variant is iOS, and the agent is an iPhone, iPad
 * or iOS's install daemon. The bundle id is the variant's identifier, which smart upload takes from the package.
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
  if (!variant.identifier) {
    throw conflict(
      `variant ${variant.id} has no bundle identifier, which iOS needs to install: upload the IPA through smart-upload (it reads the bundle id from the package) or set the variant's identifier to the IPA's CFBundleIdentifier`,
    );
  }
  return {
    release,
    tenantId: variant.tenantId,
    productSlug: product.slug,
    title: product.name,
    bundleId: variant.identifier,
  };
}
