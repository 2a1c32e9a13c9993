import type { Db } from '../../db/connect.js';
import type { Visibility } from '../../storage/types.js';
import type { Actor } from '../auth/actor.js';
import { parseId } from '../catalog/common.js';
import { notFound } from '../errors.js';
import { checkName } from '../names.js';
import { requireAllowed, requireAllowedPlacement } from '../permissions.js';
import { compareVersions, parseVersion } from '../version-numbers.js';
import {
  artifactVisible,
  managerViewer,
  releaseVisible,
  releaseWithinArtifacts,
  type Viewer,
} from '../visibility.js';
import { findApp, findNamed } from './upload.js';

export interface ListedArtifact {
  id: string;
  fileName: string;
  storageKey: string;
  visibility: Visibility;
  /** Names; "" when the artifact has none. */
  platform: string;
  arch: string;
  package: string;
  size: number;
  sha256: string;
  sha512: string;
  signature: string | null;
}

/** One version of an app as the management API lists it. */
export interface ReleaseItem {
  id: string;
  appName: string;
  version: string;
  /** "" when the version has no channel. */
  channel: string;
  published: boolean;
  critical: boolean;
  intermediate: boolean;
  rolloutPercent: number;
  changelog: string;
  createdAt: Date;
  updatedAt: Date;
  artifacts: ListedArtifact[];
}

/** A version row of the caller's tenant, with the names a request must match. */
export interface VersionRow {
  id: string;
  app_id: string;
  app_name: string;
  app_private: boolean;
  channel_id: string | null;
  channel_name: string | null;
  version: string;
}

function versionRows(db: Db, tenantId: string) {
  return db
    .selectFrom('versions as v')
    .innerJoin('apps as a', 'a.id', 'v.app_id')
    .leftJoin('channels as c', 'c.id', 'v.channel_id')
    .where('v.tenant_id', '=', tenantId)
    .where('a.tenant_id', '=', tenantId);
}

/**
 * The version `{"id","app_name","version"}` names, in the caller's tenant and allowed lists (its app and channel).
 * A mismatch of id, app and version is as unknown as a missing id (FaynoSync's contract: the three together identify
 * a version). `lock` holds the row until the transaction ends, so uploads to it and deletes of it take turns.
 */
export async function findVersion(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
  lock: boolean,
): Promise<VersionRow> {
  const id = parseId(input.id);
  const appName = checkName(input.app_name, 'app_name');
  const version = parseVersion(input.version).text;
  let query = versionRows(db, actor.tenantId)
    .select([
      'v.id',
      'v.app_id',
      'a.name as app_name',
      'a.private as app_private',
      'v.channel_id',
      'c.name as channel_name',
      'v.version',
    ])
    .where('v.id', '=', id);
  if (lock) query = query.forUpdate('v');
  const row = await query.executeTakeFirst();
  if (!row || row.app_name !== appName || row.version !== version) {
    throw notFound(
      `app with this parameters doesn't exist: no version ${version} of ${appName} with id ${id}`,
    );
  }
  await requireAllowed(db, actor, 'apps', row.app_id);
  await requireAllowedPlacement(db, actor, { channelId: row.channel_id });
  return row;
}

/**
 * The artifacts of versions the viewer sees, in the order listings show them (and FaynoSync's indexes count):
 * oldest first. A team user sees only its allowed platforms' and archs' (core/visibility.ts).
 */
