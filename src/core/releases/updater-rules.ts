import { invalid } from '../errors.js';
import { printable } from '../names.js';
import { compareVersions, parseVersion } from '../version-numbers.js';

/**
 * What an upload for each updater must hold (issue 4 item 8). FaynoSync asked for the feed files its relay served
 * (a `latest.yml`, an appcast, a `releases.json`); Updraft generates every feed from the release, so it asks for
 * what the feed is generated from instead: the files the updater installs, and the data it verifies them with.
 */

/** Checked before any file is stored: what the `data` of an upload for this updater must carry. */
export function checkUpdaterData(
  updater: string | undefined,
  data: { version: unknown; signature: unknown },
): void {
  if (updater !== 'tauri') return;
  if (typeof data.signature !== 'string' || data.signature === '') {
    throw invalid(
      'tauri updater requires a signature parameter for update functionality. Please include a signature in your request (the contents of the .sig file tauri build wrote beside the bundle)',
    );
  }
  const version = parseVersion(data.version);
  const core = version.text.split('-')[0] ?? '';
  if (core.split('.').length !== 3) {
    throw invalid(
      `tauri updater requires a semantic version such as 1.2.3 or 1.2.3-beta.1 (Tauri compares versions as semver): "${version.text}" is not one`,
    );
  }
}

const ELECTRON_BUILDER_INSTALLERS = [
  '.exe',
  '.zip',
  '.dmg',
  '.appimage',
  '.deb',
  '.rpm',
  '.pacman',
  '.msi',
  '.pkg',
  '.snap',
  '.7z',
];
const SPARKLE_ARCHIVES = ['.zip', '.dmg', '.tar', '.aar', '.pkg', '.tgz', '.tbz', '.txz'];

const hasExtension = (name: string, extensions: readonly string[]) => {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
};

/**
 * Checked when every file of an upload has arrived (before the release is committed): the files the updater's
 * feed is generated from. Throws a 400 that says what to include.
 */
export function checkUpdaterFiles(
  updater: string | undefined,
  version: string,
  fileNames: readonly string[],
): void {
  switch (updater) {
    case 'squirrel_windows': {
      const packages = fileNames.filter((n) => n.toLowerCase().endsWith('.nupkg'));
      if (packages.length === 0 && !fileNames.some((n) => n.toUpperCase() === 'RELEASES')) {
        throw invalid(
          'squirrel_windows updater requires the Squirrel packages for update functionality. Please include the …-full.nupkg file (and any …-delta.nupkg) in your upload',
        );
      }
      for (const name of packages) checkPackageVersion(name, version);
      return;
    }
    case 'squirrel_darwin':
      if (!fileNames.some((n) => n.toLowerCase().endsWith('.zip'))) {
        throw invalid(
          'squirrel darwin updater requires a ZIP archive for update functionality. Please include a ZIP file in your upload',
        );
      }
      return;
    case 'electron-builder':
      if (!fileNames.some((n) => hasExtension(n, ELECTRON_BUILDER_INSTALLERS))) {
        throw invalid(
          'electron-builder updater requires an installer for update functionality (Updraft generates latest.yml from it). Please include the .exe, .zip, .dmg, .AppImage, .deb or .rpm (and its .blockmap) in your upload',
        );
      }
      return;
    case 'sparkle':
      if (!fileNames.some((n) => hasExtension(n, SPARKLE_ARCHIVES) || /\.tar\.[a-z0-9]+$/i.test(n))) {
        throw invalid(
          'sparkle updater requires a full archive for update functionality (Updraft generates the appcast from it). Please include a .zip, .dmg, .tar.*, .aar or .pkg file in your upload',
        );
      }
      return;
    case 'velopack':
      if (!fileNames.some((n) => n.toLowerCase().endsWith('-full.nupkg'))) {
        throw invalid(
          'velopack updater requires a full package for update functionality (Updraft generates releases.{channel}.json from it). Please include the …-full.nupkg file vpk pack wrote in your upload',
        );
      }
      return;
    default:
      return;
  }
}

/** Squirrel.Windows takes a package's version from its file name (feed-formats.md §1): the trailing version. */
const SQUIRREL_VERSION = /\d+(\.\d+){0,3}(-[A-Za-z][0-9A-Za-z-]*)?$/;

/** The version Squirrel.Windows reads from a package's file name, or undefined when it finds none. */
export function squirrelPackageVersion(fileName: string): string | undefined {
  const stem = fileName.replace(/(-full|-delta)?\.nupkg$/i, '');
  return SQUIRREL_VERSION.exec(stem)?.[0];
}

/**
 * Squirrel believes the file name, not the feed: a package whose name names another version would be installed as
 * that version (and `1.2.3-beta.1` is misread as `1`: its version pattern has no dots in a pre-release).
 */
function checkPackageVersion(fileName: string, version: string): void {
  const named = squirrelPackageVersion(fileName);
  let same = false;
  try {
    same = named !== undefined && compareVersions(parseVersion(named), parseVersion(version)) === 0;
  } catch {
    same = false;
  }
  if (!same) {
    throw invalid(
      `Squirrel.Windows reads a package's version from its file name, and "${printable(fileName)}" does not name version ${version}: name it <id>-${version}-full.nupkg (a pre-release must have no dots, e.g. 1.2.3-beta1)`,
    );
  }
}
