import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { type SealingSecret, seal } from '../auth/sealing.js';
import { APPLE_KEY_PURPOSE } from '../fenfa/apple-account.js';
import { requireAdmin } from '../permissions.js';
import type { CommandDeps } from './deps.js';

export interface FenfaSettingsInput {
  primary_domain: string;
  organization: string;
  secondary_domains?: string[] | undefined;
  apple_key_id?: string | undefined;
  apple_issuer_id?: string | undefined;
  apple_team_id?: string | undefined;
  /** The .p8 key (PEM); stored sealed, never returned. */
  apple_private_key?: string | undefined;
}

const trim = (domain: string) => domain.trim().replace(/\/+$/, '');

/**
 * Fenfa's settings of the admin's tenant: domains and organization; Apple fields are changed only when sent
 * non-empty, as Fenfa does. The domains are in every link the product JSON and uploads answer with, which no
 * cached answer holds; nothing is bumped.
 */
export async function updateFenfaSettings(
  deps: CommandDeps & { config: SealingSecret },
  actor: Actor,
  input: FenfaSettingsInput,
): Promise<void> {
  requireAdmin(actor);
  const apple = {
    ...(input.apple_key_id ? { apple_key_id: input.apple_key_id } : {}),
    ...(input.apple_issuer_id ? { apple_issuer_id: input.apple_issuer_id } : {}),
    ...(input.apple_team_id ? { apple_team_id: input.apple_team_id } : {}),
    ...(input.apple_private_key
      ? { apple_private_key_sealed: seal(input.apple_private_key, deps.config, APPLE_KEY_PURPOSE) }
      : {}),
  };
  const values = {
    primary_domain: trim(input.primary_domain),
    organization: input.organization,
    ...(input.secondary_domains
      ? { secondary_domains: JSON.stringify(input.secondary_domains.map(trim)) }
      : {}),
    ...apple,
  };
  await deps.database.db
    .insertInto('tenant_settings')
    .values({ tenant_id: actor.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}
