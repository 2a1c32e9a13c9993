import type { Db } from '../db/connect.js';
import type { ResourceKind } from '../db/schema.js';
import type { Actor } from './auth/actor.js';
import { forbidden } from './errors.js';

export type { ResourceKind };

export type Action = 'create' | 'delete' | 'edit' | 'download' | 'upload';

export const TOKEN_SCOPE_MESSAGE = 'API tokens are restricted to app upload: log in for anything else';

export function requireAdmin(actor: Actor): void {
  if (actor.role === 'token') throw forbidden(TOKEN_SCOPE_MESSAGE);
  if (actor.role !== 'admin') throw forbidden('Admin access required');
}

/** The route-level check: may this actor do `action` on resources of `kind` at all? */
export function requirePermission(actor: Actor, kind: ResourceKind, action: Action): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'token') {
    if (kind === 'apps' && action === 'upload') return;
    throw forbidden(TOKEN_SCOPE_MESSAGE);
  }
  const flags = actor.permissions?.[kind] as Record<string, boolean> | undefined;
  if (!flags?.[action]) {
    throw forbidden(`Permission denied: your account lacks ${kind}.${action}; ask your admin to grant it`);
  }
}

/** The resource-level check: is this one resource in the team user's allowed list? */
export async function requireAllowed(
  db: Db,
  actor: Actor,
  kind: ResourceKind,
  resourceId: string,
): Promise<void> {
  if (actor.role === 'admin') return;
  if (actor.role === 'token') {
    // A token is scoped by app only; within its tenant it may use any channel, platform and arch.
    if (kind !== 'apps' || actor.tokenApps?.includes(resourceId)) return;
    throw notAllowed(actor, kind);
  }
  const row = await db
    .selectFrom('user_grants')
    .select('resource_id')
    .where('user_id', '=', actor.userId)
    .where('kind', '=', kind)
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  if (!row) throw notAllowed(actor, kind);
}

/** The 403 for a resource outside the caller's allowed list, saying how to get it. */
export function notAllowed(actor: Actor, kind: ResourceKind): Error {
  return actor.role === 'token'
    ? forbidden('api token has no access to this app: create a token that lists it')
    : forbidden(
        `you don't have access to this ${kind.slice(0, -1)}: ask your admin to add it to your allowed list`,
      );
}

/** Where a version or artifact sits. */
export interface Placement {
  channelId?: string | null;
  platformId?: string | null;
  archId?: string | null;
}

/**
 * The resource-level check for writes of versions and artifacts: the version's channel and each artifact's platform
 * and arch must be in the team user's allowed lists, as for an upload to them.
 */
export async function requireAllowedPlacement(db: Db, actor: Actor, placement: Placement): Promise<void> {
  if (actor.role === 'admin') return;
  if (placement.channelId) await requireAllowed(db, actor, 'channels', placement.channelId);
  if (placement.platformId) await requireAllowed(db, actor, 'platforms', placement.platformId);
  if (placement.archId) await requireAllowed(db, actor, 'archs', placement.archId);
}

/** Ids a team user may see, or undefined for an admin (everything in the tenant). */
export async function allowedIds(db: Db, actor: Actor, kind: ResourceKind): Promise<string[] | undefined> {
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'token') return kind === 'apps' ? (actor.tokenApps ?? []) : undefined;
  const rows = await db
    .selectFrom('user_grants')
    .select('resource_id')
    .where('user_id', '=', actor.userId)
    .where('kind', '=', kind)
    .execute();
  return rows.map((r) => r.resource_id);
}

/** What a team user creates joins its allowed list. */
export async function grantToCreator(
  db: Db,
  actor: Actor,
  kind: ResourceKind,
  resourceId: string,
): Promise<void> {
  if (actor.role !== 'team') return;
  await db
    .insertInto('user_grants')
    .values({ tenant_id: actor.tenantId, user_id: actor.userId, kind, resource_id: resourceId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** A deleted resource leaves every allowed list of its tenant. */
export async function revokeEverywhere(
  db: Db,
  tenantId: string,
  kind: ResourceKind,
  resourceId: string,
): Promise<void> {
  await db
    .deleteFrom('user_grants')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('resource_id', '=', resourceId)
    .execute();
}
