import { extname } from 'node:path';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { VersionsTable } from '../../db/schema.js';
import { notFound } from '../errors.js';
import { findVersion as findVisibleVersion, onePerNumber, visibleVersions } from '../lookup.js';
import { compareVersions, parseVersion } from '../version-numbers.js';
import { defaultChannelId, enabledFor, type Viewer } from '../visibility.js';
import type { BindistApp } from './catalog.js';
import { appViewer, containsPattern } from './catalog.js';
import type { BindistCaller } from './customer-keys.js';

type Version = Selectable<VersionsTable>;

/**
 * BinDist versions and files of an application, read side. A BinDist version is an Updraft `versions` row, whichever
 * face uploaded it (isEnabled = published, releaseNotes = changelog, isActive = is_active); a file is one of its
 * `artifacts`. Which rows a caller sees is core/visibility.ts's rule; disabled ones only show on the Test channel.
 */

export const FILE_TYPES = ['MAIN', 'DEPENDENCY', 'DOCUMENTATION', 'CONFIGURATION'] as const;
export type BindistFileType = (typeof FILE_TYPES)[number];

const TYPE_BY_EXTENSION: Record<string, BindistFileType> = {};
for (const ext of ['dll', 'so', 'dylib', 'lib', 'jar', 'a']) TYPE_BY_EXTENSION[ext] = 'DEPENDENCY';
for (const ext of ['json', 'xml', 'yaml', 'yml', 'conf', 'config', 'ini', 'env'])
  TYPE_BY_EXTENSION[ext] = 'CONFIGURATION';
for (const ext of ['txt', 'md', 'pdf', 'doc', 'docx', 'html', 'htm', 'rtf'])
  TYPE_BY_EXTENSION[ext] = 'DOCUMENTATION';

/** BinDist's file type from a file name's extension (MAIN for installers and anything unknown). */
export function fileTypeOf(fileName: string): BindistFileType {
  return TYPE_BY_EXTENSION[extname(fileName).slice(1).toLowerCase()] ?? 'MAIN';
}

/** `X-Channel: Test` (any case) shows disabled versions; every other value means production. */
export function isTestChannel(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && header.trim().toLowerCase() === 'test';
}

/**
 * Newest first, numeric-aware (1.10 above 1.9): Updraft's version order when both parse, else a numeric
 * collation of the text (BinDist versions may be any `[A-Za-z0-9._-]`).
 */
export function compareBindistVersions(a: string, b: string): number {
  try {
    return compareVersions(parseVersion(a), parseVersion(b));
  } catch {
    return a.localeCompare(b, 'en', { numeric: true });
  }
}

export interface BindistVersion {
  id: string;
  version: string;
  releaseNotes: string | null;
  isActive: boolean;
  isEnabled: boolean;
  minTier: string | null;
  downloadCount: number;
  createdAt: Date;
  updatedAt: Date;
  fileSize: number;
  checksum: string | null;
}

export interface BindistFile {
  fileId: string;
  fileName: string;
  fileType: BindistFileType;
  fileSize: number;
  checksum: string;
  order: number;
  description: string | null;
  storageKey: string;
  visibility: 'public' | 'private';
}

/**
 * What a /v1 caller sees of versions (core/visibility.ts): its entitled apps' channel-less versions and those of the
 * tenant's default channel; with `X-Channel: Test`, every channel.
 */
export async function viewerOf(db: Db, caller: BindistCaller, testChannel: boolean): Promise<Viewer> {
  return { ...appViewer(caller), defaultChannelId: await defaultChannelId(db, caller.tenantId), testChannel };
}

async function withFiles(db: Db, rows: Version[]): Promise<BindistVersion[]> {
  const files = await filesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const own = files.filter((f) => f.versionId === row.id);
    return {
      id: row.id,
      version: row.version,
      releaseNotes: row.changelog === '' ? null : row.changelog,
      isActive: row.is_active,
      isEnabled: row.published,
      minTier: row.min_tier,
      downloadCount: row.download_count,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      fileSize: own.reduce((sum, f) => sum + f.fileSize, 0),
      checksum: own[0]?.checksum ?? null,
    };
  });
}

/** The versions a caller may list, newest first, one per number; `changelog` filters on the release notes. */
export async function listVersions(
  db: Db,
  viewer: Viewer,
  app: BindistApp,
  options: { changelog?: string },
): Promise<BindistVersion[]> {
  let query = visibleVersions(db, viewer, app.id).selectAll('v');
  if (options.changelog) query = query.where('v.changelog', 'ilike', containsPattern(options.changelog));
  const rows = onePerNumber(viewer, await query.execute()).filter((row) => enabledFor(viewer, row.published));
  rows.sort((a, b) => compareBindistVersions(b.version, a.version));
  return withFiles(db, rows);
}

/** The version of that number the caller sees (enabled or not: callers check that themselves), or 404. */
export async function findVersion(
  db: Db,
  viewer: Viewer,
  app: BindistApp,
  version: string,
): Promise<BindistVersion> {
  const row = await findVisibleVersion(db, viewer, app.id, version);
  if (!row) throw notFound(`Version not found: '${version}' of '${app.applicationId}'`);
  const [found] = await withFiles(db, [row]);
  if (!found) throw notFound(`Version not found: '${version}'`);
  return found;
}

/** The files of versions, each version's in BinDist order (explicit order, then upload order). */
export async function filesOf(
  db: Db,
  versionIds: string[],
): Promise<(BindistFile & { versionId: string })[]> {
  if (versionIds.length === 0) return [];
  const rows = await db
    .selectFrom('artifacts')
    .select([
      'id',
      'version_id',
      'file_name',
      'size',
      'sha256',
      'storage_key',
      'visibility',
      'bindist_file_type',
      'bindist_order',
      'bindist_description',
      'created_at',
    ])
    .where('version_id', 'in', versionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const position = new Map<string, number>();
  const files = rows.map((row) => {
    const next = (position.get(row.version_id) ?? 0) + 1;
    position.set(row.version_id, next);
    return {
      versionId: row.version_id,
      fileId: row.id,
      fileName: row.file_name,
      fileType: row.bindist_file_type ?? fileTypeOf(row.file_name),
      fileSize: Number(row.size),
      checksum: row.sha256,
      order: row.bindist_order ?? next,
      description: row.bindist_description,
      storageKey: row.storage_key,
      visibility: row.visibility,
    };
  });
  return files.sort((a, b) => a.order - b.order);
}

/** The file a download names, or BinDist's default: the first MAIN file, else the first file. 404 if none. */
export async function pickFile(
  db: Db,
  version: BindistVersion,
  fileId: string | undefined,
): Promise<BindistFile> {
  const files = await filesOf(db, [version.id]);
  const file =
    fileId === undefined
      ? (files.find((f) => f.fileType === 'MAIN') ?? files[0])
      : files.find((f) => f.fileId === fileId);
  if (!file)
    throw notFound(
      fileId === undefined ? `Version '${version.version}' has no files` : `File not found: '${fileId}'`,
    );
  return file;
}
