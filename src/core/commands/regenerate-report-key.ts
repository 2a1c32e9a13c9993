import type { Db } from '../../db/connect.js';
import type { Actor } from '../auth/actor.js';
import { parseId } from '../catalog/common.js';
import { conflict, invalid, notFound } from '../errors.js';
import { requireAllowed, requirePermission } from '../permissions.js';
import { type ReportKeySecret, setReportKey } from '../reports/report-keys.js';

/**
 * Replaces the app's key: the old one stops working at once. No generation to bump: crash reports, their groups and keys are in no cached answer.
 */
export async function regenerateReportKey(
  db: Db,
  secret: ReportKeySecret,
  actor: Actor,
  rawAppId: unknown,
): Promise<{ appId: string; key: string }> {
  requirePermission(actor, 'apps', 'edit');
  if (rawAppId === undefined || rawAppId === null || rawAppId === '') {
    throw invalid('Invalid request body: app_id is required, e.g. {"app_id":"653a5e4f51ce5114611f5abb"}');
  }
  const appId = parseId(rawAppId);
  return db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom('apps')
      .select(['reports'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', appId)
      .forUpdate()
      .executeTakeFirst();
    if (!app) throw notFound('app not found');
    await requireAllowed(trx, actor, 'apps', appId);
    if (!app.reports) {
      throw conflict(
        'reports are disabled for this app: enable them with /app/update {"reports":"true"} first',
      );
    }
    const key = await setReportKey(trx, secret, actor.tenantId, appId, true);
    return { appId, key: key as string };
  });
}
