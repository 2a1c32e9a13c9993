import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Visibility } from '../../storage/types.js';
import type { Actor } from '../auth/actor.js';
import { parseId } from '../catalog/common.js';
import { conflict, invalid, notFound } from '../errors.js';
import { parseFlag } from '../flags.js';
import { isId } from '../ids.js';
import { checkName } from '../names.js';
import { requireAllowed, requirePermission } from '../permissions.js';
import { compareVersions, parseVersion } from '../versions.js';
import {
  artifactVisible,
  managerViewer,
  releaseVisible,
  releaseWithinArtifacts,
  type Viewer,
} from '../visibility.js';
import {
  asObject,
  findApp,
  findNamed,
  parseSignature,
  parseVersionChanges,
  type ReleaseDeps,
  type ReleaseFiles,
  ReleaseWrite,
  removeObject,
  resolveFilePlacement,
} from './upload.js';

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
interface VersionRow {
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
 * The version `{"id","app_name","version"}` names, in the caller's tenant and allowed list. A mismatch of id, app
 * and version is as unknown as a missing id (FaynoSync's contract: the three together identify a version).
 * `lock` holds the row until the transaction ends, so uploads to it and deletes of it take turns.
 */
async function findVersion(
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
  return row;
}

/**
 * Validates a version update (`{"id","app_name","version"}` and the fields to change); only the fields sent change
 * (FaynoSync reset the flags left out). Files sent with it (`files` holds those sent before `data`) are added as
 * artifacts through the upload pipeline.
 */
export async function prepareVersionUpdate(
  deps: ReleaseDeps,
  actor: Actor,
  data: unknown,
  formFields: ReadonlyMap<string, string>,
  withFiles: boolean,
  files?: ReleaseFiles,
): Promise<ReleaseWrite> {
  requirePermission(actor, 'apps', 'edit');
  const { db } = deps.database;
  const input = asObject(data, '{"id":"…","app_name":"myapp","version":"1.0.0","publish":true}');
  const changes = parseVersionChanges(input, formFields);
  const signature = parseSignature(input.signature);
  const row = await findVersion(db, actor, input, false);
  if (input.channel !== undefined && input.channel !== null && input.channel !== '') {
    if (input.channel !== row.channel_name) throw invalid('updating the channel is not allowed');
  }
  const placement = withFiles
    ? await resolveFilePlacement(db, actor, input, row.channel_id)
    : { channelId: row.channel_id, platformId: null, archId: null };
  const write = new ReleaseWrite(
    deps,
    {
      tenantId: actor.tenantId,
      app: { id: row.app_id, name: row.app_name, private: row.app_private },
      version: row.version,
      ...placement,
      changes,
      signature,
      target: { create: false, versionId: row.id },
      filesRequired: false,
    },
    files,
  );
  await write.adoptStaged();
  return write;
}

interface StoredObject {
  storage_key: string;
  visibility: Visibility;
}

/**
 * Claims the objects of rows about to be deleted, in the transaction that deletes them: if the process dies before
 * the objects are gone, the start-up sweep finds the claims and finishes. A claim held by an upload in flight means
 * that upload is writing the same key: this delete waits for the next attempt instead of racing it.
 */
async function claimForRemoval(trx: Db, objects: StoredObject[]): Promise<void> {
  if (objects.length === 0) return;
  try {
    await trx
      .insertInto('pending_objects')
      .values(objects.map((o) => ({ storage_key: o.storage_key, visibility: o.visibility })))
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw conflict('a file of this version is being uploaded right now: try the delete again in a moment');
    }
    throw err;
  }
}

/** After the commit: each object, then its claim. A storage failure keeps the claim, for the next start-up. */
async function removeClaimed(deps: ReleaseDeps, objects: StoredObject[]): Promise<void> {
  const { db } = deps.database;
  for (const object of objects) {
    if (!(await removeObject(deps, object.storage_key, object.visibility))) continue;
    await db
      .deleteFrom('pending_objects')
      .where('storage_key', '=', object.storage_key)
      .where('visibility', '=', object.visibility)
      .execute();
  }
}

/** Deletes a version, its artifact rows and then their files. Team users may, given apps.delete and the app. */
export async function deleteVersion(deps: ReleaseDeps, actor: Actor, rawId: unknown): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const id = parseId(rawId);
  const removed = await deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('versions')
      .select(['id', 'app_id'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound(`no app found with ID ${id}`);
    await requireAllowed(trx, actor, 'apps', row.app_id);
    const objects = await trx
      .selectFrom('artifacts')
      .select(['storage_key', 'visibility'])
      .where('tenant_id', '=', actor.tenantId)
      .where('version_id', '=', id)
      .execute();
    await claimForRemoval(trx, objects);
    await trx.deleteFrom('versions').where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    return objects;
  });
  await removeClaimed(deps, removed);
}

