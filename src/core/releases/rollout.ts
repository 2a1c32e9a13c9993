import { createHash } from 'node:crypto';

/** A version's staged rollout: the share of devices (0–100) that may take it, and the seed kept with it. */
export interface Rollout {
  percent: number;
  seed: string;
}

/**
 * FaynoSync's cross-SDK bucket: the first 8 bytes of SHA-256(`deviceId:seed`) read as a big-endian unsigned
 * 64-bit integer, modulo 100. The SDKs compute the same number on the device, so the server and a client that
 * gates itself always agree. BigInt, because 2^64 mod 100 is not what a float would give.
 */
export function rolloutBucket(deviceId: string, seed: string): number {
  const digest = createHash('sha256').update(`${deviceId}:${seed}`).digest();
  return Number(digest.readBigUInt64BE(0) % 100n);
}

/** Whether the device may take a version in this rollout: everyone at 100%, nobody at 0%. */
export function inRollout(deviceId: string, rollout: Rollout): boolean {
  if (rollout.percent >= 100) return true;
  return rolloutBucket(deviceId, rollout.seed) < rollout.percent;
}
