import type { Db } from '../../db/connect.js';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { checkPackage } from '../fenfa/packages.js';
import { fileExt, findProduct, findVariant, type VariantRow, variantsOf } from '../fenfa/products.js';
import { packagePlatform, readStagedPackage } from '../fenfa/stored-package.js';
import { parseError } from '../packages/package-error.js';
import { profileAppId } from '../packages/provisioning-profile.js';
import type { PackageInfo } from '../packages/read-package.js';
import { requirePermission } from '../permissions.js';
import type { ReleaseDeps, ReleaseFiles } from '../releases/upload.js';
import { parseVersion } from '../version-numbers.js';
import {
  type FenfaUploaded,
  type FenfaUploadInput,
  type PackageFacts,
  uploadFenfaRelease,
} from './upload-fenfa-release.js';

export interface SmartUploadInput extends Omit<FenfaUploadInput, 'variant_id'> {
  /** The variant to upload to; without it, `product_id` and the package choose one (chooseVariant). */
  variant_id?: string | undefined;
  product_id?: string | undefined;
}

/** What the package says, as the fields of Fenfa's upload form. */
interface ReadFields {
  facts: PackageFacts;
  version: string;
  build: number | undefined;
  minOs: string | undefined;
}

const WHOLE = /^\d{1,9}$/;

/**
 * The bundle id a release installs as: Info.plist's, else (Fenfa's last fix) the provisioning profile's when it names
 * one app; an APK's package name. A package without one cannot be installed, so it is refused.
 */
function fieldsOf(info: PackageInfo): ReadFields {
  if (info.platform === 'ios') {
    const bundleId = info.bundle_id || profileAppId(info.provisioning_profile);
    if (!bundleId) {
      throw parseError(
        'the IPA names no bundle id (CFBundleIdentifier in Info.plist) and its profile none either',
      );
    }
    return {
      facts: { bundleId, profile: info.provisioning_profile, icon: info.icon_base64 },
      version: info.version,
      build: WHOLE.test(info.build) ? Number(info.build) : undefined,
      minOs: info.min_os,
    };
  }
  if (!info.package_name) throw parseError('the APK names no package in AndroidManifest.xml');
  return {
    facts: { bundleId: info.package_name, icon: info.icon_base64 },
    version: info.version_name,
    build: info.version_code > 0 ? info.version_code : undefined,
    minOs: info.min_sdk,
  };
}

/**
 * The variant of a product a package goes to when the request names none: the product's variant of the package's
 * platform whose identifier is the package's bundle id; else its only variant of that platform; else its only one of
 * that platform without an identifier (which the upload then fills).
 */
async function chooseVariant(
  db: Db,
  tenantId: string,
  productIdValue: string | undefined,
  platform: 'ios' | 'android',
  bundleId: string,
): Promise<VariantRow> {
  if (!productIdValue) {
    throw invalid(
      'variant_id is required (or product_id: the package then picks the variant of its platform and bundle id)',
    );
  }
  const product = await findProduct(db, tenantId, productIdValue);
  if (!product) throw notFound(`product ${productIdValue} not found`);
  const candidates = (await variantsOf(db, tenantId, product.appId)).filter((v) => v.platform === platform);
  const blank = candidates.filter((v) => v.identifier === '');
  const chosen =
    candidates.find((v) => v.identifier === bundleId) ??
    (candidates.length === 1 ? candidates[0] : blank.length === 1 ? blank[0] : undefined);
  if (chosen) return chosen;
  if (candidates.length === 0) {
    throw notFound(
      `product ${product.id} has no ${platform} variant: create one with POST /admin/api/products/${product.id}/variants {"platform":"${platform}"}`,
    );
  }
  throw invalid(
    `product ${product.id} has several ${platform} variants and none is ${bundleId}: send variant_id`,
  );
}

/** Fenfa's stored name of a smart upload: `<original name>_<YYYYMMDD_HHMMSS>_<version>.<ext>`, in UTC. */
function releasedName(original: string, version: string, at: Date): string {
  const ext = fileExt(original);
  const base = original
    .slice(0, original.length - ext.length - 1)
    .replace(/[^A-Za-z0-9._-]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+/, '');
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '_');
  return `${base || 'app'}_${stamp}_${version}.${ext}`;
}

/**
 * Fenfa's smart upload: the package streamed to its temporary key is read there (Info.plist and profile of an IPA,
 * the manifest of an APK), and its version, build, minimum OS, bundle id, profile and icon fill the release; form
 * fields override the parsed values except the bundle id, which is always the package's. Then it is the upload
 * command's write, in one transaction. A package that cannot be read is refused before anything is written; the
 * caller removes the staged file when this throws.
 */
export async function smartUploadFenfaRelease(
  deps: ReleaseDeps,
  actor: Actor,
  input: SmartUploadInput,
  files: ReleaseFiles,
  head: Buffer,
  origin: { ip: string | null; ua: string | null },
): Promise<FenfaUploaded> {
  requirePermission(actor, 'apps', 'upload');
  const { db } = deps.database;
  const staged = files.staged[0];
  if (!staged) throw invalid('app_file is required: send the package as the "app_file" form field');
  let variant: VariantRow | undefined;
  if (input.variant_id) {
    variant = await findVariant(db, actor.tenantId, input.variant_id);
    if (!variant) throw notFound(`variant ${input.variant_id} not found`);
  }
  const platform = variant ? variant.platform : packagePlatform(staged.fileName);
  if (platform !== 'ios' && platform !== 'android') {
    throw invalid(
      `smart upload reads iOS and Android packages; upload ${platform} files with POST /upload and their version`,
    );
  }
  checkPackage(platform, staged.fileName, head);
  const read = fieldsOf(await readStagedPackage(deps.store, staged, platform));
  variant ??= await chooseVariant(db, actor.tenantId, input.product_id, platform, read.facts.bundleId);
  const versionText = input.version || read.version;
  if (!versionText) {
    throw invalid(
      `the package has no version (${platform === 'ios' ? 'CFBundleShortVersionString' : 'versionName'}): send version`,
    );
  }
  const version = parseVersion(versionText).text;
  files.rename(staged.fileName, releasedName(staged.fileName, version, new Date()));
  return uploadFenfaRelease(
    deps,
    actor,
    {
      ...input,
      variant_id: variant.id,
      version,
      build: input.build ?? read.build,
      min_os: input.min_os || read.minOs,
    },
    files,
    head,
    origin,
    read.facts,
  );
}