export async function artifactsOf(
  db: Db,
  viewer: Viewer,
  versionIds: string[],
): Promise<Map<string, ListedArtifact[]>> {
  const byVersion = new Map<string, ListedArtifact[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return byVersion;
  const rows = await db
    .selectFrom('artifacts as ar')
    .leftJoin('platforms as p', 'p.id', 'ar.platform_id')
    .leftJoin('archs as x', 'x.id', 'ar.arch_id')
    .select([
      'ar.id',
      'ar.version_id',
      'ar.file_name',
      'ar.storage_key',
      'ar.visibility',
      'ar.package',
      'ar.size',
      'ar.sha256',
      'ar.sha512',
      'ar.signature',
      'p.name as platform',
      'x.name as arch',
    ])
    .where('ar.tenant_id', '=', viewer.tenantId)
    .where('ar.version_id', 'in', versionIds)
    .where(artifactVisible(viewer))
    .orderBy('ar.created_at')
    .orderBy('ar.id')
    .execute();
  for (const row of rows) {
    byVersion.get(row.version_id)?.push({
      id: row.id,
      fileName: row.file_name,
      storageKey: row.storage_key,
      visibility: row.visibility,
      platform: row.platform ?? '',
      arch: row.arch ?? '',
      package: row.package,
      size: Number(row.size),
      sha256: row.sha256,
      sha512: row.sha512,
      signature: row.signature,
    });
  }
  return byVersion;
}

function toItem(
  row: {
    id: string;
    app_name: string;
    version: string;
    channel_name: string | null;
    published: boolean;
    critical: boolean;
    intermediate: boolean;
    rollout_percent: number;
    changelog: string;
    created_at: Date;
    updated_at: Date;
  },
  artifacts: ListedArtifact[],
): ReleaseItem {
  return {
    id: row.id,
    appName: row.app_name,
    version: row.version,
    channel: row.channel_name ?? '',
    published: row.published,
    critical: row.critical,
    intermediate: row.intermediate,
    rolloutPercent: row.rollout_percent,
    changelog: row.changelog,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    artifacts,
  };
}

const ITEM_COLUMNS = [
  'v.id',
  'a.name as app_name',
  'v.version',
  'c.name as channel_name',
  'v.published',
  'v.critical',
  'v.intermediate',
  'v.rollout_percent',
  'v.changelog',
  'v.created_at',
  'v.updated_at',
] as const;

export interface SearchResult {
  items: ReleaseItem[];
  total: number;
  page: number;
  limit: number;
}

/** `/search`'s filters and page; absent filters match everything. */
export interface SearchQuery {
  app_name?: string | undefined;
  channel?: string | undefined;
  platform?: string | undefined;
  arch?: string | undefined;
  published?: boolean | undefined;
  critical?: boolean | undefined;
  page: number;
  limit: number;
}

/** Code-point order: the same on every machine, whatever its locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * FaynoSync's `/search`: the versions of one app the caller sees (core/visibility.ts), filtered, newest version
 * first. Versions order by their numbers and pre-releases, which SQL cannot, so the matching rows are sorted here
 * and one page of them gets its artifacts.
 */
export async function searchReleases(db: Db, actor: Actor, query: SearchQuery): Promise<SearchResult> {
  const { page, limit, published, critical, channel, platform, arch } = query;
  const app = await findApp(db, actor.tenantId, query.app_name);
  await requireAllowed(db, actor, 'apps', app.id);
  const channelId =
    channel === undefined ? undefined : await findNamed(db, actor.tenantId, 'channels', channel);
  const platformId =
    platform === undefined ? undefined : await findNamed(db, actor.tenantId, 'platforms', platform);
  const archId = arch === undefined ? undefined : await findNamed(db, actor.tenantId, 'archs', arch);
  const viewer = await managerViewer(db, actor);

  let rows = versionRows(db, actor.tenantId)
    .select(ITEM_COLUMNS)
    .where('v.app_id', '=', app.id)
    .where(releaseVisible(viewer))
    .where(releaseWithinArtifacts(viewer));
  if (channelId !== undefined) rows = rows.where('v.channel_id', '=', channelId);
  if (published !== undefined) rows = rows.where('v.published', '=', published);
  if (critical !== undefined) rows = rows.where('v.critical', '=', critical);
  if (platformId !== undefined || archId !== undefined) {
    rows = rows.where(({ exists, selectFrom }) => {
      let artifact = selectFrom('artifacts as ar')
        .select('ar.id')
        .where('ar.tenant_id', '=', actor.tenantId)
        .whereRef('ar.version_id', '=', 'v.id')
        .where(artifactVisible(viewer));
      if (platformId !== undefined) artifact = artifact.where('ar.platform_id', '=', platformId);
      if (archId !== undefined) artifact = artifact.where('ar.arch_id', '=', archId);
      return exists(artifact);
    });
  }
  const sorted = (await rows.execute())
    .map((row) => ({ row, parsed: parseVersion(row.version) }))
    .sort(
      (x, y) =>
        compareVersions(y.parsed, x.parsed) ||
        byText(x.row.channel_name ?? '', y.row.channel_name ?? '') ||
        byText(x.row.id, y.row.id),
    )
    .map((entry) => entry.row);
  const pageRows = sorted.slice((page - 1) * limit, page * limit);
  const artifacts = await artifactsOf(
    db,
    viewer,
    pageRows.map((r) => r.id),
  );
  return {
    items: pageRows.map((row) => toItem(row, artifacts.get(row.id) ?? [])),
    total: sorted.length,
    page,
    limit,
  };
}

/**
 * FaynoSync's deprecated `GET /`: the tenant's versions the caller sees (core/visibility.ts: a team user's allowed
 * apps, channels, platforms and archs only), newest first.
 */
export async function listReleases(db: Db, actor: Actor, limit: number): Promise<ReleaseItem[]> {
  const viewer = await managerViewer(db, actor);
  const rows = await versionRows(db, actor.tenantId)
    .select(ITEM_COLUMNS)
    .where(releaseVisible(viewer))
    .where(releaseWithinArtifacts(viewer))
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
  const artifacts = await artifactsOf(
    db,
    viewer,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toItem(row, artifacts.get(row.id) ?? []));
}
