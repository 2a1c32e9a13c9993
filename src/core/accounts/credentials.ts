import type { Db } from '../../db/connect.js';
import { isUniqueViolation } from '../../db/errors.js';
import { signSession } from '../auth/jwt.js';
import { conflict, DomainError, invalid } from '../errors.js';
import { printable } from '../names.js';
import type { Verdict } from '../rate-limit.js';

/** The settings accounts need: token signing and lifetime, password hashing cost, login throttling. */
export interface AccountOptions {
  jwtSecret: string;
  tokenTtlSeconds: number;
  bcryptCost: number;
  loginWindowSeconds: number;
  loginLimitPerIp: number;
  loginLimitPerUser: number;
  loginLimitPerAccount: number;
}

const MIN_USERNAME_LENGTH = 3;
const MAX_USERNAME_LENGTH = 64;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

export function isUsername(value: string): boolean {
  return value.length >= MIN_USERNAME_LENGTH && value.length <= MAX_USERNAME_LENGTH && USERNAME.test(value);
}

/** Validates a login name for a new or renamed account. */
export function checkUsername(value: unknown): string {
  if (value === undefined || value === null || value === '') throw invalid('username is required');
  if (typeof value !== 'string') throw invalid('username must be a string');
  if (value.length < MIN_USERNAME_LENGTH || value.length > MAX_USERNAME_LENGTH) {
    throw invalid(`username must be ${MIN_USERNAME_LENGTH} to ${MAX_USERNAME_LENGTH} characters long`);
  }
  if (!USERNAME.test(value)) {
    throw invalid(
      `invalid username "${printable(value)}": use letters, digits, '.', '_', '-' and '@', starting with a letter or digit`,
    );
  }
  return value;
}

export function requiredString(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') throw invalid(`${field} is required`);
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  return value;
}

export function refuseIfLimited(verdict: Verdict, message: string): void {
  if (!verdict.allowed) {
    const wait = verdict.retryAfterSeconds;
    throw new DomainError('rate_limited', `${message}: try again in ${wait} seconds`, {
      retryAfterSeconds: wait,
    });
  }
}

/** Runs a write that may collide on the username index, which also guards against two racing requests. */
export async function claimingUsername<T>(write: () => Promise<T>, taken: () => DomainError): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw isUniqueViolation(err) ? taken() : err;
  }
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export function issueToken(
  config: AccountOptions,
  user: { id: string; tenant_id: string; role: 'admin' | 'team'; token_version: number },
): string {
  return signSession(
    { sub: user.id, tid: user.tenant_id, role: user.role, tv: user.token_version },
    config.jwtSecret,
    config.tokenTtlSeconds,
  );
}

/** FaynoSync's answer when a team user's new name is taken (by anyone: logins share one namespace). */
export const TEAM_USERNAME_TAKEN = () => conflict('Username already exists');
