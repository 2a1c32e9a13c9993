import type { Db } from '../../db/connect.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import type { ApiTokenItem } from '../api-token-list.js';
import type { Actor } from '../auth/actor.js';
import { mintApiToken } from '../auth/api-tokens.js';
import { DomainError, invalid } from '../errors.js';
import { isId, newId } from '../ids.js';
import { MAX_NAME_LENGTH } from '../names.js';
import { requireAdmin } from '../permissions.js';

/** A token just created: the one and only time its secret is shown. */
export interface CreatedApiToken extends Omit<ApiTokenItem, 'lastUsedAt'> {
  token: string;
}

/** One token may name every app of a small tenant, not an unbounded list. */
const MAX_ALLOWED_APPS = 1000;
// RFC 3339 date-time: a `T` (or space) between date and time, seconds required, and a zone.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Date would roll 2030-02-30 over into March; a real calendar day survives the round trip. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const badBody = (problem: string) => invalid(`Invalid request body: ${problem}`);
const invalidApps = () =>
  invalid('one or more allowed_apps are invalid: list ids of your apps as given by /app/list');

function parseName(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badBody('name is required');
  const name = value.trim();
  if (name.length > MAX_NAME_LENGTH) throw badBody(`name must be at most ${MAX_NAME_LENGTH} characters long`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badBody('name must not contain control characters');
  return name;
}

function parseAllowedApps(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw badBody('allowed_apps must list at least one app id, e.g. ["653a5e4f51ce5114611f5abb"]');
  }
  if (value.length > MAX_ALLOWED_APPS)
    throw badBody(`allowed_apps may list at most ${MAX_ALLOWED_APPS} apps`);
  const ids = value.map((id) => (typeof id === 'string' ? id.toLowerCase() : id));
  if (!ids.every(isId)) throw invalidApps();
  return [...new Set(ids)];
}

function parseExpiry(value: unknown, now: Date): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw badBody('expires_at must be an RFC 3339 time such as 2030-01-31T00:00:00Z');
  }
  const time = new Date(match[0].toUpperCase().replace(' ', 'T'));
  if (time.getTime() <= now.getTime()) throw invalid('expires_at must be in the future');
  return time;
}

/**
 * Mints a token for CI uploads to `allowed_apps` (ids of the admin's own apps); only its hash is stored. No
 * generation to bump: API tokens are checked against the database on every upload, and no cached answer holds them.
 */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: unknown; allowedApps: unknown; expiresAt: unknown },
): Promise<CreatedApiToken> {
  requireAdmin(actor);
  const now = new Date();
  const name = parseName(input.name);
  const allowedApps = parseAllowedApps(input.allowedApps);
  const expiresAt = parseExpiry(input.expiresAt, now);
  const { token, hash, prefix } = mintApiToken();
  const id = await insertApiToken(db, actor.tenantId, {
    name,
    hash,
    prefix,
    allowedApps,
    expiresAt,
    createdAt: now,
  });
  return { id, name, token, tokenPrefix: prefix, allowedApps, expiresAt, createdAt: now };
}

export interface ApiTokenRow {
  name: string;
  /** SHA-256 hex of the whole token. */
  hash: string;
  prefix: string;
  /** Ids of the tenant's apps. */
  allowedApps: string[];
  expiresAt: Date | null;
  createdAt: Date;
}

/**
 * Writes a checked token and its apps in one transaction; refuses apps that are not the tenant's. The importer's way
 * in too: FaynoSync stores the same hash of the same token format, so its tokens keep working.
 */
export async function insertApiToken(db: Db, tenantId: string, row: ApiTokenRow): Promise<string> {
  const id = newId();
  try {
    await db.transaction().execute(async (trx) => {
      const owned = await trx
        .selectFrom('apps')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', row.allowedApps)
        .execute();
      if (owned.length !== row.allowedApps.length) throw invalidApps();
      await trx
        .insertInto('api_tokens')
        .values({
          id,
          tenant_id: tenantId,
          name: row.name,
          token_hash: row.hash,
          token_prefix: row.prefix,
          expires_at: row.expiresAt,
          created_at: row.createdAt,
        })
        .execute();
      await trx
        .insertInto('api_token_apps')
        .values(row.allowedApps.map((appId) => ({ token_id: id, app_id: appId })))
        .execute();
    });
  } catch (err) {
    // An app deleted between the check and the insert.
    if (!(err instanceof DomainError) && isForeignKeyViolation(err)) throw invalidApps();
    throw err;
  }
  return id;
}
