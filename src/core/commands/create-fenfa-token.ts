import type { FenfaScope } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { newPrefixedId } from '../fenfa/ids.js';
import { mintFenfaToken } from '../fenfa/tokens.js';
import { requireAdmin } from '../permissions.js';
import type { CommandDeps } from './deps.js';

export interface CreatedFenfaToken {
  id: string;
  token: string;
  label: string;
  scopes: FenfaScope[];
  created_at: Date;
}

/**
 * A Fenfa `X-Auth-Token` for the admin's tenant; the secret is returned this once. Tokens are checked against the
 * database on every request and feed no cached answer, so nothing is bumped.
 */
export async function createFenfaToken(
  deps: CommandDeps,
  actor: Actor,
  input: { label: string; scopes: FenfaScope[] },
): Promise<CreatedFenfaToken> {
  requireAdmin(actor);
  const { token, hash, prefix } = mintFenfaToken();
  const scopes = [...new Set(input.scopes)];
  const row = await deps.database.db
    .insertInto('fenfa_tokens')
    .values({
      id: newPrefixedId('token'),
      tenant_id: actor.tenantId,
      label: input.label,
      scopes: JSON.stringify(scopes),
      token_hash: hash,
      token_prefix: prefix,
    })
    .returning(['id', 'label', 'scopes', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, token, label: row.label, scopes: row.scopes, created_at: row.created_at };
}
