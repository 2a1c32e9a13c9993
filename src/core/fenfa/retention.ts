import type { Db } from '../../db/connect.js';
import { notFound } from '../errors.js';
import type { Viewer } from '../visibility.js';
import { type ReleaseRow, releasesOf } from './products.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A variant's retention policy: keep its newest `keep_last` releases and those uploaded in the last `keep_days`
 * days (a release either rule keeps stays); null is no rule of that kind, both null is no policy (the default).
 */
export interface RetentionPolicy {
  keep_last: number | null;
  keep_days: number | null;
}

export const NO_RETENTION: RetentionPolicy = { keep_last: null, keep_days: null };

export function retentionEnabled(policy: RetentionPolicy): boolean {
  return policy.keep_last !== null || policy.keep_days !== null;
}

/**
 * The releases (newest first, as releasesOf lists them) a policy deletes at `now`: those neither rule keeps. The
 * newest release is never deleted, whatever the policy says.
 */
export function releasesBeyond<T extends { created_at: Date }>(
  releases: readonly T[],
  policy: RetentionPolicy,
  now: Date,
): T[] {
  if (!retentionEnabled(policy)) return [];
  const cutoff = policy.keep_days === null ? undefined : now.getTime() - policy.keep_days * DAY_MS;
  return releases.filter((release, newer) => {
    if (newer === 0) return false;
    const counted = policy.keep_last !== null && newer < policy.keep_last;
    const recent = cutoff !== undefined && release.created_at.getTime() >= cutoff;
    return !counted && !recent;
  });
}

/** A variant's policy; a variant of another tenant is as unknown as a missing one. */
export async function readRetention(db: Db, tenantId: string, variantId: string): Promise<RetentionPolicy> {
  const row = await db
    .selectFrom('fenfa_variants')
    .select(['keep_last', 'keep_days'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', variantId)
    .executeTakeFirst();
  if (!row) throw notFound(`variant ${variantId} not found`);
  return row;
}

/**
 * What a policy (the variant's own unless one is given) would delete now, and how many releases it keeps: every
 * release of the variant counts, published or not, whichever face uploaded it.
 */
export async function previewRetention(
  db: Db,
  tenantId: string,
  variantId: string,
  options: { policy?: RetentionPolicy; now?: Date } = {},
): Promise<{ policy: RetentionPolicy; remove: ReleaseRow[]; keep: number }> {
  const stored = await readRetention(db, tenantId, variantId);
  const policy = options.policy ?? stored;
  // The tenant's own view: a policy is the tenant's, not limited by who asks.
  const viewer: Viewer = { kind: 'manager', tenantId, limits: {} };
  const releases = (await releasesOf(db, viewer, [variantId])).get(variantId) ?? [];
  const remove = releasesBeyond(releases, policy, options.now ?? new Date());
  return { policy, remove, keep: releases.length - remove.length };
}

/** The variants that have a policy, of every tenant: the hourly pass's work list. */
export async function variantsWithRetention(db: Db): Promise<{ tenantId: string; variantId: string }[]> {
  const rows = await db
    .selectFrom('fenfa_variants')
    .select(['tenant_id', 'id'])
    .where((eb) => eb.or([eb('keep_last', 'is not', null), eb('keep_days', 'is not', null)]))
    .orderBy('tenant_id')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ tenantId: row.tenant_id, variantId: row.id }));
}
