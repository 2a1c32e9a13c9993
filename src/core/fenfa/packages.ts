import { invalid } from '../errors.js';
import { printable } from '../names.js';
import { fileExt } from './products.js';
import type { FenfaPlatform } from './targets.js';

/** Fenfa's accepted package types per platform (§B.4). */
const EXTENSIONS: Record<FenfaPlatform, readonly string[]> = {
  ios: ['ipa'],
  android: ['apk'],
  macos: ['dmg', 'pkg', 'zip'],
  windows: ['exe', 'msi', 'zip'],
  linux: ['appimage', 'deb', 'rpm', 'tar.gz', 'zip'],
};

/** These are ZIP archives: a file that does not start with `PK` is not one, whatever its name. */
const ZIPPED = new Set(['ipa', 'apk', 'zip']);

const MIME: Record<string, string> = {
  apk: 'application/vnd.android.package-archive',
  ipa: 'application/octet-stream',
  dmg: 'application/x-apple-diskimage',
  exe: 'application/vnd.microsoft.portable-executable',
  msi: 'application/x-msi',
  deb: 'application/vnd.debian.binary-package',
  rpm: 'application/x-rpm',
  'tar.gz': 'application/gzip',
  zip: 'application/zip',
};

/** Checks a package's name against its variant's platform and, for ZIP formats, its first bytes. */
export function checkPackage(platform: string, fileName: string, head: Buffer): void {
  const allowed = EXTENSIONS[platform as FenfaPlatform];
  const ext = fileExt(fileName);
  if (allowed && !allowed.includes(ext)) {
    throw invalid(
      `"${printable(fileName)}" is not a ${platform} package: send a ${allowed.map((e) => `.${e}`).join(', ')} file`,
    );
  }
  if (ZIPPED.has(ext) && !(head[0] === 0x50 && head[1] === 0x4b)) {
    throw invalid(`"${printable(fileName)}" is not a valid .${ext} (a ZIP archive starts with "PK")`);
  }
}

/** The content type a download of this file is served with. */
export function packageMimeType(fileName: string): string {
  return MIME[fileExt(fileName)] ?? 'application/octet-stream';
}