/**
 * The artifacts of versions the viewer sees, in the order listings show them (and FaynoSync's indexes count):
 * oldest first. A team user sees only its allowed platforms' and archs' (core/visibility.ts).
 */
async function artifactsOf(
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

/**
 * Deletes artifacts of one version: `artifacts_to_delete` lists stable artifact ids or FaynoSync's indexes ("0",
 * "2") into the version's artifact list as /search shows it. Every entry is resolved against that list before
 * anything is deleted (FaynoSync deleted one at a time, so later indexes pointed at the wrong files); an unknown
 * id or an index out of range deletes nothing.
 */
export async function deleteArtifacts(deps: ReleaseDeps, actor: Actor, data: unknown): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const input = asObject(data, '{"id":"…","app_name":"myapp","version":"1.0.0","artifacts_to_delete":["0"]}');
  const entries = parseArtifactRefs(input.artifacts_to_delete);
  const removed = await deps.database.db.transaction().execute(async (trx) => {
    const version = await findVersion(trx, actor, input, true);
    // Indexes count in the list /search showed this caller.
    const viewer = await managerViewer(trx, actor);
    const listed = (await artifactsOf(trx, viewer, [version.id])).get(version.id) ?? [];
    const chosen = new Map<string, ListedArtifact>();
    for (const entry of entries) {
      const artifact = isId(entry) ? listed.find((a) => a.id === entry) : listed[Number(entry)];
      if (!artifact) {
        throw notFound(
          isId(entry)
            ? `artifact ${entry} not found in version ${version.version}`
            : `artifact index ${entry} is out of range: version ${version.version} has ${listed.length} artifact${listed.length === 1 ? '' : 's'} (0 to ${listed.length - 1})`,
        );
      }
      chosen.set(artifact.id, artifact);
    }
    const objects = [...chosen.values()].map((a) => ({
      storage_key: a.storageKey,
      visibility: a.visibility,
    }));
    await claimForRemoval(trx, objects);
    await trx
      .deleteFrom('artifacts')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', [...chosen.keys()])
      .execute();
    await trx
      .updateTable('versions')
      .set({ updated_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', version.id)
      .execute();
    return objects;
  });
  await removeClaimed(deps, removed);
}

/** Each entry an artifact id (24 hex) or an index as a string (FaynoSync's form) or a number. */
function parseArtifactRefs(value: unknown): string[] {
  const example = 'artifacts_to_delete must be a list of artifact ids or indexes, e.g. ["0","2"]';
  if (!Array.isArray(value) || value.length === 0) throw invalid(example);
  return value.map((entry: unknown) => {
    if (typeof entry === 'number' && Number.isInteger(entry) && entry >= 0) return String(entry);
    if (typeof entry === 'string') {
      const lower = entry.toLowerCase();
      if (isId(lower)) return lower;
      if (/^\d{1,9}$/.test(entry)) return String(Number(entry));
    }
    throw invalid(example);
  });
}

/** A query string value: Express gives arrays for repeated keys, which no parameter here accepts. */
function queryValue(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be given once`);
  return value === '' ? undefined : value;
}

function queryInt(query: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const raw = queryValue(query, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw invalid(`${name} must be a whole number from 1 to ${max}`);
  }
  return Number(raw);
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

const SEARCH_MAX_LIMIT = 100;

/** Code-point order: the same on every machine, whatever its locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * FaynoSync's `/search`: the versions of one app the caller sees (core/visibility.ts), filtered, newest version
 * first. Versions order by their numbers and pre-releases, which SQL cannot, so the matching rows are sorted here
 * and one page of them gets its artifacts.
 */
export async function searchReleases(
  db: Db,
  actor: Actor,
  query: Record<string, unknown>,
): Promise<SearchResult> {
  const page = queryInt(query, 'page', 1, 1_000_000);
  const limit = queryInt(query, 'limit', 9, SEARCH_MAX_LIMIT);
  const published = parseFlag(queryValue(query, 'published'), 'published');
  const critical = parseFlag(queryValue(query, 'critical'), 'critical');
  const channel = queryValue(query, 'channel');
  const platform = queryValue(query, 'platform');
  const arch = queryValue(query, 'arch');
  const app = await findApp(db, actor.tenantId, queryValue(query, 'app_name'));
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

const LIST_MAX_LIMIT = 1000;

/**
 * FaynoSync's deprecated `GET /`: the tenant's versions the caller sees (core/visibility.ts: a team user's allowed
 * apps, channels, platforms and archs only), newest first.
 */
export async function listReleases(
  db: Db,
  actor: Actor,
  query: Record<string, unknown>,
): Promise<ReleaseItem[]> {
  const limit = queryInt(query, 'limit', 100, LIST_MAX_LIMIT);
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
