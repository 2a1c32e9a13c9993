import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import { hashApiToken } from '../auth/api-tokens.js';
import { unauthorized } from '../errors.js';
import { newId } from '../ids.js';

/**
 * BinDist API keys (admin and customer). A key is `{tenantId}.{secret}`, as BinDist's hosted service issues
 * them, and the bare secret is accepted too (BinDist's self-hosted form). Only the SHA-256 of the secret is
 * stored (the same hash as the FaynoSync API tokens), so a key is shown once, at creation or rotation.
 */

/** Who a /v1 request acts for. The admin is the tenant's Updraft admin; a customer is a B2B key holder. */
export type BindistCaller =
  | { kind: 'admin'; tenantId: string; keyId: string }
  | { kind: 'customer'; tenantId: string; customerId: string; tier: string | null };

/** The id written in activity, audit and grant rows for a caller: `admin` or the customer's id. */
export function callerId(caller: BindistCaller): string {
  return caller.kind === 'admin' ? 'admin' : caller.customerId;
}

/** BinDist refuses shorter secrets; ours are 43 characters. */
const MIN_SECRET_LENGTH = 20;
const UNAUTHORIZED = 'Unauthorized: send Authorization: Bearer <API key> with a valid key';

export interface MintedKey {
  /** The whole key, `{tenantId}.{secret}`: shown to the caller once. */
  apiKey: string;
  secret: string;
  hash: string;
  prefix: string;
}

/** A fresh key for a tenant: base64url of 32 random bytes, as BinDist generates them (never contains a dot). */
export function mintKey(tenantId: string): MintedKey {
  const secret = randomBytes(32).toString('base64url');
  return { apiKey: `${tenantId}.${secret}`, secret, hash: hashApiToken(secret), prefix: secret.slice(0, 8) };
}

/** A customer id as BinDist issues them. */
export function newCustomerId(): string {
  return randomUUID();
}

/** The bearer credential of a /v1 request; BinDist's authorizer also takes the key without `Bearer `. */
export function keyFromHeader(header: string | undefined): string {
  const value = header?.trim() ?? '';
  const key = /^bearer\s+/i.test(value) ? value.replace(/^bearer\s+/i, '').trim() : value;
  if (!key || /\s/.test(key)) throw unauthorized(UNAUTHORIZED);
  return key;
}

/** Splits a key into the tenant it names (if any) and the hash of its secret. */
function parseKey(key: string): { tenantId: string | undefined; hash: string } {
  const dot = key.indexOf('.');
  const tenantId = dot < 0 ? undefined : key.slice(0, dot);
  const secret = dot < 0 ? key : key.slice(dot + 1);
  if (secret.length < MIN_SECRET_LENGTH || tenantId === '') throw unauthorized(UNAUTHORIZED);
  return { tenantId, hash: hashApiToken(secret) };
}

/**
 * Resolves a key to its caller. A wrong, unknown or rotated key, a key whose tenant part names another
 * tenant, and a disabled customer are all refused alike (401), as BinDist does.
 */
export async function callerFromKey(db: Db, key: string, now = new Date()): Promise<BindistCaller> {
  const { tenantId, hash } = parseKey(key);
  const admin = await db
    .selectFrom('bindist_admin_keys')
    .select(['id', 'tenant_id'])
    .where('key_hash', '=', hash)
    .executeTakeFirst();
  if (admin && (tenantId === undefined || tenantId === admin.tenant_id)) {
    await db
      .updateTable('bindist_admin_keys')
      .set({ last_used_at: now })
      .where('id', '=', admin.id)
      .execute();
    return { kind: 'admin', tenantId: admin.tenant_id, keyId: admin.id };
  }
  const customer = await db
    .selectFrom('bindist_customers')
    .select(['id', 'tenant_id', 'active', 'tier'])
    .where('key_hash', '=', hash)
    .executeTakeFirst();
  if (!customer || (tenantId !== undefined && tenantId !== customer.tenant_id))
    throw unauthorized(UNAUTHORIZED);
  if (!customer.active)
    throw unauthorized('Unauthorized: this customer is disabled; ask the vendor to re-enable it');
  await db
    .updateTable('bindist_customers')
    .set({ last_used_at: now })
    .where('id', '=', customer.id)
    .execute();
  return { kind: 'customer', tenantId: customer.tenant_id, customerId: customer.id, tier: customer.tier };
}

/**
 * Issues the tenant's admin key, replacing any previous one (which stops working at once). The same call
 * bootstraps the first key (with the Updraft JWT) and rotates it (with the key itself).
 */
export async function rotateAdminKey(
  db: Db,
  tenantId: string,
): Promise<{ apiKey: string; keyId: string; createdAt: Date }> {
  const key = mintKey(tenantId);
  const id = newId();
  const createdAt = new Date();
  await db
    .insertInto('bindist_admin_keys')
    .values({ id, tenant_id: tenantId, key_hash: key.hash, key_prefix: key.prefix, created_at: createdAt })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        id,
        key_hash: key.hash,
        key_prefix: key.prefix,
        created_at: createdAt,
        last_used_at: null,
      }),
    )
    .execute();
  return { apiKey: key.apiKey, keyId: id, createdAt };
}
