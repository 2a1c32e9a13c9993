import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import { unauthorized } from '../errors.js';
import type { Actor } from './actor.js';

export const API_TOKEN_PREFIX = 'fns_';

/** FaynoSync's token format: `fns_` and 64 hex characters; only the SHA-256 of the whole token is stored. */
export function mintApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('hex')}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 8) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiToken(bearer: string): boolean {
  return bearer.startsWith(API_TOKEN_PREFIX);
}

/** The actor of an API token: its tenant's owner, limited to uploading to the token's apps. */
export async function actorFromApiToken(db: Db, token: string): Promise<Actor> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as owner', 'owner.id', 't.tenant_id')
    .select(['t.id', 't.tenant_id', 't.name', 't.expires_at', 'owner.username as owner_username'])
    .where('t.token_hash', '=', hashApiToken(token))
    .executeTakeFirst();
  if (!row) throw unauthorized('invalid API token: create a new one with /token/create');
  if (row.expires_at && row.expires_at.getTime() <= Date.now()) {
    throw unauthorized('token expired: create a new API token');
  }
  const apps = await db
    .selectFrom('api_token_apps')
    .select('app_id')
    .where('token_id', '=', row.id)
    .execute();
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  return {
    userId: row.id,
    tenantId: row.tenant_id,
    username: `token:${row.name}`,
    ownerUsername: row.owner_username,
    role: 'token',
    permissions: null,
    tokenApps: apps.map((a) => a.app_id),
  };
}
