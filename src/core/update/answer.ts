import type { Release } from '../releases/index-load.js';
import { compareVersions, type Version } from '../version-numbers.js';
import type { Selection } from './select.js';

/** What an updater is told, before it is serialised: a body, an empty 204, a redirect or an error. */
export type UpdateResponse =
  | { status: 200; contentType: string; body: string }
  | { status: 204 }
  | { status: 302; location: string }
  | { status: 400 | 404; error: string };

/** What the update rules decided for one client, as the answer carries it. */
export interface UpdateDecision {
  /**
   * The version the answer tells the client to install, read from what the answer itself lists (the `version` of a
   * channel file, the newest full package of a RELEASES…), or null: what a client of this format would do with it.
   */
  offers: string | null;
  /** Whether the rules found a newer release for this client (the telemetry's "not on the latest"). */
  updateAvailable: boolean;
  /** Why, in words (the feed doctor shows it). */
  reason: string;
  /**
   * The staged releases whose rollout can change this answer for a device (see newestOpenRollout); empty when every
   * device gets this answer. Answers to devices are shared per rollout bucket of these.
   */
  staged: readonly Release[];
}

/** A pure answer to an updater: the response, the decision behind it and whether it depends on the device id. */
export type UpdateAnswer = UpdateResponse & {
  /** Absent when the request was refused before any update rule applied (a bad name, nothing published…). */
  decision?: UpdateDecision;
  /** The answer depends on the client's device id (shared caches must key on it): every answer but an error. */
  perDevice: boolean;
};

/**
 * What a format answers a selection: an error, or a response with the version it lists as the update (`offers`) and,
 * for when that is not the selected release, why (`missing`: no zip, no signed bundle…).
 */
export type FormatAnswer =
  | (Exclude<UpdateResponse, { status: 400 | 404 }> & { offers: string | null; missing?: string })
  | FormatError;

export type FormatError = Extract<UpdateResponse, { status: 400 | 404 }>;

/** A format's answer to a selection, with the decision behind it. */
export function answered(
  offered: FormatAnswer,
  selection: Selection,
  staged: readonly Release[],
): UpdateAnswer {
  if ('error' in offered) {
    const decision = { ...decided(selection, null, staged), reason: offered.error };
    return { status: offered.status, error: offered.error, perDevice: false, decision };
  }
  const { offers, missing, ...response } = offered;
  return { ...response, perDevice: true, decision: decided(selection, offers, staged, missing) };
}

/** An answer refused before any update rule applied: the caller's mistake or nothing to decide about. */
export function refused(status: 400 | 404, error: string): UpdateAnswer {
  return { status, error, perDevice: false };
}

/**
 * The version a listing offers a client: the newest listed, when it is newer than the client's (or the client's
 * version is unknown: it takes the newest). Undefined versions are ignored.
 */
export function newestAbove(
  listed: readonly (Version | undefined)[],
  client: Version | undefined,
): string | null {
  let newest: Version | undefined;
  for (const version of listed) {
    if (version && (!newest || compareVersions(version, newest) > 0)) newest = version;
  }
  if (!newest || (client !== undefined && compareVersions(newest, client) <= 0)) return null;
  return newest.text;
}

/**
 * The decision of an answer made from a selection. `offers` is what the answer lists; `missing` says why the
 * selected release is not offered when the format found nothing it can serve in it (no zip, no signed bundle…).
 */
export function decided(
  selection: Selection,
  offers: string | null,
  staged: readonly Release[],
  missing?: string,
): UpdateDecision {
  return {
    offers,
    updateAvailable: selection.updateAvailable,
    reason: reasonFor(selection, offers, missing),
    staged,
  };
}

function reasonFor(selection: Selection, offers: string | null, missing: string | undefined): string {
  const latest = selection.latest?.release.version.text;
  if (offers !== null) {
    let reason = `offers ${offers}`;
    if (offers !== latest && missing) reason += ` (${missing})`;
    if (offers === latest) {
      if (selection.intermediateRequired) reason += ', a required intermediate the client may not skip';
      if (selection.stagingPercent !== undefined) {
        reason += ` with a ${selection.stagingPercent}% rollout hint the client applies itself`;
      }
    }
    return reason;
  }
  if (latest === undefined) return 'no release is open to this client';
  if (!selection.updateAvailable)
    return `${latest} is the newest release open to this client, and it is not newer`;
  return missing ?? `${latest} is open to this client, but this format lists nothing newer than what it runs`;
}
