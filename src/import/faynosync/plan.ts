import type { ResourceKind, UpdaterEntry } from '../../db/schema.js';
import type { MongoDoc } from './export-reader.js';

/** FaynoSync's collections as read from an export (export-reader.ts). */
export interface FaynosyncExport {
  admins: MongoDoc[];
  team_users: MongoDoc[];
  apps_meta: MongoDoc[];
  apps: MongoDoc[];
  api_tokens: MongoDoc[];
}

export const COLLECTIONS: readonly (keyof FaynosyncExport)[] = [
  'admins',
  'team_users',
  'apps_meta',
  'apps',
  'api_tokens',
];

/** A stored object of FaynoSync's, in its public or private bucket. */
export interface PlannedFile {
  fileName: string;
  /** FaynoSync's `package` (extension with its dot, "" for none): the key the update check lists it under. */
  package: string;
  visibility: 'public' | 'private';
  key: string;
  /** FaynoSync's record of the object's SHA-256, compared with what the copy measures. */
  sha256: string | undefined;
}

/** One upload into Updraft: the files of a version for one platform and arch (and signature). */
export interface PlannedRelease {
  app: string;
  version: string;
  channel: string | null;
  platform: string | null;
  arch: string | null;
  published: boolean;
  critical: boolean;
  intermediate: boolean;
  rolloutPercent: number;
  rolloutSeed: string | undefined;
  changelog: string;
  signature: string | null;
  files: PlannedFile[];
}

export interface PlannedApp {
  name: string;
  description: string;
  private: boolean;
  tuf: boolean;
  reports: boolean;
  cdn: boolean;
}

export interface PlannedTeamUser {
  username: string;
  passwordHash: string;
  /** FaynoSync's permission flags per kind, `allowed` lists dropped (see `allowed`). */
  flags: Record<ResourceKind, Record<string, boolean>>;
  /** Names of the resources the user may touch, per kind. */
  allowed: Record<ResourceKind, string[]>;
}

export interface PlannedToken {
  name: string;
  hash: string;
  prefix: string;
  /** App names. */
  allowedApps: string[];
  expiresAt: Date | null;
  createdAt: Date;
}

/** Everything of one FaynoSync admin, which becomes one Updraft tenant. */
export interface TenantPlan {
  admin: string;
  passwordHash: string;
  channels: string[];
  platforms: { name: string; updaters: UpdaterEntry[] }[];
  archs: string[];
  apps: PlannedApp[];
  releases: PlannedRelease[];
  teamUsers: PlannedTeamUser[];
  tokens: PlannedToken[];
}

export interface ImportPlan {
  tenants: TenantPlan[];
  /** What the export holds that cannot be moved, one sentence each. */
  notMoved: string[];
}

