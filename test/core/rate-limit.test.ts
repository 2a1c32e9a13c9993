import { describe, expect, it } from 'vitest';
import { addressKey, KnownAddresses, RateLimiter } from '../../src/core/rate-limit.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

describe('RateLimiter', () => {
  it('allows `limit` events per window and then tells how long to wait', () => {
    const c = clock();
    const limiter = new RateLimiter(100, c.now);
    for (let i = 0; i < 3; i++) expect(limiter.hit('k', 3, 60)).toEqual({ allowed: true });
    expect(limiter.hit('k', 3, 60)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    c.advance(59.2);
    expect(limiter.hit('k', 3, 60)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.hit('other', 3, 60)).toEqual({ allowed: true });
    c.advance(1);
    expect(limiter.hit('k', 3, 60)).toEqual({ allowed: true });
  });

  it('gives back refunded events and forgets reset keys', () => {
    const limiter = new RateLimiter(100, clock().now);
    limiter.hit('k', 1, 60);
    limiter.refund('k');
    expect(limiter.hit('k', 1, 60)).toEqual({ allowed: true });
    expect(limiter.hit('k', 1, 60).allowed).toBe(false);
    limiter.reset('k');
    expect(limiter.hit('k', 1, 60)).toEqual({ allowed: true });
    limiter.refund('never-seen');
    expect(limiter.size).toBe(1);
  });

  it('keeps memory bounded: expired windows go, and past the cap the oldest go', () => {
    const c = clock();
    const limiter = new RateLimiter(10, c.now);
    for (let i = 0; i < 8; i++) limiter.hit(`old${i}`, 1, 10);
    c.advance(11);
    limiter.hit('fresh', 1, 10);
    expect(limiter.size).toBe(1);
    for (let i = 0; i < 50; i++) limiter.hit(`flood${i}`, 1, 60);
    expect(limiter.size).toBe(10);
    // The newest counters survive the flood.
    expect(limiter.hit('flood49', 1, 60).allowed).toBe(false);
  });
});

describe('KnownAddresses', () => {
  it('remembers the newest addresses per account, for a bounded number of accounts', () => {
    const known = new KnownAddresses(2, 2);
    known.remember('a', '10.0.0.1');
    known.remember('a', '10.0.0.2');
    known.remember('a', '10.0.0.1');
    known.remember('a', '10.0.0.3');
    expect(known.has('a', '10.0.0.1')).toBe(true);
    expect(known.has('a', '10.0.0.3')).toBe(true);
    expect(known.has('a', '10.0.0.2')).toBe(false);
    known.remember('b', '10.0.0.9');
    known.remember('c', '10.0.0.9');
    expect(known.has('a', '10.0.0.1')).toBe(false);
    expect(known.has('c', '10.0.0.9')).toBe(true);
  });
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });
});
