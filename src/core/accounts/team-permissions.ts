import type { Db } from '../../db/connect.js';
import type { PermissionFlags, ResourceKind } from '../../db/schema.js';
import { invalid } from '../errors.js';
import { isId } from '../ids.js';
import { printable } from '../names.js';

const RESOURCE_KINDS: readonly ResourceKind[] = ['apps', 'channels', 'platforms', 'archs'];

const FLAG_NAMES: { [K in ResourceKind]: readonly (keyof PermissionFlags[K])[] } = {
  apps: ['create', 'delete', 'edit', 'download', 'upload'],
  channels: ['create', 'delete', 'edit'],
  platforms: ['create', 'delete', 'edit'],
  archs: ['create', 'delete', 'edit'],
};

// Clients may send one flag set for every kind (FaynoSync ignores what a kind lacks, e.g.
// channels.upload); a name that is no flag at all is a typo, refused so that a right meant to be
// granted is not silently lost.
const ALL_FLAG_NAMES: readonly string[] = FLAG_NAMES.apps;

const SINGULAR: Record<ResourceKind, string> = {
  apps: 'app',
  channels: 'channel',
  platforms: 'platform',
  archs: 'arch',
};

/** A team user's rights: the flags per resource kind and the ids of the resources it may touch. */
export interface TeamPermissions {
  flags: PermissionFlags;
  allowed: Record<ResourceKind, string[]>;
}

export function noPermissions(): TeamPermissions {
  return {
    flags: {
      apps: { create: false, delete: false, edit: false, download: false, upload: false },
      channels: { create: false, delete: false, edit: false },
      platforms: { create: false, delete: false, edit: false },
      archs: { create: false, delete: false, edit: false },
    },
    allowed: { apps: [], channels: [], platforms: [], archs: [] },
  };
}

/** The entries of a JSON object with lower-cased keys (FaynoSync reads them case-insensitively). */
function lowerCasedEntries(value: unknown, field: string): [string, unknown, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${field} must be an object`);
  const seen = new Set<string>();
  return Object.entries(value).map(([raw, v]) => {
    const key = raw.toLowerCase();
    if (seen.has(key)) throw invalid(`${field}: "${printable(raw)}" is given twice`);
    seen.add(key);
    return [key, v, raw];
  });
}

function parseAllowed(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(`${field} must be a list of ids`);
  const ids = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string') throw invalid(`${field} must be a list of id strings`);
    // FaynoSync's own examples send [""] for "nothing".
    if (item === '') continue;
    if (!isId(item)) throw invalid(`${field}: "${printable(item)}" is not a valid id`);
    ids.add(item);
  }
  return [...ids];
}

/** Reads FaynoSync's permission document; missing flags are false, missing lists empty. */
export function parsePermissions(input: unknown): TeamPermissions {
  const result = noPermissions();
  if (input === undefined) return result;
  for (const [kind, section, rawKind] of lowerCasedEntries(input, 'permissions')) {
    if (!(RESOURCE_KINDS as readonly string[]).includes(kind)) {
      throw invalid(
        `permissions: unknown resource kind "${printable(rawKind)}": use apps, channels, platforms or archs`,
      );
    }
    const k = kind as ResourceKind;
    const names = FLAG_NAMES[k] as readonly string[];
    const flags = result.flags[k] as Record<string, boolean>;
    for (const [key, value, rawKey] of lowerCasedEntries(section, k)) {
      if (key === 'allowed') {
        result.allowed[k] = parseAllowed(value, `${k}.allowed`);
      } else if (!ALL_FLAG_NAMES.includes(key)) {
        throw invalid(`${k}.${printable(rawKey)} is not a permission: use ${names.join(', ')} or allowed`);
      } else if (typeof value !== 'boolean') {
        throw invalid(`${k}.${key} must be true or false`);
      } else if (names.includes(key)) {
        flags[key] = value;
      }
    }
  }
  return result;
}

/** An allowed list may only name resources of the caller's own tenant that exist. */
export async function checkAllowedExist(
  db: Db,
  tenantId: string,
  allowed: TeamPermissions['allowed'],
): Promise<void> {
  for (const kind of RESOURCE_KINDS) {
    const ids = allowed[kind];
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom(kind)
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute();
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw invalid(`${kind}.allowed: unknown ${SINGULAR[kind]} id ${missing}`);
  }
}

/** Replaces the user's allowed lists; call it inside the transaction that writes the user. */
export async function writeGrants(
  db: Db,
  tenantId: string,
  userId: string,
  allowed: TeamPermissions['allowed'],
): Promise<void> {
  await db.deleteFrom('user_grants').where('user_id', '=', userId).execute();
  const rows = RESOURCE_KINDS.flatMap((kind) =>
    allowed[kind].map((resourceId) => ({
      tenant_id: tenantId,
      user_id: userId,
      kind,
      resource_id: resourceId,
    })),
  );
  if (rows.length > 0) await db.insertInto('user_grants').values(rows).execute();
}

export async function grantsOf(db: Db, userIds: string[]): Promise<Map<string, TeamPermissions['allowed']>> {
  const byUser = new Map<string, TeamPermissions['allowed']>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_grants')
    .select(['user_id', 'kind', 'resource_id'])
    .where('user_id', 'in', userIds)
    .orderBy('resource_id')
    .execute();
  for (const row of rows) {
    let allowed = byUser.get(row.user_id);
    if (!allowed) {
      allowed = noPermissions().allowed;
      byUser.set(row.user_id, allowed);
    }
    allowed[row.kind].push(row.resource_id);
  }
  return byUser;
}
