import type { ArtifactStore } from '../../storage/types.js';
import { invalid } from '../errors.js';
import { printable } from '../names.js';
import type { PackageSource } from '../packages/package-zip.js';
import { type PackageInfo, readPackage } from '../packages/read-package.js';
import type { ReleaseFiles, StagedFile } from '../releases/upload.js';
import { fileExt } from './products.js';

/**
 * Reads an IPA or APK where the upload streamed it (a temporary key of either storage driver), by ranges of the
 * stored object: the package is never in memory, and S3 needs no local copy.
 */
export function readStagedPackage(
  store: ArtifactStore,
  staged: StagedFile,
  platform: 'ios' | 'android',
): Promise<PackageInfo> {
  const source: PackageSource = {
    size: staged.size,
    read: (start, end) => store.get(staged.tempKey, staged.visibility, { start, end: end - 1 }),
  };
  return readPackage(source, { fileName: staged.fileName, platform });
}

/** The platform a package's name says (Fenfa's parse-app goes by the extension too). */
export function packagePlatform(fileName: string): 'ios' | 'android' {
  const ext = fileExt(fileName);
  if (ext === 'ipa') return 'ios';
  if (ext === 'apk') return 'android';
  throw invalid(`"${printable(fileName)}" is not a package this server reads: send an .ipa or .apk file`);
}

/**
 * Fenfa's parse-app: what the package staged in `files` holds. Nothing is kept: the caller removes the staged file
 * whatever happens.
 */
export function parseStagedPackage(
  deps: { store: ArtifactStore },
  files: ReleaseFiles,
): Promise<PackageInfo> {
  const staged = files.staged[0];
  if (!staged) throw invalid('app_file is required: send the package as the "app_file" form field');
  return readStagedPackage(deps.store, staged, packagePlatform(staged.fileName));
}
