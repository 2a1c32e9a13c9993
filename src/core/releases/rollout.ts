import { hash } from 'node:crypto';

/** A version's staged rollout: the share of devices (0–100) that may take it, and the seed kept with it. */
export interface Rollout {
  percent: number;
  seed: string;
}

/**
 * FaynoSync's cross-SDK bucket: the first 8 bytes of SHA-256(`deviceId:seed`) read as a big-endian unsigned
 * 64-bit integer, modulo 100. The SDKs compute the same number on the device, so the server and a client that
 * gates itself always agree.
 *
 * It runs on every device check with a staged release in reach, so it avoids what made it cost about 2 µs:
 * the one-shot `hash` instead of a Hash object, and no BigInt. The 64-bit value is hi·2^32 + lo with both
 * halves read exactly from the hex digest; modulo 100 that is ((hi mod 100)·(2^32 mod 100) + lo mod 100) mod
 * 100, with 2^32 mod 100 = 96, and every intermediate stays far below 2^53, so it is exact (a float of the
 * whole 64-bit value would not be).
 */
export function rolloutBucket(deviceId: string, seed: string): number {
  const hex = hash('sha256', `${deviceId}:${seed}`);
  const hi = Number.parseInt(hex.slice(0, 8), 16);
  const lo = Number.parseInt(hex.slice(8, 16), 16);
  return ((hi % 100) * 96 + (lo % 100)) % 100;
}

/** Whether the device may take a version in this rollout: everyone at 100%, nobody at 0%. */
export function inRollout(deviceId: string, rollout: Rollout): boolean {
  if (rollout.percent >= 100) return true;
  return rolloutBucket(deviceId, rollout.seed) < rollout.percent;
}
