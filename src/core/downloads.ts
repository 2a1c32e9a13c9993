import type { Db } from '../db/connect.js';
import type { ArtifactStore } from '../storage/types.js';
import type { Actor } from './auth/actor.js';
import { invalid, notFound } from './errors.js';
import { requireAllowed, requirePermission } from './permissions.js';

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
    .selectFrom('artifacts as a')
    .innerJoin('versions as v', 'v.id', 'a.version_id')
    .select(['v.app_id', 'a.file_name', 'a.visibility'])
    .where('a.tenant_id', '=', actor.tenantId)
    .where('a.storage_key', '=', storageKey)
    .limit(1)
    .executeTakeFirst();
  if (!artifact) throw notFound('file not found');
  await requireAllowed(db, actor, 'apps', artifact.app_id);
  if (artifact.visibility === 'public') return deps.store.publicUrl(storageKey);
  return deps.store.signedUrl(storageKey, deps.config.signedUrlTtlSeconds, {
    downloadName: artifact.file_name,
  });
}
