import type { Db } from '../../db/connect.js';
import { type AdminAct, recordAdminAct } from '../bindist/audit.js';
import { mintKey } from '../bindist/customer-keys.js';
import { revokeCustomerShareLinks } from '../bindist/share-links.js';
import { notFound } from '../errors.js';

/**
 * A new key for a customer; the old one stops working at once, and so do the share links made with it. No generation to bump: /v1 reads its customers and keys from the database on every request.
 */
export async function regenerateCustomerKey(
  db: Db,
  act: AdminAct,
  id: string,
): Promise<{ customerId: string; apiKey: string; apiSecret: string; regeneratedAt: Date }> {
  const key = mintKey(act.tenantId);
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('bindist_customers')
      .set({ key_hash: key.hash, key_prefix: key.prefix, updated_at: now, last_used_at: null })
      .where('id', '=', id)
      .where('tenant_id', '=', act.tenantId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound(`Customer not found: '${id}'`);
    await revokeCustomerShareLinks(trx, act.tenantId, id);
    await recordAdminAct(trx, act, 'CUSTOMER_KEY_REGENERATED', { customerId: id });
    return { customerId: id, apiKey: key.apiKey, apiSecret: key.secret, regeneratedAt: now };
  });
}
