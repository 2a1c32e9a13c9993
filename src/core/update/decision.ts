import type { LineRelease, Release, ReleaseArtifact } from '../releases/index-load.js';
import { inRollout } from '../releases/rollout.js';
import { compareVersions, type Version } from '../version-numbers.js';

/** What an update check decided, before it is shaped into FaynoSync's JSON. */
export interface Decision {
  /** The release whose files the answer lists: the one offered, or with no update the newest the client may have. */
  shown: LineRelease | undefined;
  updateAvailable: boolean;
  intermediateRequired: boolean;
  critical: boolean;
  possibleRollback: boolean;
  /**
   * The releases in a staged rollout that a device could be offered (above the client, up to the first required
   * intermediate), lowest first. Empty: every device that identifies itself gets the same answer.
   */
  staged: readonly Release[];
}

/**
 * FaynoSync's update decision (behaviour §5.3) over one release line (published releases of the app in the
 * channel with an artifact for the platform and arch, lowest first); undefined when the line is empty.
 *
 * Walking up from the client's version, the first required intermediate stops the walk: a client may not
 * jump past it. Without a device id every release is eligible, which gives FaynoSync's answer exactly: the
 * lowest intermediate above the client, else the latest; `critical` is the offered release's own flag.
 *
 * With a device id the server gates the staged rollouts itself: releases above the client that the device is
 * not in the rollout of are as if unpublished for it, and it is offered the newest one it may take (still never
 * past a required intermediate). Releases at or below the client stay visible, so a device already on a
 * release whose rollout was narrowed is told "no update", not "roll back". `critical` is then true when any
 * release the client skips over (above it, up to the offer) is critical: skipping a critical fix is critical.
 */
export function decide(
  line: readonly LineRelease[],
  client: Version,
  deviceId?: string,
): Decision | undefined {
  if (line.length === 0) return undefined;
  let atOrBelow: LineRelease | undefined;
  let offered: LineRelease | undefined;
  let offeredCritical = false;
  let skippedCritical = false;
  const staged: Release[] = [];
  for (const entry of line) {
    const { release } = entry;
    if (compareVersions(release.version, client) <= 0) {
      atOrBelow = entry;
      continue;
    }
    if (release.rollout.percent < 100) staged.push(release);
    skippedCritical ||= release.critical;
    if (deviceId === undefined || inRollout(deviceId, release.rollout)) {
      offered = entry;
      offeredCritical = deviceId === undefined ? release.critical : skippedCritical;
    }
    if (release.intermediate) break;
  }
  if (offered) {
    return {
      shown: offered,
      updateAvailable: true,
      intermediateRequired: offered.release.intermediate,
      critical: offeredCritical,
      possibleRollback: false,
      staged,
    };
  }
  return {
    shown: atOrBelow,
    updateAvailable: false,
    intermediateRequired: false,
    critical: atOrBelow?.release.critical ?? false,
    possibleRollback: atOrBelow !== undefined && compareVersions(atOrBelow.release.version, client) < 0,
    staged,
  };
}

/**
 * Which staged release decides a device's answer: the index in `staged` of the newest one the device is in the
 * rollout of, or -1. Releases that are not staged are open to every device, so the offer is the newer of the
 * newest of those and this one: two devices with the same value get the same answer, which can be shared.
 */
export function newestOpenRollout(staged: readonly Release[], deviceId: string): number {
  for (let i = staged.length - 1; i >= 0; i--) {
    const release = staged[i];
    if (release && inRollout(deviceId, release.rollout)) return i;
  }
  return -1;
}

/** Files FaynoSync never lists in an update check: electron-builder's block maps and Squirrel's packages. */
const UNLISTED = new Set(['blockmap', 'nupkg']);

/**
 * FaynoSync's base (manual) JSON for a decision (behaviour §5.4), keys in alphabetical order as Go's map encoder
 * writes them.
 */
export function manualBody(decision: Decision): Record<string, unknown> {
  const fields: Record<string, unknown> = { update_available: decision.updateAvailable };
  let listed = 0;
  let signature: string | undefined;
  // Artifacts come oldest first: when two share an extension the newest upload's link wins (FaynoSync keeps
  // whichever its loop saw last, which depends on upload order too, but not deterministically so).
  for (const artifact of decision.shown?.artifacts ?? []) {
    if (UNLISTED.has(artifact.ext.toLowerCase())) continue;
    fields[urlKey(artifact)] = artifact.link;
    listed += 1;
  }
  if (!decision.updateAvailable && listed === 0) return { error: 'Not found', update_available: false };
  for (const artifact of decision.shown?.artifacts ?? []) {
    if (artifact.signature && fields[urlKey(artifact)] === artifact.link) signature = artifact.signature;
  }
  const release = decision.shown?.release;
  fields.critical = decision.critical;
  if (decision.updateAvailable) {
    if (decision.intermediateRequired) fields.is_intermediate_required = true;
    if (release && release.rollout.percent < 100) {
      fields.rollout = { percent: release.rollout.percent, seed: release.rollout.seed };
    }
  } else {
    fields.possible_rollback = decision.possibleRollback;
  }
  if (signature) fields.signature = signature;
  if (release?.changelog && (decision.updateAvailable || decision.possibleRollback)) {
    fields.changelog = `${release.changelog}\n`;
  }
  return sortedKeys(fields);
}

function urlKey(artifact: ReleaseArtifact): string {
  return artifact.ext ? `update_url_${artifact.ext}` : 'update_url';
}

/** Every key here starts with a letter, so insertion order is emission order (no integer-like keys jump ahead). */
export function sortedKeys(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields).sort()) out[key] = fields[key];
  return out;
}
