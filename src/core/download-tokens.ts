import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { Actor } from './auth/actor.js';
import { invalid } from './errors.js';
import { isId } from './ids.js';
import { allowedIds, requireAllowed } from './permissions.js';

/** The header a shipped app sends its token in, on update checks and on /download (FaynoSync's name). */
export const DOWNLOAD_TOKEN_HEADER = 'x-download-token';
export const DOWNLOAD_TOKEN_PREFIX = 'fnd_';

/** Longer than any token this server mints: anything longer is refused unhashed. */
export const MAX_DOWNLOAD_TOKEN_LENGTH = 128;

export function hashDownloadToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `fnd_` and 64 hex characters (32 random bytes); only the SHA-256 of the whole token is stored. */
export function mintDownloadToken(): { token: string; hash: string; prefix: string } {
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

export function parseRefId(value: unknown, field: string, example: string): string {
  const id = typeof value === 'string' ? value.toLowerCase() : value;
  if (!isId(id)) throw invalid(`Invalid ${field} format: send the 24-character hex id ${example}`);
  return id;
}

/** Team users mint and revoke tokens of apps they may edit; admins of any app of their tenant. */
export async function requireTokenRights(
  db: Db,
  actor: Actor,
  appId: string,
  channelId: string | null,
): Promise<void> {
  await requireAllowed(db, actor, 'apps', appId);
  if (channelId !== null) await requireAllowed(db, actor, 'channels', channelId);
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
