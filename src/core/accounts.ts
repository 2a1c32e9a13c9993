import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { isUniqueViolation } from '../db/errors.js';
import type { PermissionFlags, ResourceKind } from '../db/schema.js';
import type { Actor } from './auth/actor.js';
import { signSession } from './auth/jwt.js';
import { burnPasswordCheck, checkPassword, hashPassword, verifyPassword } from './auth/passwords.js';
import { checkSignupKey, type SignupKeyOptions } from './auth/signup-key.js';
import { conflict, DomainError, forbidden, invalid, notFound, unauthorized } from './errors.js';
import { isId, newId } from './ids.js';
import { printable } from './names.js';
import { requireAdmin } from './permissions.js';
import { addressKey, type KnownAddresses, type RateLimiter, type Verdict } from './rate-limit.js';

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

const RESOURCE_KINDS: readonly ResourceKind[] = ['apps', 'channels', 'platforms', 'archs'];

const FLAG_NAMES: { [K in ResourceKind]: readonly (keyof PermissionFlags[K])[] } = {
  apps: ['create', 'delete', 'edit', 'download', 'upload'],
  channels: ['create', 'delete', 'edit'],
  platforms: ['create', 'delete', 'edit'],
  archs: ['create', 'delete', 'edit'],
};

// Clients may send one flag set for every kind (FaynoSync ignores what a kind lacks, e.g.
// channels.upload); a name that is no flag at all is a typo, refused so that a right meant to be
// granted is not silently lost.
const ALL_FLAG_NAMES: readonly string[] = FLAG_NAMES.apps;

const SINGULAR: Record<ResourceKind, string> = {
  apps: 'app',
  channels: 'channel',
  platforms: 'platform',
  archs: 'arch',
};

/** A team user's rights: the flags per resource kind and the ids of the resources it may touch. */
export interface TeamPermissions {
  flags: PermissionFlags;
  allowed: Record<ResourceKind, string[]>;
}

export type Identity =
  | { role: 'admin'; id: string; username: string }
  | { role: 'team'; id: string; username: string; owner: string; permissions: TeamPermissions };

export interface TeamUser {
  id: string;
  username: string;
  permissions: TeamPermissions;
  updatedAt: Date;
}

// Sign-up keys can only be guessed by trying: a few wrong keys per address and hour is plenty for a human.
const SIGNUP_FAILURES_PER_IP = 5;
const SIGNUP_WINDOW_SECONDS = 3600;

const SIGNUP_CLOSED =
  'sign-up is closed: set API_KEY to let admins sign up, or create an admin with `updraft create-admin <username>`';

const MIN_USERNAME_LENGTH = 3;
const MAX_USERNAME_LENGTH = 64;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

function isUsername(value: string): boolean {
  return value.length >= MIN_USERNAME_LENGTH && value.length <= MAX_USERNAME_LENGTH && USERNAME.test(value);
}

/** Validates a login name for a new or renamed account. */
function checkUsername(value: unknown): string {
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

function requiredString(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') throw invalid(`${field} is required`);
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  return value;
}

function refuseIfLimited(verdict: Verdict, message: string): void {
  if (!verdict.allowed) {
    const wait = verdict.retryAfterSeconds;
    throw new DomainError('rate_limited', `${message}: try again in ${wait} seconds`, {
      retryAfterSeconds: wait,
    });
  }
}

/** Runs a write that may collide on the username index, which also guards against two racing requests. */
async function claimingUsername<T>(write: () => Promise<T>, taken: () => DomainError): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw isUniqueViolation(err) ? taken() : err;
  }
}

async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

function issueToken(
  config: AccountOptions,
  user: { id: string; tenant_id: string; role: 'admin' | 'team'; token_version: number },
): string {
  return signSession(
    { sub: user.id, tid: user.tenant_id, role: user.role, tv: user.token_version },
    config.jwtSecret,
    config.tokenTtlSeconds,
  );
}

async function insertAdmin(db: Db, username: string, passwordHash: string): Promise<string> {
  const id = newId();
  await claimingUsername(
    () =>
      db
        .insertInto('users')
        .values({
          id,
          tenant_id: id,
          username,
          password_hash: passwordHash,
          role: 'admin',
          permissions: null,
        })
        .execute(),
    () => conflict('user already exists: choose another username'),
  );
  return id;
}

/** Creates an admin, that is a new tenant; the command line's way in when sign-up is closed. */
export async function createAdmin(
  db: Db,
  config: AccountOptions,
  input: { username: unknown; password: unknown },
): Promise<string> {
  const username = checkUsername(input.username);
  const password = checkPassword(input.password);
  return insertAdmin(db, username, await hashPassword(password, config.bcryptCost));
}

