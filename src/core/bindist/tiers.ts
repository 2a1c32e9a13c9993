import { forbidden } from '../errors.js';
import type { BindistCaller } from './customer-keys.js';

/**
 * Customer tiers, from BinDist's documentation (the real server dropped them; the SDKs still send `tier`):
 * a customer may have a tier and a version a minimum tier; a customer below it is refused with 403
 * "This version requires X tier access". A customer without a tier is below every tier; the admin never is.
 */
export const TIERS = ['Basic', 'Premium', 'Enterprise'] as const;
export type Tier = (typeof TIERS)[number];

function rank(tier: string | null): number {
  return tier === null ? -1 : TIERS.findIndex((t) => t.toLowerCase() === tier.toLowerCase());
}

/** Throws 403 when the caller's tier is below the version's minimum. */
export function requireTier(caller: BindistCaller, minTier: string | null): void {
  if (minTier === null || caller.kind === 'admin') return;
  if (rank(caller.tier) < rank(minTier)) throw forbidden(`This version requires ${minTier} tier access`);
}
