import { sql } from 'kysely';
import { newNonce } from '../apple/profile-service.js';
import type { CommandDeps } from './deps.js';

/** How long a device has to answer a Profile Service profile (Fenfa's 10 minutes). */
export const NONCE_LIFETIME_MINUTES = 10;
/** Expired challenges are kept a day so that a late retry of a used one still gets its redirect, then dropped. */
const KEEP_EXPIRED = '1 day';

/**
 * Records a fresh one-use challenge for a UDID profile of a variant (found published by the caller) and drops the
 * tenant's challenges that expired long ago. Nonces are in no cached answer: nothing is bumped.
 */
export async function issueUdidNonce(
  deps: CommandDeps,
  target: { tenantId: string; variantId: string },
): Promise<string> {
  const nonce = newNonce();
  await deps.database.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('udid_nonces')
      .where('tenant_id', '=', target.tenantId)
      .where('expires_at', '<', sql<Date>`now() - ${KEEP_EXPIRED}::interval`)
      .execute();
    await trx
      .insertInto('udid_nonces')
      .values({
        nonce,
        tenant_id: target.tenantId,
        variant_id: target.variantId,
        expires_at: sql<Date>`now() + ${`${NONCE_LIFETIME_MINUTES} minutes`}::interval`,
      })
      .execute();
  });
  return nonce;
}
