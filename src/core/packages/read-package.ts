import { basename } from 'node:path';
import { type ApkInfo, readApk } from './apk.js';
import { type IpaInfo, readIpa } from './ipa.js';
import { badFile } from './package-error.js';
import { type PackageSource, PackageZip } from './package-zip.js';

/** What Fenfa's `/admin/api/parse-app` answers for a package, plus the file's size and name. */
export type PackageInfo = (IpaInfo | ApkInfo) & {
  file_size: number;
  file_name: string;
};

export interface ReadPackageOptions {
  /** The name the uploader gave the file (Fenfa reports it); the path's last part when absent (a source's: required). */
  fileName?: string;
  /** The platform the caller expects; without it, the contents decide (Payload/*.app or AndroidManifest.xml). */
  platform?: 'ios' | 'android';
}

/**
 * Reads an IPA or APK on disk (or from a PackageSource, such as an upload in the artifact store) without loading it:
 * the ZIP's central directory, then only the entries needed. A file that is not a package, or is truncated or
 * damaged, gives a PackageError (BAD_FILE or PARSE_ERROR).
 */
export async function readPackage(
  input: string | PackageSource,
  options: ReadPackageOptions = {},
): Promise<PackageInfo> {
  const zip = await PackageZip.open(input);
  try {
    const platform = options.platform ?? detectPlatform(zip);
    const info = platform === 'ios' ? await readIpa(zip) : await readApk(zip);
    return {
      ...info,
      file_size: zip.fileSize,
      file_name: options.fileName ?? (typeof input === 'string' ? basename(input) : ''),
    };
  } finally {
    zip.close();
  }
}

function detectPlatform(zip: PackageZip): 'ios' | 'android' {
  if (zip.has('AndroidManifest.xml')) return 'android';
  for (const name of zip.names()) if (name.startsWith('Payload/') && name.includes('.app/')) return 'ios';
  throw badFile('the file is neither an IPA (no Payload/*.app) nor an APK (no AndroidManifest.xml)');
}
