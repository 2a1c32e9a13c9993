import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connect.js';

/** The sign-up key from the environment (API_KEY), and the data directory a one-time key is kept in otherwise. */
export interface SignupKeyOptions {
  apiKey: string | undefined;
  dataDir: string;
}

/**
 * Sign-up is never open without a key. With API_KEY set, that key creates tenants (FaynoSync's way).
 * Without it, a fresh install mints a one-time key in DATA_DIR for the first admin; it is gone once used.
 */
export function signupKeyPath(config: SignupKeyOptions): string {
  return join(config.dataDir, 'signup-key');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Called at start-up; returns the one-time key when a new one must be shown to the operator. */
export async function prepareSignupKey(config: SignupKeyOptions, db: Db): Promise<string | undefined> {
  if (config.apiKey) return undefined;
  const path = signupKeyPath(config);
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  if (admin) {
    if (existsSync(path)) unlinkSync(path);
    return undefined;
  }
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const key = randomBytes(18).toString('base64url');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}

export type SignupKeyCheck =
  | { ok: true; consume: () => boolean; restore: () => void }
  | { ok: false; closed: boolean };

/** Checks a presented key; a one-time key must then be consumed (exactly one caller wins). */
export function checkSignupKey(config: SignupKeyOptions, presented: string): SignupKeyCheck {
  if (config.apiKey) {
    return sameSecret(presented, config.apiKey)
      ? { ok: true, consume: () => true, restore: () => {} }
      : { ok: false, closed: false };
  }
  const path = signupKeyPath(config);
  let stored: string;
  try {
    stored = readFileSync(path, 'utf8').trim();
  } catch {
    return { ok: false, closed: true };
  }
  if (!sameSecret(presented, stored)) return { ok: false, closed: false };
  return {
    ok: true,
    consume: () => {
      try {
        unlinkSync(path);
        return true;
      } catch {
        return false;
      }
    },
    restore: () => writeFileSync(path, `${stored}\n`, { mode: 0o600 }),
  };
}
