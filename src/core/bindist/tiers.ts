import { forbidden, invalid } from '../errors.js';
import type { BindistCaller } from './keys.js';

/**
 * Customer tiers, from BinDist's documentation (the real server dropped them; the SDKs still send `tier`):
 * a customer may have a tier and a version a minimum tier; a customer below it is refused with 403
 * "This version requires X tier access". A customer without a tier is below every tier; the admin never is.
 */
export const TIERS = ['Basic', 'Premium', 'Enterprise'] as const;
export type Tier = (typeof TIERS)[number];

/** A tier as sent (any case) in its canonical spelling; null clears it; undefined when absent. */
export function parseTier(value: unknown, field = 'tier'): Tier | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  const tier =
    typeof value === 'string' ? TIERS.find((t) => t.toLowerCase() === value.toLowerCase()) : undefined;
  if (!tier) throw invalid(`Validation failed: "${field}" must be one of ${TIERS.join(', ')}`);
  return tier;
}

function rank(tier: string | null): number {
  return tier === null ? -1 : TIERS.findIndex((t) => t.toLowerCase() === tier.toLowerCase());
}

/** Throws 403 when the caller's tier is below the version's minimum. */
export function requireTier(caller: BindistCaller, minTier: string | null): void {
  if (minTier === null || caller.kind === 'admin') return;
  if (rank(caller.tier) < rank(minTier)) throw forbidden(`This version requires ${minTier} tier access`);
}
