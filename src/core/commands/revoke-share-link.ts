import type { Db } from '../../db/connect.js';
import { type AdminAct, audit, auditActor } from '../bindist/audit.js';
import { notFound } from '../errors.js';

/**
 * Revokes one share link of the tenant: following it answers 404 from now on; audited in the same transaction.
 * No generation to bump: /v1 reads its customers, keys and share links from the database on every request.
 */
export async function revokeShareLink(
  db: Db,
  act: AdminAct,
  id: string,
): Promise<{ shareLinkId: string; revokedAt: Date }> {
  const revokedAt = new Date();
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('bindist_share_links')
      .where('tenant_id', '=', act.tenantId)
      .where('id', '=', id)
      .returning(['customer_id', 'token_prefix'])
      .executeTakeFirst();
    if (!removed) throw notFound(`Share link not found: '${id}'`);
    await audit(trx, {
      tenantId: act.tenantId,
      eventType: 'SHARE_LINK_REVOKED',
      actor: auditActor(act.actorId),
      ...act.origin,
      details: { shareLinkId: id, customerId: removed.customer_id, tokenPrefix: removed.token_prefix },
    });
    return { shareLinkId: id, revokedAt };
  });
}
