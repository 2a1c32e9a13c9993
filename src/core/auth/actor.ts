import type { Db } from '../../db/connect.js';
import type { PermissionFlags } from '../../db/schema.js';
import { unauthorized } from '../errors.js';
import { verifySession } from './jwt.js';

/** Whoever a request acts for, resolved once per request from its credentials. */
export interface Actor {
  userId: string;
  tenantId: string;
  username: string;
  /** The tenant admin's username: FaynoSync's `owner`. */
  ownerUsername: string;
  /** 'token' is a CI API token: it may upload to its allowed apps and do nothing else. */
  role: 'admin' | 'team' | 'token';
  /** Null for admins and API tokens. */
  permissions: PermissionFlags | null;
  /** The apps an API token may upload to; undefined for users. */
  tokenApps?: string[];
}

export async function actorFromSession(db: Db, token: string, secret: string): Promise<Actor> {
  const claims = verifySession(token, secret);
  const row = await db
    .selectFrom('users as u')
    .innerJoin('users as owner', 'owner.id', 'u.tenant_id')
    .select([
      'u.id',
      'u.tenant_id',
      'u.username',
      'u.role',
      'u.permissions',
      'u.token_version',
      'owner.username as owner_username',
    ])
    .where('u.id', '=', claims.sub)
    .executeTakeFirst();
  // A deleted account, a moved tenant, a changed role or a bumped token version all revoke older tokens.
  if (!row || row.tenant_id !== claims.tid || row.role !== claims.role) {
    throw unauthorized('user not found: log in again');
  }
  if (row.token_version !== claims.tv) throw unauthorized('token revoked: log in again');
  return {
    userId: row.id,
    tenantId: row.tenant_id,
    username: row.username,
    ownerUsername: row.owner_username,
    role: row.role,
    permissions: row.role === 'admin' ? null : row.permissions,
  };
}