/** FaynoSync's sign-up: whoever holds the sign-up key creates a new admin (a new tenant). */
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

function noPermissions(): TeamPermissions {
  return {
    flags: {
      apps: { create: false, delete: false, edit: false, download: false, upload: false },
      channels: { create: false, delete: false, edit: false },
      platforms: { create: false, delete: false, edit: false },
      archs: { create: false, delete: false, edit: false },
    },
    allowed: { apps: [], channels: [], platforms: [], archs: [] },
  };
}

/** The entries of a JSON object with lower-cased keys (FaynoSync reads them case-insensitively). */
function lowerCasedEntries(value: unknown, field: string): [string, unknown, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${field} must be an object`);
  const seen = new Set<string>();
  return Object.entries(value).map(([raw, v]) => {
    const key = raw.toLowerCase();
    if (seen.has(key)) throw invalid(`${field}: "${printable(raw)}" is given twice`);
    seen.add(key);
    return [key, v, raw];
  });
}

function parseAllowed(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(`${field} must be a list of ids`);
  const ids = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string') throw invalid(`${field} must be a list of id strings`);
    // FaynoSync's own examples send [""] for "nothing".
    if (item === '') continue;
    if (!isId(item)) throw invalid(`${field}: "${printable(item)}" is not a valid id`);
    ids.add(item);
  }
  return [...ids];
}

/** Reads FaynoSync's permission document; missing flags are false, missing lists empty. */
function parsePermissions(input: unknown): TeamPermissions {
  const result = noPermissions();
  if (input === undefined) return result;
  for (const [kind, section, rawKind] of lowerCasedEntries(input, 'permissions')) {
    if (!(RESOURCE_KINDS as readonly string[]).includes(kind)) {
      throw invalid(
        `permissions: unknown resource kind "${printable(rawKind)}": use apps, channels, platforms or archs`,
      );
    }
    const k = kind as ResourceKind;
    const names = FLAG_NAMES[k] as readonly string[];
    const flags = result.flags[k] as Record<string, boolean>;
    for (const [key, value, rawKey] of lowerCasedEntries(section, k)) {
      if (key === 'allowed') {
        result.allowed[k] = parseAllowed(value, `${k}.allowed`);
      } else if (!ALL_FLAG_NAMES.includes(key)) {
        throw invalid(`${k}.${printable(rawKey)} is not a permission: use ${names.join(', ')} or allowed`);
      } else if (typeof value !== 'boolean') {
        throw invalid(`${k}.${key} must be true or false`);
      } else if (names.includes(key)) {
        flags[key] = value;
      }
    }
  }
  return result;
}

/** An allowed list may only name resources of the caller's own tenant that exist. */
async function checkAllowedExist(
  db: Db,
  tenantId: string,
  allowed: TeamPermissions['allowed'],
): Promise<void> {
  for (const kind of RESOURCE_KINDS) {
    const ids = allowed[kind];
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom(kind)
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute();
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw invalid(`${kind}.allowed: unknown ${SINGULAR[kind]} id ${missing}`);
  }
}

async function writeGrants(
  db: Db,
  tenantId: string,
  userId: string,
  allowed: TeamPermissions['allowed'],
): Promise<void> {
  await db.deleteFrom('user_grants').where('user_id', '=', userId).execute();
  const rows = RESOURCE_KINDS.flatMap((kind) =>
    allowed[kind].map((resourceId) => ({
      tenant_id: tenantId,
      user_id: userId,
      kind,
      resource_id: resourceId,
    })),
  );
  if (rows.length > 0) await db.insertInto('user_grants').values(rows).execute();
}

async function grantsOf(db: Db, userIds: string[]): Promise<Map<string, TeamPermissions['allowed']>> {
  const byUser = new Map<string, TeamPermissions['allowed']>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_grants')
    .select(['user_id', 'kind', 'resource_id'])
    .where('user_id', 'in', userIds)
    .orderBy('resource_id')
    .execute();
  for (const row of rows) {
    let allowed = byUser.get(row.user_id);
    if (!allowed) {
      allowed = noPermissions().allowed;
      byUser.set(row.user_id, allowed);
    }
    allowed[row.kind].push(row.resource_id);
  }
  return byUser;
}

export async function whoami(db: Db, actor: Actor): Promise<Identity> {
  if (actor.role === 'admin') return { role: 'admin', id: actor.userId, username: actor.username };
  const allowed = (await grantsOf(db, [actor.userId])).get(actor.userId) ?? noPermissions().allowed;
  return {
    role: 'team',
    id: actor.userId,
    username: actor.username,
    owner: actor.ownerUsername,
    permissions: { flags: actor.permissions ?? noPermissions().flags, allowed },
  };
}

/**
 * FaynoSync's admin update: only the password changes, and only the caller's own. Older tokens are
 * revoked by the bumped token version; the returned token keeps the caller logged in.
 */
export async function updateAdmin(
  db: Db,
  config: AccountOptions,
  actor: Actor,
  input: { id: unknown; username: unknown; password: unknown },
): Promise<string> {
  requireAdmin(actor);
  if (!isId(input.id)) throw invalid('Invalid ID format');
  if (input.username !== actor.username) throw forbidden('Username mismatch');
  if (input.id !== actor.userId) throw notFound('Admin not found');
  const hash = await hashPassword(checkPassword(input.password), config.bcryptCost);
  const user = await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: hash,
      token_version: eb('token_version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', actor.userId)
    .where('role', '=', 'admin')
    .returning(['id', 'tenant_id', 'role', 'token_version'])
    .executeTakeFirst();
  if (!user) throw notFound('Admin not found');
  return issueToken(config, user);
}

const TEAM_USERNAME_TAKEN = () => conflict('Username already exists');

export async function createTeamUser(
  db: Db,
  config: AccountOptions,
  actor: Actor,
  input: { username: unknown; password: unknown; permissions: unknown },
): Promise<string> {
  requireAdmin(actor);
  const username = checkUsername(input.username);
  const password = checkPassword(input.password);
  const permissions = parsePermissions(input.permissions);
  await checkAllowedExist(db, actor.tenantId, permissions.allowed);
  if (await usernameTaken(db, username)) throw TEAM_USERNAME_TAKEN();
  const hash = await hashPassword(password, config.bcryptCost);
  const id = newId();
  await claimingUsername(
    () =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('users')
          .values({
            id,
            tenant_id: actor.tenantId,
            username,
            password_hash: hash,
            role: 'team',
            permissions: JSON.stringify(permissions.flags),
          })
          .execute();
        await writeGrants(trx, actor.tenantId, id, permissions.allowed);
      }),
    TEAM_USERNAME_TAKEN,
  );
  return id;
}

/**
 * Updates one of the caller's team users. Permissions, when given, replace the old ones entirely
 * (so everything can be revoked); any change revokes the user's older tokens.
 */
export async function updateTeamUser(
  db: Db,
  config: AccountOptions,
  actor: Actor,
  input: { id: unknown; username: unknown; password: unknown; permissions: unknown },
): Promise<void> {
  requireAdmin(actor);
  if (!isId(input.id)) throw invalid('Invalid user ID format');
  const id = input.id;
  const username = checkUsername(input.username);
  // FaynoSync's clients send an empty password for "unchanged".
  const password =
    input.password === undefined || input.password === null || input.password === ''
      ? undefined
      : checkPassword(input.password);
  const permissions = input.permissions === undefined ? undefined : parsePermissions(input.permissions);

  const target = await db
    .selectFrom('users')
    .select('username')
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'team')
    .executeTakeFirst();
  if (!target) throw notFound('Team user not found');
  if (permissions) await checkAllowedExist(db, actor.tenantId, permissions.allowed);
  if (username !== target.username && (await usernameTaken(db, username))) throw TEAM_USERNAME_TAKEN();
  const hash = password === undefined ? undefined : await hashPassword(password, config.bcryptCost);

  await claimingUsername(
    () =>
      db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('users')
          .set((eb) => ({
            username,
            token_version: eb('token_version', '+', 1),
            updated_at: sql<Date>`now()`,
            ...(hash === undefined ? {} : { password_hash: hash }),
            ...(permissions === undefined ? {} : { permissions: JSON.stringify(permissions.flags) }),
          }))
          .where('id', '=', id)
          .where('tenant_id', '=', actor.tenantId)
          .where('role', '=', 'team')
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw notFound('Team user not found');
        if (permissions) await writeGrants(trx, actor.tenantId, id, permissions.allowed);
      }),
    TEAM_USERNAME_TAKEN,
  );
}

export async function listTeamUsers(db: Db, actor: Actor): Promise<TeamUser[]> {
  requireAdmin(actor);
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'permissions', 'updated_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'team')
    .orderBy('username')
    .execute();
  const grants = await grantsOf(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    permissions: {
      flags: u.permissions ?? noPermissions().flags,
      allowed: grants.get(u.id) ?? noPermissions().allowed,
    },
    updatedAt: u.updated_at,
  }));
}

export async function deleteTeamUser(db: Db, actor: Actor, id: unknown): Promise<void> {
  requireAdmin(actor);
  if (!isId(id)) throw invalid('Invalid user ID format');
  // Grants go with the user (ON DELETE CASCADE).
  const result = await db
    .deleteFrom('users')
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'team')
    .executeTakeFirst();
  if (result.numDeletedRows === 0n)
    throw notFound("Team user not found or you don't have permission to delete it");
}
