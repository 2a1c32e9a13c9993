import type { Actor } from '../auth/actor.js';
import { parseRefId, requireTokenRights } from '../download-tokens.js';
import { invalid, notFound } from '../errors.js';
import { requirePermission } from '../permissions.js';
import type { CommandDeps } from './deps.js';

/** `DELETE /download-tokens/delete?id=`: the next request that carries the token is refused. */
export async function revokeDownloadToken(deps: CommandDeps, actor: Actor, rawId: unknown): Promise<void> {
  requirePermission(actor, 'apps', 'edit');
  const { db } = deps.database;
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
  // The hot path's view of the tenant's tokens is stamped with the generation.
  await deps.changes.changed(actor.tenantId);
}
