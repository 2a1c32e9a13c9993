import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { type AdminAct, recordAdminAct } from '../bindist/audit.js';
import { readSettings, type TenantSettings } from '../bindist/settings.js';
import { invalid } from '../errors.js';
import { printable } from '../names.js';

/**
 * `{"defaultChannel": "beta"}` picks a channel of the tenant; `null` or `""` goes back to `stable`. The
 * change is for /v1 reads only, which are never cached, so no generation is bumped. Audited in the same transaction.
 */
export async function updateSettings(
  db: Db,
  act: AdminAct,
  input: { defaultChannel: string | null },
): Promise<TenantSettings> {
  const { tenantId } = act;
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
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenant_settings')
      .values({ tenant_id: tenantId, default_channel_id: channelId })
      .onConflict((oc) =>
        oc.column('tenant_id').doUpdateSet({ default_channel_id: channelId, updated_at: sql`now()` }),
      )
      .execute();
    await recordAdminAct(trx, act, 'SETTINGS_UPDATED', { defaultChannel: name || null });
  });
  return readSettings(db, tenantId);
}
