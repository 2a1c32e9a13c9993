import type { Db } from '../../db/connect.js';
import { invalid } from '../errors.js';
import { printable } from '../names.js';
import { parseVersion } from '../version-numbers.js';

/**
 * Writing BinDist versions (the read side is releases.ts). A version is a channel-less `versions` row of the app:
 * `published` is BinDist's `isEnabled`, `changelog` its `releaseNotes`, `is_active` its `isActive`, `min_tier` the
 * optional required customer tier.
 */

/** BinDist's rule for a version string. */
const BINDIST_VERSION = /^[A-Za-z0-9._-]{1,50}$/;
export const MAX_RELEASE_NOTES = 5000;

/**
 * A version a write creates or names. Besides BinDist's character rule it must be a version Updraft can order
 * (feeds and update checks compare them), written the way Updraft stores it: the text is stored as sent, so a
 * form Updraft would rewrite (FaynoSync's `1.0.0-5` for `1.0.0.5`) is refused with the form to send instead.
 */
export function parseBindistVersion(value: string, field = 'version'): string {
  if (!BINDIST_VERSION.test(value)) {
    throw invalid(
      `Validation failed: "${field}" must be 1 to 50 letters, digits, '.', '-' or '_', e.g. 1.2.0 or 1.2.0-rc1`,
    );
  }
  const { text } = parseVersion(value, field);
  if (text !== value) {
    throw invalid(
      `Validation failed: "${field}" "${printable(value)}" is stored as "${text}": send it as "${text}"`,
    );
  }
  return text;
}

/** BinDist `versionId`: computed, never stored. */
export function bindistVersionId(applicationId: string, version: string): string {
  return `${applicationId}-${version}`;
}

/** Whether the application already has this channel-less version (BinDist uploads a version once). */
export async function versionExists(
  db: Db,
  tenantId: string,
  appId: string,
  version: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('versions')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('app_id', '=', appId)
    .where('channel_id', 'is', null)
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}
