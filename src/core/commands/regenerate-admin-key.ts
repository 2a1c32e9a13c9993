import type { Db } from '../../db/connect.js';
import type { Origin } from '../bindist/activity.js';
import { audit, auditActor } from '../bindist/audit.js';
import { rotateAdminKey } from '../bindist/customer-keys.js';

/**
 * The tenant admin's BinDist key: issued (first time) or rotated by `POST /v1/management/admin/regenerate-key`,
 * called with the admin's Updraft JWT or with the current admin key. The previous key stops working at once.
 * No generation to bump: /v1 reads its customers, keys and share links from the database on every request.
 */
export async function regenerateAdminKey(
  db: Db,
  input: { tenantId: string; actorId: string; origin: Origin },
): Promise<{ customerId: 'admin'; apiKey: string; apiSecret: string; regeneratedAt: Date }> {
  return db.transaction().execute(async (trx) => {
    const key = await rotateAdminKey(trx, input.tenantId);
    await audit(trx, {
      tenantId: input.tenantId,
      eventType: 'ADMIN_KEY_REGENERATED',
      actor: auditActor(input.actorId),
      ...input.origin,
      details: { keyId: key.keyId },
    });
    return {
      customerId: 'admin',
      apiKey: key.apiKey,
      apiSecret: key.apiKey.slice(key.apiKey.indexOf('.') + 1),
      regeneratedAt: key.createdAt,
    };
  });
}
