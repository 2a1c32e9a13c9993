import { sql } from 'kysely';
import type { DeviceCallback } from '../apple/device-attributes.js';
import { NONCE_PATTERN } from '../apple/profile-service.js';
import { newPrefixedId } from '../fenfa/ids.js';
import { IosError } from '../fenfa/ios-errors.js';
import type { CommandDeps } from './deps.js';

export interface BindingAttempt {
  nonce: string;
  variantId: string;
  /** Reads the body iOS posted (readDeviceAttributes); called only for a nonce that may still be used. */
  readBody: () => Promise<DeviceCallback>;
  ip: string | null;
}

const badNonce = (why: string) =>
  new IosError(
    'invalid',
    'INVALID_NONCE',
    `${why}: open the product page on the device and tap "Bind device" again to get a new profile`,
  );

/** The nonce of a binding as it stands; `lock` holds it until the transaction ends. */
async function nonceRow(db: CommandDeps['database']['db'], nonce: string, variantId: string, lock = false) {
  if (!NONCE_PATTERN.test(nonce)) return undefined;
  return db
    .selectFrom('udid_nonces')
    .select(['tenant_id', 'used_at', sql<boolean>`expires_at <= now()`.as('expired')])
    .where('nonce', '=', nonce)
    .where('variant_id', '=', variantId)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

/**
 * The UDID callback: the nonce must be unused and unexpired (a used one is a retry, answered as the first time with
 * nothing written); the signed attributes must carry that nonce as their challenge; then the nonce is used, the
 * device upserted for the nonce's tenant (whether its signature checked out is kept) and bound to the variant, in
 * one transaction. Devices are in no cached answer: nothing is bumped. Answers whether this was a retry.
 */
export async function bindIosDevice(deps: CommandDeps, attempt: BindingAttempt): Promise<{ retry: boolean }> {
  const { db } = deps.database;
  const before = await nonceRow(db, attempt.nonce, attempt.variantId);
  if (!before) throw badNonce('unknown nonce for this variant');
  if (before.used_at) return { retry: true };
  if (before.expired) throw badNonce('the nonce expired (profiles are valid for 10 minutes)');
  const callback = await attempt.readBody();
  if (callback.challenge !== undefined && callback.challenge !== attempt.nonce) {
    throw badNonce("the device's answer carries another profile's challenge");
  }
  const { udid, device_name, product, version } = callback.attributes;
  return db.transaction().execute(async (trx) => {
    const row = await nonceRow(trx, attempt.nonce, attempt.variantId, true);
    if (!row) throw badNonce('unknown nonce for this variant');
    // A retry that raced the first answer: the first one bound the device.
    if (row.used_at) return { retry: true };
    if (row.expired) throw badNonce('the nonce expired (profiles are valid for 10 minutes)');
    await trx
      .updateTable('udid_nonces')
      .set({ used_at: sql`now()` })
      .where('nonce', '=', attempt.nonce)
      .execute();
    const seen = {
      ...(device_name ? { device_name } : {}),
      ...(product ? { model: product } : {}),
      ...(version ? { os_version: version } : {}),
      signature_verified: callback.verified,
      last_ip: attempt.ip,
    };
    const device = await trx
      .insertInto('ios_devices')
      .values({ id: newPrefixedId('device'), tenant_id: row.tenant_id, udid, ...seen })
      .onConflict((oc) => oc.columns(['tenant_id', 'udid']).doUpdateSet({ ...seen, verified_at: sql`now()` }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('ios_device_bindings')
      .values({
        id: newPrefixedId('binding'),
        tenant_id: row.tenant_id,
        device_id: device.id,
        variant_id: attempt.variantId,
      })
      .onConflict((oc) => oc.columns(['device_id', 'variant_id']).doNothing())
      .execute();
    return { retry: false };
  });
}
