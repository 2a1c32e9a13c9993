import type { Db } from '../db/connect.js';
import type { Actor } from './auth/actor.js';
import { requireAdmin } from './permissions.js';

/** A CI token as listed: never the secret, only the prefix that lets a person recognise it. */
export interface ApiTokenItem {
  id: string;
  name: string;
  tokenPrefix: string;
  allowedApps: string[];
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The tenant's tokens, newest first. */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenItem[]> {
  requireAdmin(actor);
  const tokens = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'token_prefix', 'expires_at', 'created_at', 'last_used_at'])
    .where('tenant_id', '=', actor.tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const grants = await db
    .selectFrom('api_token_apps as g')
    .innerJoin('api_tokens as t', 't.id', 'g.token_id')
    .select(['g.token_id', 'g.app_id'])
    .where('t.tenant_id', '=', actor.tenantId)
    .orderBy('g.app_id')
    .execute();
  const appsOf = new Map<string, string[]>();
  for (const { token_id, app_id } of grants) {
    const list = appsOf.get(token_id);
    if (list) list.push(app_id);
    else appsOf.set(token_id, [app_id]);
  }
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    tokenPrefix: t.token_prefix,
    allowedApps: appsOf.get(t.id) ?? [],
    expiresAt: t.expires_at,
    createdAt: new Date(t.created_at),
    lastUsedAt: t.last_used_at,
  }));
}
