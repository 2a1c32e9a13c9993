import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connect.js';
import type { FenfaScope } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, unauthorized } from '../errors.js';

/**
 * Fenfa's `X-Auth-Token` credentials: tokens of a tenant with the scopes `upload` and `admin` (admin also uploads),
 * stored as SHA-256 hashes and shown once, plus at most two configured ones (FENFA_ADMIN_TOKEN, FENFA_UPLOAD_TOKEN)
 * bound to the tenant of FENFA_TOKEN_OWNER, for a drop-in move from Fenfa. There are no default tokens.
 */

export const FENFA_TOKEN_PREFIX = 'fft_';

export function mintFenfaToken(): { token: string; hash: string; prefix: string } {
  const token = `${FENFA_TOKEN_PREFIX}${randomBytes(32).toString('hex')}`;
  return { token, hash: hashFenfaToken(token), prefix: token.slice(0, FENFA_TOKEN_PREFIX.length + 8) };
}

export function hashFenfaToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The configured tokens (FENFA_*), as config.ts reads them. */
export interface ConfiguredFenfaTokens {
  adminToken: string | undefined;
  uploadToken: string | undefined;
  /** The username of the admin whose tenant the configured tokens act for. */
  owner: string | undefined;
}

/**
 * A Fenfa caller: the tenant it acts for, as an admin actor of that tenant, and what its token allows. The actor's
 * `userId` is the token's own (as a CI token's is), so what belongs to a credential, a resumable upload session, is
 * the token's alone: neither another token of the tenant nor the admin's login finds it, and revoking the token
 * strands its sessions until they expire.
 */
export interface FenfaCaller {
  actor: Actor;
  scopes: readonly FenfaScope[];
}

function sameHash(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

async function ownerActor(
  db: Db,
  tenantId: string | undefined,
  username: string | undefined,
  label: string,
  credential: string,
) {
  let query = db.selectFrom('users').select(['id', 'username']).where('role', '=', 'admin');
  if (tenantId !== undefined) query = query.where('id', '=', tenantId);
  if (username !== undefined) query = query.where('username', '=', username);
  const owner = await query.executeTakeFirst();
  if (!owner) return undefined;
  const actor: Actor = {
    userId: credential,
    tenantId: owner.id,
    username: `fenfa-token:${label}`,
    ownerUsername: owner.username,
    role: 'admin',
    permissions: null,
  };
  return actor;
}

/**
 * The caller of an `X-Auth-Token`, which must hold `scope`: 401 without a token, 403 for an unknown one or one
 * without the scope (Fenfa's answers).
 */
export async function fenfaCaller(
  db: Db,
  configured: ConfiguredFenfaTokens,
  token: string | undefined,
  scope: FenfaScope,
): Promise<FenfaCaller> {
  if (token === undefined || token === '') throw unauthorized('missing token');
  const hash = hashFenfaToken(token);
  let caller: FenfaCaller | undefined;
  const row = await db
    .selectFrom('fenfa_tokens')
    .select(['id', 'tenant_id', 'label', 'scopes'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (row) {
    const actor = await ownerActor(db, row.tenant_id, undefined, row.label, `fenfa-token:${row.id}`);
    if (actor) caller = { actor, scopes: row.scopes };
    await db.updateTable('fenfa_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  } else if (configured.owner !== undefined) {
    const scopes: FenfaScope[] | undefined =
      configured.adminToken !== undefined && sameHash(hash, hashFenfaToken(configured.adminToken))
        ? ['admin']
        : configured.uploadToken !== undefined && sameHash(hash, hashFenfaToken(configured.uploadToken))
          ? ['upload']
          : undefined;
    // A configured token is known by its hash's start: a new secret is a new credential.
    const actor =
      scopes &&
      (await ownerActor(
        db,
        undefined,
        configured.owner,
        scopes[0] ?? '',
        `fenfa-configured:${hash.slice(0, 16)}`,
      ));
    if (scopes && actor) caller = { actor, scopes };
  }
  if (!caller) throw forbidden('invalid token');
  if (!caller.scopes.includes('admin') && !caller.scopes.includes(scope)) throw forbidden('invalid token');
  return caller;
}

/** A token as listed: never the secret. */
export interface FenfaTokenItem {
  id: string;
  label: string;
  scopes: FenfaScope[];
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
}

export async function listFenfaTokens(db: Db, tenantId: string): Promise<FenfaTokenItem[]> {
  return db
    .selectFrom('fenfa_tokens')
    .select(['id', 'label', 'scopes', 'token_prefix', 'created_at', 'last_used_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