const ZERO_ID = '000000000000000000000000';
const KINDS: readonly ResourceKind[] = ['apps', 'channels', 'platforms', 'archs'];
/** The first segment of every key layout FaynoSync writes release files under, besides `{app}-{owner}`. */
const LAYOUT_ROOTS = ['squirrel_windows', 'electron-builder', 'sparkle', 'velopack'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const flag = (value: unknown): boolean => value === true;
const idOf = (value: unknown): string | null => {
  const id = text(value);
  return id === '' || id === ZERO_ID ? null : id;
};

/**
 * The object key behind an artifact's stored link: the `key` parameter of a private app's `/download?key=` link, or
 * the path of a public URL from where FaynoSync's key layout starts (whatever endpoint and bucket precede it).
 */
export function objectKeyOf(link: string, app: string, owner: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const param = url.searchParams.get('key');
  if (url.pathname.endsWith('/download') && param) return param;
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const roots = new Set([`${app}-${owner}`, ...LAYOUT_ROOTS]);
  const start = segments.findIndex((segment) => roots.has(segment));
  return start < 0 ? undefined : segments.slice(start).join('/');
}

/** Reads a FaynoSync permission document into flags and the allowed ids per kind. */
function readPermissions(doc: unknown): {
  flags: PlannedTeamUser['flags'];
  allowedIds: Record<ResourceKind, string[]>;
} {
  const permissions = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const flags = {} as PlannedTeamUser['flags'];
  const allowedIds = {} as Record<ResourceKind, string[]>;
  for (const kind of KINDS) {
    const section = (permissions[kind] ?? {}) as Record<string, unknown>;
    flags[kind] = {};
    for (const [name, value] of Object.entries(section)) {
      if (name !== 'allowed' && typeof value === 'boolean') flags[kind][name] = value;
    }
    allowedIds[kind] = Array.isArray(section.allowed) ? section.allowed.map(text).filter(Boolean) : [];
  }
  return { flags, allowedIds };
}

/**
 * Turns an export into one plan per admin, by names: the importer matches what already exists by tenant, app,
 * version and file name, so ids of either side never need to agree. Pure: reads nothing but `data`.
 */
export function planImport(data: FaynosyncExport): ImportPlan {
  const notMoved: string[] = [];
  const tenants = new Map<string, TenantPlan>();
  for (const doc of data.admins) {
    const admin = text(doc.username);
    if (!admin) {
      notMoved.push('an admin without a username');
      continue;
    }
    tenants.set(admin, {
      admin,
      passwordHash: text(doc.password),
      channels: [],
      platforms: [],
      archs: [],
      apps: [],
      releases: [],
      teamUsers: [],
      tokens: [],
    });
  }
  const tenantOf = (owner: unknown, what: string): TenantPlan | undefined => {
    const tenant = tenants.get(text(owner));
    if (!tenant) notMoved.push(`${what}: its owner "${text(owner)}" is not an admin of the export`);
    return tenant;
  };

  // apps_meta holds four kinds, told apart by which name field a document has.
  const names: Record<ResourceKind, Map<string, { owner: string; name: string }>> = {
    apps: new Map(),
    channels: new Map(),
    platforms: new Map(),
    archs: new Map(),
  };
  const privateApps = new Set<string>();
  for (const doc of data.apps_meta) {
    const id = text(doc._id);
    const owner = text(doc.owner);
    if (typeof doc.app_name === 'string') {
      const tenant = tenantOf(owner, `app "${doc.app_name}"`);
      if (!tenant) continue;
      names.apps.set(id, { owner, name: doc.app_name });
      if (flag(doc.private)) privateApps.add(id);
      tenant.apps.push({
        name: doc.app_name,
        description: text(doc.description),
        private: flag(doc.private),
        tuf: flag(doc.tuf),
        reports: flag(doc.reports),
        // Updraft publishes no edge answers for private apps; FaynoSync never did either.
        cdn: flag(doc.cdn_edge) && !flag(doc.private),
      });
      if (text(doc.logo)) notMoved.push(`app "${doc.app_name}" of ${owner}: its logo (upload it again)`);
    } else if (typeof doc.channel_name === 'string') {
      const tenant = tenantOf(owner, `channel "${doc.channel_name}"`);
      if (!tenant) continue;
      names.channels.set(id, { owner, name: doc.channel_name });
      tenant.channels.push(doc.channel_name);
    } else if (typeof doc.platform_name === 'string') {
      const tenant = tenantOf(owner, `platform "${doc.platform_name}"`);
      if (!tenant) continue;
      names.platforms.set(id, { owner, name: doc.platform_name });
      const updaters = Array.isArray(doc.updaters)
        ? (doc.updaters as Record<string, unknown>[]).map((u) => ({
            type: text(u.type),
            default: flag(u.default),
          }))
        : [];
      tenant.platforms.push({ name: doc.platform_name, updaters });
    } else if (typeof doc.arch_id === 'string') {
      const tenant = tenantOf(owner, `arch "${doc.arch_id}"`);
      if (!tenant) continue;
      names.archs.set(id, { owner, name: doc.arch_id });
      tenant.archs.push(doc.arch_id);
    } else {
      notMoved.push(`apps_meta document ${id}: neither an app, a channel, a platform nor an arch`);
    }
  }
  /** A resource's name within `owner`'s tenant; FaynoSync ids of another tenant do not count. */
  const nameOf = (kind: ResourceKind, id: string | null, owner: string): string | null | undefined => {
    if (id === null) return null;
    const found = names[kind].get(id);
    return found && found.owner === owner ? found.name : undefined;
  };

  for (const doc of data.apps) {
    const owner = text(doc.owner);
    const version = text(doc.version);
    const app = nameOf('apps', idOf(doc.app_id), owner);
    const label = `version ${version} of ${app ? `"${app}"` : `app ${text(doc.app_id)}`} (${owner})`;
    const tenant = tenantOf(owner, label);
    if (!tenant) continue;
    const channel = nameOf('channels', idOf(doc.channel_id), owner);
    if (!app || channel === undefined) {
      notMoved.push(`${label}: its ${app ? 'channel' : 'app'} is not in apps_meta`);
      continue;
    }
    const changelog = Array.isArray(doc.changelog)
      ? (doc.changelog as Record<string, unknown>[]).map((entry) => text(entry.changes)).join('\n')
      : '';
    const percent = typeof doc.rollout_percent === 'number' ? doc.rollout_percent : 100;
    const seed = text(doc.rollout_seed);
    const groups = new Map<string, PlannedRelease>();
    const artifacts = Array.isArray(doc.artifacts) ? (doc.artifacts as Record<string, unknown>[]) : [];
    for (const artifact of artifacts) {
      const link = text(artifact.link);
      const platform = nameOf('platforms', idOf(artifact.platform), owner);
      const arch = nameOf('archs', idOf(artifact.arch), owner);
      if (platform === undefined || arch === undefined) {
        notMoved.push(
          `${label}: file ${link}: its ${platform === undefined ? 'platform' : 'arch'} is not in apps_meta`,
        );
        continue;
      }
      const key = objectKeyOf(link, app, owner);
      if (!key) {
        notMoved.push(`${label}: file ${link}: no object key can be read from this link`);
        continue;
      }
      const signature = text(artifact.signature) || null;
      // Updraft keeps one signature per upload, so files with different signatures are uploaded apart.
      const groupKey = JSON.stringify([platform, arch, signature]);
      let group = groups.get(groupKey);
      if (!group) {
        group = {
          app,
          version,
          channel,
          platform,
          arch,
          published: flag(doc.published),
          critical: flag(doc.critical),
          intermediate: flag(doc.required_intermediate),
          rolloutPercent: percent,
          rolloutSeed: /^[0-9a-f]{16}$/.test(seed) ? seed : undefined,
          changelog,
          signature,
          files: [],
        };
        groups.set(groupKey, group);
      }
      const hashes = (artifact.hashes ?? {}) as Record<string, unknown>;
      group.files.push({
        fileName: key.slice(key.lastIndexOf('/') + 1),
        package: text(artifact.package),
        visibility: privateApps.has(idOf(doc.app_id) ?? '') ? 'private' : 'public',
        key,
        sha256: text(hashes.sha256) || undefined,
      });
    }
    if (groups.size === 0) notMoved.push(`${label}: it has no file (Updraft keeps no version without files)`);
    tenant.releases.push(...groups.values());
  }

  for (const doc of data.team_users) {
    const username = text(doc.username);
    const owner = text(doc.owner);
    const tenant = tenantOf(owner, `team user "${username}"`);
    if (!tenant) continue;
    const { flags, allowedIds } = readPermissions(doc.permissions);
    const allowed = {} as Record<ResourceKind, string[]>;
    for (const kind of KINDS) {
      allowed[kind] = allowedIds[kind].flatMap((id) => {
        const name = nameOf(kind, id, owner);
        if (name) return [name];
        notMoved.push(`team user "${username}": allowed ${kind} id ${id} is not one of ${owner}'s`);
        return [];
      });
    }
    tenant.teamUsers.push({ username, passwordHash: text(doc.password), flags, allowed });
  }

  for (const doc of data.api_tokens) {
    const name = text(doc.name);
    const owner = text(doc.owner);
    const tenant = tenantOf(owner, `API token "${name}"`);
    if (!tenant) continue;
    const ids = Array.isArray(doc.allowed_apps) ? doc.allowed_apps.map(text) : [];
    const allowedApps = ids.flatMap((id) => {
      const app = nameOf('apps', id, owner);
      return app ? [app] : [];
    });
    if (allowedApps.length === 0) {
      notMoved.push(`API token "${name}" of ${owner}: none of its allowed apps exists any more`);
      continue;
    }
    tenant.tokens.push({
      name,
      hash: text(doc.token_hash).toLowerCase(),
      prefix: text(doc.token_prefix),
      allowedApps,
      expiresAt: doc.expires_at instanceof Date ? doc.expires_at : null,
      createdAt: doc.created_at instanceof Date ? doc.created_at : new Date(),
    });
  }
  return { tenants: [...tenants.values()], notMoved };
}
