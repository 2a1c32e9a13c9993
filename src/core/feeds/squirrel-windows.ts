import type { LineRelease, Release, ReleaseArtifact } from '../releases/index-load.js';
import { type FormatAnswer, newestAbove } from '../update/answer.js';
import type { Selection } from '../update/select.js';
import { compareVersions, parseVersion, type Version } from '../version-numbers.js';
import { type FeedFormat, fileUrl } from './feed.js';

/** Squirrel.Windows reads a package as a delta when its name ends so, in any case; anything else is a full one. */
export function isDeltaPackage(fileName: string): boolean {
  return fileName.toLowerCase().endsWith('-delta.nupkg');
}

export function isNupkg(fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.nupkg');
}

/** What a RELEASES file is made of: the releases to list, and where their packages download from. */
export interface ReleasesInput {
  /** Lowest version first, ending at the offer (Selection.releases). */
  releases: readonly LineRelease[];
  /** The version installed on the client, when known: deltas are only listed for a chain that starts at it. */
  installed: Version | undefined;
  /** Selection.gated: the server gated the rollouts by the client's id; otherwise Squirrel gates them with `# NN%`. */
  gated: boolean;
  url: (release: Release, artifact: ReleaseArtifact) => string;
}

/** A RELEASES file and the versions of the full packages it lists (Squirrel installs the newest). */
export interface ReleasesFile {
  body: string;
  fullVersions: Version[];
}

/**
 * Squirrel.Windows' `RELEASES` (feed-formats.md §1): `SHA1 URL SIZE` per package, LF line endings, lowest version
 * first; undefined when there is no package to list (an empty RELEASES is an error to Squirrel).
 *
 * - Every entry is an absolute URL, as Hazel and FaynoSync write them: a bare name would resolve against the
 *   client's *own* version folder, could not hold a space (Squirrel's file column is `\S+`), and would not work
 *   at all in a RELEASES answered by /checkVersion.
 * - Squirrel downloads all deltas above the installed version when they add up to less than the newest full
 *   package, and applies them one after another to the installed one. So deltas are listed only when the client
 *   runs a listed release and every release above it has one; otherwise none, and it takes the full package.
 * - Staged rollouts the server does not gate (the client sent no id) are each release's own `# NN%`, written
 *   right after the size (`1234# 25%`): Squirrel's docs ask for that form, which clients before 1.4 also read.
 *   Every staged release carries its own: Squirrel drops the entries the client is not in and takes the highest
 *   full package left, so an unmarked older staged release would reach everyone the newer one's gate turned away.
 * - Packages without a recorded SHA-1 (stored before it was computed) are left out: Squirrel would refuse them.
 */
export function releasesFile(input: ReleasesInput): ReleasesFile | undefined {
  const { releases, installed, gated, url } = input;
  const withDeltas = installed !== undefined && chainComplete(releases, installed);
  const lines: string[] = [];
  const fullVersions: Version[] = [];
  for (const entry of releases) {
    const { percent } = entry.release.rollout;
    const suffix = !gated && percent < 100 ? `# ${percent}%` : '';
    const packages = entry.artifacts.filter((a) => isNupkg(a.fileName) && a.sha1 !== null);
    const deltas = withDeltas && installed && compareVersions(entry.release.version, installed) > 0;
    // Deltas before the full package of the same version, as Squirrel's own releasify writes them.
    for (const delta of [true, false]) {
      if (delta && !deltas) continue;
      for (const artifact of packages) {
        if (isDeltaPackage(artifact.fileName) !== delta) continue;
        const sha1 = (artifact.sha1 ?? '').toUpperCase();
        lines.push(`${sha1} ${url(entry.release, artifact)} ${artifact.size}${suffix}`);
        if (!delta) fullVersions.push(entry.release.version);
      }
    }
  }
  return lines.length === 0 ? undefined : { body: `${lines.join('\n')}\n`, fullVersions };
}

/**
 * What a RELEASES answers a client running `installed`: 404 when it would be empty, else the file, which offers its
 * newest full package when that is newer than what the client runs.
 */
export function answerReleases(input: ReleasesInput, selection: Selection): FormatAnswer {
  const latest = selection.latest?.release.version.text;
  const file = releasesFile(input);
  if (file === undefined) return { status: 404, error: noPackagesError(latest) };
  return {
    status: 200,
    contentType: RELEASES_CONTENT_TYPE,
    body: file.body,
    offers: newestAbove(file.fullVersions, selection.version),
    missing:
      latest === undefined
        ? undefined
        : `release ${latest} has no full .nupkg package for this platform and arch`,
  };
}

/** Whether the client runs one of the releases and every release above it has a delta package. */
function chainComplete(releases: readonly LineRelease[], installed: Version): boolean {
  const from = releases.findIndex(({ release }) => compareVersions(release.version, installed) === 0);
  if (from === -1) return false;
  return releases
    .slice(from + 1)
    .every(({ artifacts }) => artifacts.some((a) => isDeltaPackage(a.fileName) && a.sha1 !== null));
}

/** Why a RELEASES has nothing to list (Squirrel errors on an empty one, so this is a 404's message). */
export function noPackagesError(version: string | undefined): string {
  const where = version === undefined ? 'this feed' : `this feed up to version ${version}`;
  return `no .nupkg package is published in ${where}: upload the Squirrel.Windows packages (…-full.nupkg) with the release`;
}

export const RELEASES_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** `Version` of Update.exe's `localVersion` query, or undefined when absent or not a version. */
function installedVersion(text: string | undefined): Version | undefined {
  if (!text) return undefined;
  try {
    return parseVersion(text);
  } catch {
    return undefined;
  }
}

/**
 * `…/{arch}/{version}/RELEASES`: Squirrel is given `…/{arch}/{version}` as its feed URL and appends `/RELEASES`,
 * so the running version is in the path and required intermediates are honoured. Update.exe also sends
 * `?id=<package id>&localVersion=<installed version>&arch=<os bitness>`: `id` is not a device id and is ignored;
 * `localVersion` names the package the deltas would apply to.
 */
const squirrelWindows: FeedFormat = {
  name: 'squirrel_windows',
  path: {
    template: '{version}/RELEASES',
    example: '1.0.0/RELEASES',
    summary: "Squirrel.Windows' RELEASES file (the feed URL ends at the running version)",
    contentType: RELEASES_CONTENT_TYPE,
  },
  match: (tail) =>
    tail.length === 2 && (tail[1] === 'RELEASES' || tail[1] === 'releases')
      ? { version: tail[0] ?? '' }
      : undefined,
  params: ['localVersion'],
  hint: true,
  answer: (feed, selection: Selection, query) =>
    answerReleases(
      {
        releases: selection.releases,
        installed: installedVersion(query.localVersion),
        gated: selection.gated,
        url: (release, artifact) => fileUrl(feed, release, artifact),
      },
      selection,
    ),
};

export const squirrelWindowsFeeds: readonly FeedFormat[] = [squirrelWindows];
