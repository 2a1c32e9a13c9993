import { randomBytes } from 'node:crypto';
import { PROCESS_TAG } from '../../storage/process-tag.js';

/** Stands for "no channel / platform / arch" in a key: ids are 24 hex characters, so it can never be one. */
const NONE = '_';

export const TEMPORARY_PREFIX = 'tmp/';

/**
 * The first key segments Updraft writes objects under (release files, uploads in progress, logos, report details,
 * edge answers, BinDist large uploads). A key an import keeps from another server must start with none of them.
 */
export const UPDRAFT_KEY_ROOTS: readonly string[] = [
  'releases',
  'tmp',
  'logos',
  'reports',
  'responses',
  'bindist-uploads',
];

export interface ReleaseKeyParts {
  tenantId: string;
  appId: string;
  channelId: string | null;
  /** The normalised version text. */
  version: string;
  platformId: string | null;
  archId: string | null;
  fileName: string;
}

/**
 * Where an artifact lives: `releases/{tenant}/{app}/{channel}/{version}/{platform}/{arch}/{file}`. Ids, not names,
 * so a rename never strands a file. The version is a path segment of its own because electron-updater finds the
 * previous release's blockmap by replacing the version string in the new file's URL.
 */
export function releaseKey(parts: ReleaseKeyParts): string {
  return [
    'releases',
    parts.tenantId,
    parts.appId,
    parts.channelId ?? NONE,
    parts.version,
    parts.platformId ?? NONE,
    parts.archId ?? NONE,
    parts.fileName,
  ].join('/');
}

/** A fresh key for a file still being received: `tmp/{writer}/{random}`, the writer being this process. */
export function temporaryKey(): string {
  return `${TEMPORARY_PREFIX}${PROCESS_TAG}/${randomBytes(16).toString('hex')}`;
}

/** The tag of the process that wrote a temporary key ('' when the key has none). */
export function temporaryKeyWriter(key: string): string {
  return key.slice(TEMPORARY_PREFIX.length).split('/')[0] ?? '';
}
