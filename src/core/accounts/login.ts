import type { Db } from '../../db/connect.js';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords.js';
import { unauthorized } from '../errors.js';
import { addressKey, type KnownAddresses, type RateLimiter } from '../rate-limit.js';
import {
  type AccountOptions,
  issueToken,
  isUsername,
  refuseIfLimited,
  requiredString,
} from './credentials.js';

/**
 * Checks a password and issues a session token. Failures are limited at three levels, so that guessing is slow but
 * nobody else can lock an account out (usernames are public: an admin's is the `owner` in update URLs):
 * - per client address, whatever the names it tries (`loginLimitPerIp`);
 * - per client address and username (`loginLimitPerUser`): one address guessing one account;
 * - per username from every address together (`loginLimitPerAccount`), against guesses spread over many addresses.
 *   This one never applies to an address the account signed in from before, so the owner keeps getting in while
 *   others' guesses hold the account.
 * Each attempt counts on arrival (parallel guesses cannot overshoot); a success gives back the address's count and
 * clears the account's, so in effect failures are limited.
 */
export async function login(
  db: Db,
  config: AccountOptions,
  limiter: RateLimiter,
  known: KnownAddresses,
  input: { username: unknown; password: unknown; ip: string | undefined },
): Promise<string> {
  const username = requiredString(input.username, 'username');
  const password = requiredString(input.password, 'password');
  const window = config.loginWindowSeconds;
  const address = addressKey(input.ip);
  const ipKey = `login:ip:${address}`;
  refuseIfLimited(
    limiter.hit(ipKey, config.loginLimitPerIp, window),
    'too many failed logins from your address',
  );
  // A name no account can have gets no counter of its own, so junk names cannot fill the limiter's memory.
  const account = isUsername(username) ? username.toLowerCase() : undefined;
  const pairKey = account === undefined ? undefined : `login:ip-user:${address}:${account}`;
  const accountKey =
    account === undefined || known.has(account, address) ? undefined : `login:user:${account}`;
  if (pairKey) {
    refuseIfLimited(
      limiter.hit(pairKey, config.loginLimitPerUser, window),
      'too many failed logins for this user from your address',
    );
  }
  if (accountKey) {
    refuseIfLimited(
      limiter.hit(accountKey, config.loginLimitPerAccount, window),
      'too many failed logins for this user from addresses it never signed in from (one it signed in from before is not held back)',
    );
  }

  const user = await db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'role', 'password_hash', 'token_version'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) await burnPasswordCheck(password, config.bcryptCost);
  if (!user || !(await verifyPassword(password, user.password_hash))) {
    throw unauthorized('invalid username or password');
  }
  limiter.refund(ipKey);
  if (account !== undefined) {
    limiter.reset(`login:ip-user:${address}:${account}`);
    limiter.reset(`login:user:${account}`);
    known.remember(account, address);
  }
  return issueToken(config, user);
}
