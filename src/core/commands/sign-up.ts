import type { Db } from '../../db/connect.js';
import {
  type AccountOptions,
  checkUsername,
  refuseIfLimited,
  usernameTaken,
} from '../accounts/credentials.js';
import { checkPassword, hashPassword } from '../auth/passwords.js';
import { checkSignupKey, type SignupKeyOptions } from '../auth/signup-key.js';
import { forbidden, unauthorized } from '../errors.js';
import { addressKey, type RateLimiter } from '../rate-limit.js';
import { insertAdmin } from './create-admin.js';

// Sign-up keys can only be guessed by trying: a few wrong keys per address and hour is plenty for a human.
const SIGNUP_FAILURES_PER_IP = 5;
const SIGNUP_WINDOW_SECONDS = 3600;

const SIGNUP_CLOSED =
  'sign-up is closed: set API_KEY to let admins sign up, or create an admin with `updraft create-admin <username>`';

/**
 * FaynoSync's sign-up: whoever holds the sign-up key creates a new admin (a new tenant). No generation to bump:
 * a new tenant has nothing cached yet, and an owner that is not found is never remembered (ReleaseCache.tenantOf).
 */
export async function signup(
  db: Db,
  config: AccountOptions & SignupKeyOptions,
  limiter: RateLimiter,
  input: { username: unknown; password: unknown; apiKey: unknown; ip: string | undefined },
): Promise<void> {
  // Counted on arrival so that parallel guesses cannot overshoot; given back unless the key was wrong.
  const limitKey = `signup:ip:${addressKey(input.ip)}`;
  refuseIfLimited(
    limiter.hit(limitKey, SIGNUP_FAILURES_PER_IP, SIGNUP_WINDOW_SECONDS),
    'too many failed sign-ups from your address',
  );
  const key = checkSignupKey(config, typeof input.apiKey === 'string' ? input.apiKey : '');
  if (!key.ok && !key.closed) throw unauthorized('wrong api key');
  limiter.refund(limitKey);
  if (!key.ok) throw forbidden(SIGNUP_CLOSED);

  const username = checkUsername(input.username);
  const password = checkPassword(input.password);
  // FaynoSync answers 401 here; the one namespace means a team user's name is taken too.
  if (await usernameTaken(db, username)) throw unauthorized('user already exists');
  const hash = await hashPassword(password, config.bcryptCost);
  if (!key.consume()) throw forbidden(SIGNUP_CLOSED);
  try {
    await insertAdmin(db, username, hash);
  } catch (err) {
    key.restore();
    throw err;
  }
}
