import { sql } from 'kysely';
import { isForeignKeyViolation } from '../../db/errors.js';
import type { Actor } from '../auth/actor.js';
import {
  type MintedDownloadToken,
  mintDownloadToken,
  parseRefId,
  requireTokenRights,
} from '../download-tokens.js';
import { invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { requirePermission } from '../permissions.js';
import type { CommandDeps } from './deps.js';

/**
 * `POST /download-tokens/regenerate {"app_id","channel_id"?}`: mints the token of the private app (and channel, if
 * given) on the first call and replaces its secret on every later one, so the previous secret stops working at
 * once. Without a channel the token is good for every channel of the app.
 */
export async function regenerateDownloadToken(
  deps: CommandDeps,
  actor: Actor,
  input: { appId: unknown; channelId: unknown },
): Promise<MintedDownloadToken> {
  requirePermission(actor, 'apps', 'edit');
  const { db } = deps.database;
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
  // The hot path's view of the tenant's tokens is stamped with the generation.
  await deps.changes.changed(actor.tenantId);
  return { appId, channelId, token: minted.token };
}
