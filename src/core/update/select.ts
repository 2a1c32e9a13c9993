import type { LineRelease, Release } from '../releases/index-load.js';
import { inRollout } from '../releases/rollout.js';
import { compareVersions, type Version } from '../version-numbers.js';
import { decide } from './decision.js';

/** Who is asking for a feed, as far as the request tells. */
export interface FeedClient {
  /** The running version, when the feed URL carries it (Squirrel.Windows, Squirrel.Mac, Tauri, Velopack). */
  version?: Version;
  /** A stable per-install id (x-user-staging-id, X-Device-ID, Velopack's stagingId): the server gates rollouts. */
  deviceId?: string;
}

/** Which releases of a line a feed shows one client. */
export interface Selection {
  /** The client's version the selection was made for, when known. */
  version: Version | undefined;
  /**
   * The release the client should run: the offer when there is an update, otherwise the newest release at or
   * below the client. Undefined when nothing in the line is open to this client.
   */
  latest: LineRelease | undefined;
  /** The releases the feed may list, lowest first, ending at `latest` (feeds that list history use these). */
  releases: readonly LineRelease[];
  /** Whether `latest` is newer than the client; with no client version, whether there is a `latest` at all. */
  updateAvailable: boolean;
  /** `latest` is a required intermediate the client may not skip. */
  intermediateRequired: boolean;
  /** FaynoSync's critical flag for the offer (see decide()). */
  critical: boolean;
  /**
   * Set only when the client sent no id and `latest` is in a staged rollout: the percentage, for formats that
   * let the client gate itself (electron-builder's stagingPercentage, Squirrel's `# NN%`).
   */
  stagingPercent: number | undefined;
  /** Whether a client id decided the rollouts (the server gated); else formats with a hint must carry every one. */
  gated: boolean;
}

/**
 * The one selection rule behind every feed.
 *
 * - With a device id, the server gates staged rollouts with FaynoSync's bucket: a release the device is not in is as
 *   if unpublished for it, so it gets the newest release it is eligible for. Buckets only grow with the percentage,
 *   so widening a rollout never drops a device that already had it.
 * - Without an id, a format that can carry a rollout hint (`hint`) shows the newest release with its percentage; one
 *   that cannot (appcast, Tauri, Squirrel.Mac, Velopack) shows only fully rolled-out releases above the client, so a
 *   staged rollout never reaches more devices than it should.
 * - With the client's version, required intermediates are honoured (the client is offered the lowest one above it)
 *   and `updateAvailable` compares with it; without it, intermediates cannot be honoured and `latest` is the newest.
 */
export function selectReleases(line: readonly LineRelease[], client: FeedClient, hint: boolean): Selection {
  const { version, deviceId } = client;
  const closed = (release: Release) => release.rollout.percent < 100 && deviceId === undefined && !hint;
  const open = line.filter(
    ({ release }) =>
      !closed(release) || (version !== undefined && compareVersions(release.version, version) <= 0),
  );
  let latest: LineRelease | undefined;
  let updateAvailable: boolean;
  let intermediateRequired = false;
  let critical: boolean;
  if (version !== undefined) {
    const decision = decide(open, version, deviceId);
    latest = decision?.shown;
    updateAvailable = decision?.updateAvailable ?? false;
    intermediateRequired = decision?.intermediateRequired ?? false;
    critical = decision?.critical ?? false;
  } else {
    for (let i = open.length - 1; i >= 0 && latest === undefined; i--) {
      const entry = open[i];
      if (entry && (deviceId === undefined || inRollout(deviceId, entry.release.rollout))) latest = entry;
    }
    updateAvailable = latest !== undefined;
    critical = latest?.release.critical ?? false;
  }
  const top = latest?.release.version;
  const releases =
    top === undefined ? [] : open.filter(({ release }) => compareVersions(release.version, top) <= 0);
  const percent = latest?.release.rollout.percent ?? 100;
  const stagingPercent =
    deviceId === undefined && hint && updateAvailable && percent < 100 ? percent : undefined;
  return {
    version,
    latest,
    releases,
    updateAvailable,
    intermediateRequired,
    critical,
    stagingPercent,
    gated: deviceId !== undefined,
  };
}

/**
 * The staged releases whose rollout can change what a device is shown: above the client (all of them when its
 * version is unknown). Devices in the rollouts of the same releases get the same feed, so a feed is cached per
 * `newestOpenRollout(stagedInReach(...), id)` rather than per device.
 */
export function stagedInReach(line: readonly LineRelease[], version: Version | undefined): Release[] {
  const staged: Release[] = [];
  for (const { release } of line) {
    if (version !== undefined && compareVersions(release.version, version) <= 0) continue;
    if (release.rollout.percent < 100) staged.push(release);
    if (version !== undefined && release.intermediate) break;
  }
  return staged;
}
