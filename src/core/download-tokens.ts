import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { isForeignKeyViolation } from '../db/errors.js';
import type { Actor } from './auth/actor.js';
import { invalid, notFound } from './errors.js';
import { isId, newId } from './ids.js';
import { allowedIds, requireAllowed, requirePermission } from './permissions.js';

/** The header a shipped app sends its token in, on update checks and on /download (FaynoSync's name). */
export const DOWNLOAD_TOKEN_HEADER = 'x-download-token';
export const DOWNLOAD_TOKEN_PREFIX = 'fnd_';

/** Longer than any token this server mints: anything longer is refused unhashed. */
export const MAX_DOWNLOAD_TOKEN_LENGTH = 128;

export function hashDownloadToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `fnd_` and 64 hex characters (32 random bytes); only the SHA-256 of the whole token is stored. */
function mintDownloadToken(): { token: string; hash: string; prefix: string } {
  const token = `${DOWNLOAD_TOKEN_PREFIX}${randomBytes(32).toString('hex')}`;
  return { token, hash: hashDownloadToken(token), prefix: token.slice(0, DOWNLOAD_TOKEN_PREFIX.length + 8) };
}

/** A token as listed: never the secret, only the prefix that lets a person recognise it. */
export interface DownloadTokenItem {
  id: string;
  appId: string;
  appName: string;
  /** null: the token is good for every channel of the app. */
  channelId: string | null;
  channelName: string | null;
  tokenPrefix: string;
  updatedAt: Date;
}

/** A token just minted or replaced: the one and only time its secret is shown. */
export interface MintedDownloadToken {
  appId: string;
  channelId: string | null;
  token: string;
}

function parseRefId(value: unknown, field: string, example: string): string {
  const id = typeof value === 'string' ? value.toLowerCase() : value;
  if (!isId(id)) throw invalid(`Invalid ${field} format: send the 24-character hex id ${example}`);
  return id;
}

/** Team users mint and revoke tokens of apps they may edit; admins of any app of their tenant. */
async function requireTokenRights(
  db: Db,
  actor: Actor,
  appId: string,
  channelId: string | null,
): Promise<void> {
  await requireAllowed(db, actor, 'apps', appId);
  if (channelId !== null) await requireAllowed(db, actor, 'channels', channelId);
}

/**
 * `POST /download-tokens/regenerate {"app_id","channel_id"?}`: mints the token of the private app (and channel, if
 * given) on the first call and replaces its secret on every later one, so the previous secret stops working at
 * once. Without a channel the token is good for every channel of the app.
 */
export async function regenerateDownloadToken(
  db: Db,
  actor: Actor,
  input: { appId: unknown; channelId: unknown },
): Promise<MintedDownloadToken> {
  requirePermission(actor, 'apps', 'edit');
  if (input.appId === undefined || input.appId === null || input.appId === '') {
    throw invalid('Invalid request body: app_id is required (the id of a private app from /app/list)');
  }
  const appId = parseRefId(input.appId, 'app ID', 'of an app from /app/list');
  const channelId =
    input.channelId === undefined || input.channelId === null || input.channelId === ''
      ? null
      : parseRefId(input.channelId, 'channel ID', 'of a channel from /channel/list');
  const app = await db
    .selectFrom('apps')
    .select(['id', 'private'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', appId)
    .executeTakeFirst();
  if (!app) throw notFound('app not found');
  if (channelId !== null) {
    const channel = await db
      .selectFrom('channels')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', channelId)
      .executeTakeFirst();
    if (!channel) throw notFound('channel not found');
  }
  await requireTokenRights(db, actor, appId, channelId);
  if (!app.private) {
    throw invalid('download tokens are only available for private apps: files of a public app need no token');
  }
  const minted = mintDownloadToken();
  const values = { token_hash: minted.hash, token_prefix: minted.prefix, updated_at: sql<Date>`now()` };
  try {
    // The unique index treats NULLs as equal, so the app-wide token is replaced in place like a channel's.
    await db
      .insertInto('download_tokens')
      .values({ id: newId(), tenant_id: actor.tenantId, app_id: appId, channel_id: channelId, ...values })
      .onConflict((oc) => oc.columns(['app_id', 'channel_id']).doUpdateSet(values))
      .execute();
  } catch (err) {
    // The app or channel was deleted between the check and the write.
    if (isForeignKeyViolation(err))
      throw notFound(channelId === null ? 'app not found' : 'app or channel not found');
    throw err;
  }
  return { appId, channelId, token: minted.token };
}

/** `GET /download-tokens/list`: the tenant's tokens (a team user's: those of apps it may edit), newest first. */
export async function listDownloadTokens(db: Db, actor: Actor): Promise<DownloadTokenItem[]> {
  if (actor.role === 'team' && !actor.permissions?.apps.edit) return [];
  const apps = await allowedIds(db, actor, 'apps');
  if (apps !== undefined && apps.length === 0) return [];
  let query = db
    .selectFrom('download_tokens as t')
    .innerJoin('apps as a', 'a.id', 't.app_id')
    .leftJoin('channels as c', 'c.id', 't.channel_id')
    .select([
      't.id',
      't.app_id',
      'a.name as app_name',
      't.channel_id',
      'c.name as channel_name',
      't.token_prefix',
      't.updated_at',
    ])
    .where('t.tenant_id', '=', actor.tenantId)
    .orderBy('t.updated_at', 'desc')
    .orderBy('t.id', 'desc');
  if (apps !== undefined) query = query.where('t.app_id', 'in', apps);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    appId: row.app_id,
    appName: row.app_name,
    channelId: row.channel_id,
    channelName: row.channel_name,
    tokenPrefix: row.token_prefix,
    updatedAt: new Date(row.updated_at),
  }));
}

/** `DELETE /download-tokens/delete?id=`: the next request that carries the token is refused. */
export async function revokeDownloadToken(db: Db, actor: Actor, rawId: unknown): Promise<void> {
  requirePermission(actor, 'apps', 'edit');
  if (rawId === undefined || rawId === '') {
    throw invalid('id is required: pass ?id=<id from /download-tokens/list>');
  }
  const id = parseRefId(rawId, 'token ID', 'from /download-tokens/list as ?id=');
  const row = await db
    .selectFrom('download_tokens')
    .select(['app_id', 'channel_id'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('download token not found');
  await requireTokenRights(db, actor, row.app_id, row.channel_id);
  await db
    .deleteFrom('download_tokens')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
}
