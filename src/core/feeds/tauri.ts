import type { LineRelease, ReleaseArtifact } from '../releases/index-load.js';
import type { FormatAnswer, FormatError } from '../update/answer.js';
import type { Selection } from '../update/select.js';
import { isoSeconds } from './dates.js';
import { type FeedFormat, fileUrl } from './feed.js';

/**
 * Tauri's `{{bundle_type}}` values and the file names of their update bundles: Tauri 2 signs the installers
 * themselves (`.app.tar.gz` on macOS), Tauri 1 and `v1Compatible` builds zip them (`.msi.zip`, `.nsis.zip`,
 * `.AppImage.tar.gz`). Without a bundle type the first kind in this order that the release has is served.
 */
export const TAURI_BUNDLES: Readonly<Record<string, readonly string[]>> = {
  app: ['.app.tar.gz'],
  appimage: ['.appimage', '.appimage.tar.gz'],
  msi: ['.msi', '.msi.zip'],
  nsis: ['.exe', '.nsis.zip'],
  deb: ['.deb'],
  rpm: ['.rpm'],
};

const BUNDLE_TYPES = Object.keys(TAURI_BUNDLES);

/** What Tauri's updater reads from a 200 (its "dynamic" server format). */
export interface TauriUpdate {
  version: string;
  notes: string;
  pub_date: string;
  url: string;
  signature: string;
}

function isBundle(artifact: ReleaseArtifact, bundle: string): boolean {
  const name = artifact.fileName.toLowerCase();
  return (TAURI_BUNDLES[bundle] ?? []).some((suffix) => name.endsWith(suffix));
}

/**
 * The signed update bundle of a release for a bundle type (any, when undefined); the newest upload wins. A file
 * without a signature is never served: Tauri refuses an update it cannot verify.
 */
export function tauriBundle(entry: LineRelease, bundle: string | undefined): ReleaseArtifact | undefined {
  for (const type of bundle === undefined ? BUNDLE_TYPES : [bundle]) {
    const found = entry.artifacts.findLast((a) => a.signature && isBundle(a, type));
    if (found) return found;
  }
  return undefined;
}

/**
 * The update for a Tauri client, or undefined for 204: only a newer release with a signed bundle is one (Tauri
 * would not install an older one anyway; a client ahead of what is published simply hears "no update"). The
 * version is the offered release's own, also when it is a required intermediate (FaynoSync sent "" then).
 */
export function tauriUpdate(
  selection: Selection,
  bundle: string | undefined,
  url: (entry: LineRelease, artifact: ReleaseArtifact) => string,
): TauriUpdate | undefined {
  const entry = selection.latest;
  if (!selection.updateAvailable || !entry) return undefined;
  const artifact = tauriBundle(entry, bundle);
  if (!artifact?.signature) return undefined;
  const { release } = entry;
  return {
    version: release.version.text,
    notes: release.changelog,
    pub_date: isoSeconds(release.publishedAt),
    url: url(entry, artifact),
    signature: artifact.signature,
  };
}

/** Why a newer release is not a Tauri update: it has no signed bundle (of the asked type). */
export function noSignedBundle(selection: Selection, bundle: string | undefined): string {
  const kind = bundle === undefined ? 'update bundle' : `${bundle} bundle`;
  return `release ${selection.latest?.release.version.text} has no signed ${kind} (Tauri installs only what it can verify): upload the bundle with its signature`;
}

/**
 * A Tauri endpoint's answer: 200 with the update, else 204. `url` says where the bundle downloads from (the feed
 * serves it beside the feed, /checkVersion links it where it is stored).
 */
export function answerTauri(
  selection: Selection,
  bundle: string | undefined,
  url: (entry: LineRelease, artifact: ReleaseArtifact) => string,
): FormatAnswer {
  const update = tauriUpdate(selection, bundle, url);
  if (!update) return { status: 204, offers: null, missing: noSignedBundle(selection, bundle) };
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(update),
    offers: update.version,
  };
}

/** `?bundle_type=` as Tauri fills `{{bundle_type}}`; an unknown one is the caller's mistake. */
export function tauriBundleType(value: string | undefined): string | undefined | FormatError {
  if (value === undefined || value === '') return undefined;
  const type = value.toLowerCase();
  if (TAURI_BUNDLES[type]) return type;
  return {
    status: 400,
    error: `unknown bundle_type "${value}": use one of ${BUNDLE_TYPES.join(', ')} (Tauri's {{bundle_type}}), or leave it out`,
  };
}

/**
 * `…/{arch}/{version}/tauri`, a Tauri endpoint: `https://host/update/{owner}/{app}/{channel}/{{target}}/{{arch}}/
 * {{current_version}}/tauri`, optionally `?bundle_type={{bundle_type}}`. 204 when there is no update, else 200
 * `{version, notes, pub_date, url, signature}`.
 */
const tauri: FeedFormat = {
  name: 'tauri',
  path: {
    template: '{version}/tauri',
    example: '1.0.0/tauri',
    summary: "Tauri's updater endpoint: the update to install (204 when none)",
    contentType: 'application/json; charset=utf-8',
  },
  match: (tail) => (tail.length === 2 && tail[1] === 'tauri' ? { version: tail[0] ?? '' } : undefined),
  params: ['bundle_type'],
  hint: false,
  answer(feed, selection, query) {
    const bundle = tauriBundleType(query.bundle_type);
    if (typeof bundle === 'object') return bundle;
    return answerTauri(selection, bundle, (entry, artifact) => fileUrl(feed, entry.release, artifact));
  },
};

export const tauriFeeds: readonly FeedFormat[] = [tauri];
