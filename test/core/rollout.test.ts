import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inRollout, rolloutBucket } from '../../src/core/releases/rollout.js';

/** The reference algorithm written another way: hex digits to BigInt, not a Buffer read. */
function referenceBucket(deviceId: string, seed: string): number {
  const hex = createHash('sha256').update(`${deviceId}:${seed}`).digest('hex');
  return Number(BigInt(`0x${hex.slice(0, 16)}`) % 100n);
}

const SEED = 'badadc23b08e3943';

describe('rolloutBucket', () => {
  it('gives the values the FaynoSync JS SDK pins in its own tests', () => {
    expect(rolloutBucket('device-1', SEED)).toBe(18);
    expect(rolloutBucket('device-2', SEED)).toBe(22);
    expect(rolloutBucket('device-abc', SEED)).toBe(5);
  });

  it.each([
    ['device-1', SEED],
    ['3f2a9c1e-77b0-4c51-9d0e-5b8f1f0a2c44', '0011223344556677'],
    ['', 'ffffffffffffffff'],
    ['żółw-🐢', 'a1b2c3d4e5f60718'],
    ['x'.repeat(128), '8000000000000000'],
  ])('matches an independent computation for %j with seed %s', (deviceId, seed) => {
    expect(rolloutBucket(deviceId, seed)).toBe(referenceBucket(deviceId, seed));
  });

  it('matches the BigInt reference over many devices (the 64-bit remainder is taken in two 32-bit halves)', () => {
    for (let i = 0; i < 20_000; i++) {
      expect(rolloutBucket(`device-${i}`, SEED)).toBe(referenceBucket(`device-${i}`, SEED));
    }
  });

  it('stays within 0..99', () => {
    for (let i = 0; i < 300; i++) {
      const bucket = rolloutBucket(`d${i}`, SEED);
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(100);
    }
  });
});

describe('inRollout', () => {
  it('admits a device whose bucket is below the percent and refuses one at or above it', () => {
    expect(inRollout('device-1', { percent: 19, seed: SEED })).toBe(true); // bucket 18
    expect(inRollout('device-1', { percent: 18, seed: SEED })).toBe(false);
    expect(inRollout('device-2', { percent: 22, seed: SEED })).toBe(false); // bucket 22
    expect(inRollout('device-2', { percent: 23, seed: SEED })).toBe(true);
  });

  it('admits everyone at 100% and nobody at 0%', () => {
    for (let i = 0; i < 50; i++) {
      expect(inRollout(`d${i}`, { percent: 100, seed: SEED })).toBe(true);
      expect(inRollout(`d${i}`, { percent: 0, seed: SEED })).toBe(false);
    }
  });
});
