import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { invalid } from '../errors.js';
import { printable } from '../names.js';
import { defaultChannelId } from '../visibility.js';

/**
 * `/v1/management/settings`: the tenant's default channel, the FaynoSync channel whose releases /v1 customers see
 * beside channel-less ones (see core/visibility.ts). Unset, it is the channel named `stable`.
 */
export interface TenantSettings {
  /** The channel's name, or null when the tenant has no such channel (customers then see channel-less releases). */
  defaultChannel: string | null;
  /** Whether the admin picked it (false: the `stable` fallback). */
  defaultChannelPicked: boolean;
}

export async function readSettings(db: Db, tenantId: string): Promise<TenantSettings> {
  const [channelId, row] = await Promise.all([
    defaultChannelId(db, tenantId),
    db
      .selectFrom('tenant_settings')
      .select('default_channel_id')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst(),
  ]);
  const channel =
    channelId === null
      ? undefined
      : await db
          .selectFrom('channels')
          .select('name')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', channelId)
          .executeTakeFirst();
  return {
    defaultChannel: channel?.name ?? null,
    defaultChannelPicked: (row?.default_channel_id ?? null) !== null,
  };
}

/**
 * `{"defaultChannel": "beta"}` picks a channel of the tenant; `null` or `""` goes back to `stable`. The
 * change is for /v1 reads only, which are never cached, so no generation is bumped.
 */
export async function updateSettings(
  db: Db,
  tenantId: string,
  input: { defaultChannel: string | null },
): Promise<TenantSettings> {
  const name = input.defaultChannel;
  let channelId: string | null = null;
  if (name) {
    const channel = await db
      .selectFrom('channels')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (!channel)
      throw invalid(
        `Validation failed: no channel named "${printable(name)}": create it first (POST /channel/create) or send an existing name`,
      );
    channelId = channel.id;
  }
  await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, default_channel_id: channelId })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({ default_channel_id: channelId, updated_at: sql`now()` }),
    )
    .execute();
  return readSettings(db, tenantId);
}
