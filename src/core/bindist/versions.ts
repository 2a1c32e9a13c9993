import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { invalid, notFound } from '../errors.js';
import { printable } from '../names.js';
import { parseVersion } from '../versions.js';
import { findApp } from './catalog.js';
import type { BindistCaller } from './keys.js';
import type { Tier } from './tiers.js';

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

/** The PATCH fields; undefined leaves a field unchanged, a null note or tier clears it. */
export interface VersionChanges {
  isEnabled?: boolean | undefined;
  isActive?: boolean | undefined;
  releaseNotes?: string | null | undefined;
  requiredTier?: Tier | null | undefined;
}

export interface UpdatedVersion {
  applicationId: string;
  version: string;
  releaseNotes: string | null;
  isActive: boolean;
  isEnabled: boolean;
  requiredTier: string | null;
  updatedAt: Date;
}

/**
 * PATCH /applications/{id}/versions/{v}: `isEnabled` (publish), `isActive`, `releaseNotes` ("" or null clears them)
 * and `requiredTier`. A body with none of them is BinDist's 400. `minimumClientVersion`, which older SDKs send, is
 * ignored, as BinDist's server does.
 */
export async function updateVersion(
  db: Db,
  caller: BindistCaller,
  applicationId: string,
  version: string,
  input: VersionChanges,
): Promise<UpdatedVersion> {
  const app = await findApp(db, caller, applicationId);
  const changes: { published?: boolean; is_active?: boolean; changelog?: string; min_tier?: string | null } =
    {};
  const { isEnabled: enabled, isActive: active, releaseNotes: notes, requiredTier: tier } = input;
  if (enabled !== undefined) changes.published = enabled;
  if (active !== undefined) changes.is_active = active;
  if (notes !== undefined) changes.changelog = notes ?? '';
  if (tier !== undefined) changes.min_tier = tier;
  if (Object.keys(changes).length === 0) {
    throw invalid('Validation failed: send at least one of isEnabled, isActive, releaseNotes, requiredTier');
  }
  const row = await db
    .updateTable('versions')
    .set({ ...changes, updated_at: sql`now()` })
    .where('tenant_id', '=', caller.tenantId)
    .where('app_id', '=', app.id)
    .where('channel_id', 'is', null)
    .where('version', '=', version)
    .returning(['version', 'changelog', 'is_active', 'published', 'min_tier', 'updated_at'])
    .executeTakeFirst();
  if (!row) throw notFound(`Version not found: '${printable(version)}' of '${app.applicationId}'`);
  return {
    applicationId: app.applicationId,
    version: row.version,
    releaseNotes: row.changelog === '' ? null : row.changelog,
    isActive: row.is_active,
    isEnabled: row.published,
    requiredTier: row.min_tier,
    updatedAt: new Date(row.updated_at),
  };
}
