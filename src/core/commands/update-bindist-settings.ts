import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { readSettings, type TenantSettings } from '../bindist/settings.js';
import { invalid } from '../errors.js';
import { printable } from '../names.js';

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
