import { isIPv6 } from 'node:net';

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  endsAt: number;
  count: number;
}

const ALLOWED: Verdict = { allowed: true };

/**
 * Fixed-window counters per key, kept in memory of this instance. At most `maxKeys` windows are
 * held: expired ones are dropped as new ones arrive, and past the cap the oldest go first, so a
 * flood of distinct keys costs bounded memory (at worst it forgets the oldest counters).
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event for `key`; refused once more than `limit` events fall in the current window. */
  hit(key: string, limit: number, windowSeconds: number): Verdict {
    const t = this.now();
    let window = this.current(key, t);
    if (!window) {
      window = { endsAt: t + windowSeconds * 1000, count: 0 };
      this.windows.set(key, window);
      this.evict(t);
    }
    window.count += 1;
    return window.count <= limit ? ALLOWED : refusal(window, t);
  }

  /** Gives back one counted event, for attempts that turned out legitimate. */
  refund(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count -= 1;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }

  private current(key: string, t: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= t) {
      // Re-inserting a fresh window moves the key to the end, so the map stays ordered by window start.
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private evict(t: number): void {
    for (const [key, window] of this.windows) {
      if (this.windows.size <= this.maxKeys && window.endsAt > t) break;
      this.windows.delete(key);
    }
  }
}

function refusal(window: Window, t: number): Verdict {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - t) / 1000)) };
}

/**
 * The client addresses (rate-limit keys) each account signed in from successfully, kept in memory of this instance:
 * at most `perAccount` per account (the newest) and `maxAccounts` accounts (the least recently used go first).
 */
export class KnownAddresses {
  private readonly byAccount = new Map<string, string[]>();

  constructor(
    private readonly maxAccounts = 50_000,
    private readonly perAccount = 16,
  ) {}

  has(account: string, address: string): boolean {
    return this.byAccount.get(account)?.includes(address) ?? false;
  }

  remember(account: string, address: string): void {
    const addresses = (this.byAccount.get(account) ?? []).filter((a) => a !== address);
    addresses.push(address);
    if (addresses.length > this.perAccount) addresses.shift();
    this.byAccount.delete(account);
    this.byAccount.set(account, addresses);
    for (const oldest of this.byAccount.keys()) {
      if (this.byAccount.size <= this.maxAccounts) break;
      this.byAccount.delete(oldest);
    }
  }
}

/**
 * The rate-limit key of a client address. One IPv6 subscriber usually holds a whole /64, so
 * IPv6 addresses count per /64; IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
