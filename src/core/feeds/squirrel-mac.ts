import type { LineRelease, Release, ReleaseArtifact } from '../releases/index-load.js';
import { newestAbove } from '../update/answer.js';
import type { Selection } from '../update/select.js';
import type { Version } from '../version-numbers.js';
import { isoSeconds } from './dates.js';
import { type FeedFormat, fileUrl } from './feed.js';

/** What Squirrel.Mac reads from a 200 (its server mode), and each `updateTo` of its JSON-file mode. */
export interface SquirrelMacUpdate {
  url: string;
  name: string;
  notes: string;
  pub_date: string;
}

/** The archive Squirrel.Mac installs: a `.zip` holding the `.app` (the newest upload when there are several). */
export function macZip(entry: LineRelease): ReleaseArtifact | undefined {
  return entry.artifacts.findLast((a) => a.fileName.toLowerCase().endsWith('.zip'));
}

/**
 * One update as Squirrel.Mac reads it. `notes` is the changelog's markdown as it was uploaded (Electron hands it
 * to the app as `releaseNotes`, a plain string); `pub_date` has whole seconds, the only form Squirrel parses.
 */
export function squirrelMacUpdate(appName: string, release: Release, url: string): SquirrelMacUpdate {
  return {
    url,
    name: `${appName} ${release.version.text}`,
    notes: release.changelog,
    pub_date: isoSeconds(release.publishedAt),
  };
}

/**
 * The offer for a Squirrel.Mac client, or undefined for 204. Squirrel installs whatever `url` names, even the
 * running version or an older one, so anything but a newer release with a zip is "no update": a client ahead of
 * what is published (an unpublished build, a withdrawn release) keeps what it runs; FaynoSync would send it the
 * older zip and Squirrel would silently downgrade it.
 */
export function squirrelMacOffer(
  selection: Selection,
): { entry: LineRelease; zip: ReleaseArtifact } | undefined {
  const entry = selection.latest;
  if (!selection.updateAvailable || !entry) return undefined;
  const zip = macZip(entry);
  return zip ? { entry, zip } : undefined;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Why a release Squirrel.Mac could be offered is not: it has no zip. */
export function noZip(selection: Selection): string {
  return `release ${selection.latest?.release.version.text} has no .zip for Squirrel.Mac: upload the zipped .app`;
}

/**
 * Server mode, `…/{arch}/{version}/squirrel-mac`: Squirrel.Mac adds nothing to the feed URL, so the running
 * version is in it. 204 when there is nothing to install, else 200 `{url, name, notes, pub_date}`.
 */
const serverMode: FeedFormat = {
  name: 'squirrel_darwin',
  path: {
    template: '{version}/squirrel-mac',
    example: '1.0.0/squirrel-mac',
    summary: 'Squirrel.Mac server mode: the update to install (204 when none)',
    contentType: JSON_TYPE,
  },
  match: (tail) => (tail.length === 2 && tail[1] === 'squirrel-mac' ? { version: tail[0] ?? '' } : undefined),
  hint: false,
  answer(feed, selection) {
    const offer = squirrelMacOffer(selection);
    if (!offer) return { status: 204, offers: null, missing: noZip(selection) };
    const { release } = offer.entry;
    const update = squirrelMacUpdate(feed.app.name, release, fileUrl(feed, release, offer.zip));
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: JSON.stringify(update),
      offers: release.version.text,
    };
  },
};

/**
 * JSON-file mode (`serverType: 'json'`), `…/{arch}/RELEASES.json`: the document update-electron-app and
 * @electron-forge/maker-zip keep beside the zips. The client decides itself: nothing when it runs
 * `currentRelease` or something newer, else it installs the `updateTo` of the entry whose `version` equals
 * `currentRelease`. So `currentRelease` is the newest release with a zip, which is always listed. The file carries
 * no running version; `?version=` may add it (required intermediates are then honoured).
 */
const jsonFileMode: FeedFormat = {
  name: 'squirrel_darwin',
  path: {
    template: 'RELEASES.json',
    example: 'RELEASES.json',
    summary: 'Squirrel.Mac JSON-file mode (update-electron-app, maker-zip)',
    contentType: JSON_TYPE,
  },
  match: (tail) => (tail.length === 1 && tail[0] === 'RELEASES.json' ? { version: '' } : undefined),
  hint: false,
  answer(feed, selection) {
    const releases: { version: string; updateTo: SquirrelMacUpdate & { version: string } }[] = [];
    let newest: Version | undefined;
    for (const entry of selection.releases) {
      const zip = macZip(entry);
      if (!zip) continue;
      const { release } = entry;
      newest = release.version;
      const update = squirrelMacUpdate(feed.app.name, release, fileUrl(feed, release, zip));
      releases.push({
        version: release.version.text,
        updateTo: { version: release.version.text, ...update },
      });
    }
    const current = releases[releases.length - 1];
    if (!current) {
      return {
        status: 404,
        error: 'no published release of this feed has a .zip: upload the zipped .app for Squirrel.Mac',
      };
    }
    // The client installs `currentRelease` unless it runs that version or a newer one.
    const offers = newestAbove([newest], selection.version);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: JSON.stringify({ currentRelease: current.version, releases }),
      offers,
      missing: noZip(selection),
    };
  },
};

export const squirrelMacFeeds: readonly FeedFormat[] = [serverMode, jsonFileMode];
