import type { Db } from '../../db/connect.js';
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
