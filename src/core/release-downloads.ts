import type { Db } from '../db/connect.js';
import type { ArtifactStore } from '../storage/types.js';
import type { Actor } from './auth/actor.js';
import { grants } from './download-access.js';
import { hashDownloadToken, MAX_DOWNLOAD_TOKEN_LENGTH } from './download-tokens.js';
import { invalid, notFound, unauthorized } from './errors.js';
import { notAllowed, requirePermission } from './permissions.js';
import { clientViewer, managerViewer, mayView, mayViewArtifact, releaseVisible } from './visibility.js';

/** What a download link needs; an AppContext is one. */
export interface DownloadDeps {
  database: { db: Db };
  store: ArtifactStore;
  config: { signedUrlTtlSeconds: number };
}

/** S3's key limit: nothing longer can name an object, so it is refused before the look-up. */
const MAX_KEY_LENGTH = 1024;

function parseKey(value: unknown): string {
  if (value === undefined || value === '') {
    throw invalid("key is required: pass the artifact's storage key as ?key=, as given in its download link");
  }
  if (typeof value !== 'string') throw invalid('key must be given once, as a single string');
  if (value.length > MAX_KEY_LENGTH) throw invalid(`key must be at most ${MAX_KEY_LENGTH} characters long`);
  return value;
}

/**
 * The URL that lets the caller fetch one artifact of its tenant: a signed, short-lived URL for a private object,
 * the plain public URL for a public one. The key is looked up among the caller's own artifacts first, so a key
 * of another tenant (or an object that is no artifact at all, such as a logo or a pending upload) is never
 * signed: FaynoSync signed any key for any authenticated user.
 */
export async function downloadUrl(deps: DownloadDeps, actor: Actor, key: unknown): Promise<string> {
  requirePermission(actor, 'apps', 'download');
  const storageKey = parseKey(key);
  const { db } = deps.database;
  const artifact = await db
    .selectFrom('artifacts as ar')
    .innerJoin('versions as v', 'v.id', 'ar.version_id')
    .innerJoin('apps as p', 'p.id', 'v.app_id')
    .select([
      'v.app_id',
      'v.channel_id',
      'v.is_active',
      'v.published',
      'p.deleted_at',
      'ar.platform_id',
      'ar.arch_id',
      'ar.file_name',
      'ar.visibility',
    ])
    .where('ar.tenant_id', '=', actor.tenantId)
    .where('ar.storage_key', '=', storageKey)
    .limit(1)
    .executeTakeFirst();
  if (!artifact) throw notFound('file not found');
  // Not allowed the app at all: FaynoSync's 403. Anything else the caller may not see is as missing as no file.
  const viewer = await managerViewer(db, actor);
  if (viewer.limits.apps && !viewer.limits.apps.includes(artifact.app_id)) throw notAllowed(actor, 'apps');
  const release = {
    appId: artifact.app_id,
    appDeleted: artifact.deleted_at !== null,
    active: artifact.is_active,
    published: artifact.published,
    channelId: artifact.channel_id,
  };
  const file = { platformId: artifact.platform_id, archId: artifact.arch_id };
  if (!mayView(viewer, release) || !mayViewArtifact(viewer, file)) throw notFound('file not found');
  return urlOf(deps, storageKey, artifact);
}

function urlOf(
  deps: DownloadDeps,
  storageKey: string,
  artifact: { visibility: 'public' | 'private'; file_name: string },
): Promise<string> | string {
  if (artifact.visibility === 'public') return deps.store.publicUrl(storageKey);
  return deps.store.signedUrl(storageKey, deps.config.signedUrlTtlSeconds, {
    downloadName: artifact.file_name,
  });
}

/**
 * The URL for the holder of a download token (`X-Download-Token`): files of the token's app (and channel, if the
 * token names one) only. A token that is unknown, replaced or revoked is a 401; a key the token does not cover is
 * the same 404 as a key that does not exist, so a token cannot be used to probe for other apps' files.
 */
export async function downloadUrlForToken(deps: DownloadDeps, token: string, key: unknown): Promise<string> {
  const storageKey = parseKey(key);
  const { db } = deps.database;
  const grant =
    token.length > 0 && token.length <= MAX_DOWNLOAD_TOKEN_LENGTH
      ? await db
          .selectFrom('download_tokens')
          .select(['tenant_id', 'app_id', 'channel_id'])
          .where('token_hash', '=', hashDownloadToken(token))
          .executeTakeFirst()
      : undefined;
  if (!grant) {
    throw unauthorized(
      "invalid download token: it was revoked or replaced; ask the app's admin for the current one (POST /download-tokens/regenerate)",
    );
  }
  const rows = await db
    .selectFrom('artifacts as a')
    .innerJoin('versions as v', 'v.id', 'a.version_id')
    .select(['v.app_id', 'v.channel_id', 'a.file_name', 'a.visibility'])
    .where('a.tenant_id', '=', grant.tenant_id)
    .where('a.storage_key', '=', storageKey)
    .where('v.app_id', '=', grant.app_id)
    // A token is a shipped app's: it fetches what update clients are offered (core/visibility.ts).
    .where(releaseVisible(clientViewer(grant.tenant_id)))
    .execute();
  const covered = rows.find((a) =>
    grants({ appId: grant.app_id, channelId: grant.channel_id }, a.app_id, a.channel_id),
  );
  if (!covered) throw notFound('file not found');
  return urlOf(deps, storageKey, covered);
}

/**
 * The URL for a caller with no credentials at all: only files of private apps whose download mode is `unlisted`
 * (anyone with the link). Anything else is refused exactly as a request without credentials always was, so the
 * answer tells nothing about whether the key exists.
 */
export async function downloadUrlForAnyone(
  deps: DownloadDeps,
  key: unknown,
  refuse: () => never,
): Promise<string> {
  let storageKey: string;
  try {
    storageKey = parseKey(key);
  } catch {
    refuse();
  }
  // No tenant to scope by: the key is all the caller has. The join keeps the artifact and its app in one tenant.
  const artifact = await deps.database.db
    .selectFrom('artifacts as a')
    .innerJoin('versions as v', 'v.id', 'a.version_id')
    .innerJoin('apps as p', (join) =>
      join.onRef('p.id', '=', 'v.app_id').onRef('p.tenant_id', '=', 'a.tenant_id'),
    )
    .select([
      'a.tenant_id',
      'a.file_name',
      'a.visibility',
      'v.app_id',
      'v.channel_id',
      'v.is_active',
      'v.published',
      'p.deleted_at',
    ])
    .where('a.storage_key', '=', storageKey)
    .where('p.private', '=', true)
    .where('p.download_mode', '=', 'unlisted')
    .limit(1)
    .executeTakeFirst();
  // The link is an update client's: only what update clients are offered (core/visibility.ts).
  const offered =
    artifact !== undefined &&
    mayView(clientViewer(artifact.tenant_id), {
      appId: artifact.app_id,
      appDeleted: artifact.deleted_at !== null,
      active: artifact.is_active,
      published: artifact.published,
      channelId: artifact.channel_id,
    });
  if (!offered) refuse();
  return urlOf(deps, storageKey, artifact);
}
