import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ArtifactStore } from '../../storage/types.js';
import { hashApiToken } from '../auth/api-tokens.js';
import { DomainError, forbidden } from '../errors.js';
import { enabledFor } from '../visibility.js';
import { type Origin, recordActivity } from './activity.js';
import { type BindistApp, findApp } from './catalog.js';
import { type BindistCaller, callerId } from './customer-keys.js';
import { type BindistFile, type BindistVersion, findVersion, pickFile, viewerOf } from './releases.js';
import { requireTier } from './tiers.js';

/**
 * Download URLs and share links followed on the /v1 face (commands/create-share-link.ts makes the links). A download
 * is recorded (activity row, `downloadCount + 1`) each time a URL is issued, for a download-URL request or a share
 * link followed, as BinDist does; the bytes then come straight from storage through a pre-signed URL that needs no
 * credentials.
 */

/** BinDist's pre-signed URL lifetime. */
export const DOWNLOAD_URL_TTL_SECONDS = 30 * 60;

export interface DownloadDeps {
  database: { db: Db };
  store: ArtifactStore;
}

export interface IssuedDownload {
  downloadId: string;
  url: string;
  expiresAt: Date;
  app: BindistApp;
  version: BindistVersion;
  file: BindistFile;
}

async function signedUrl(store: ArtifactStore, file: BindistFile): Promise<string> {
  if (file.visibility === 'public') return store.publicUrl(file.storageKey);
  return store.signedUrl(file.storageKey, DOWNLOAD_URL_TTL_SECONDS, { downloadName: file.fileName });
}

/** Issues the URL and records the download in one place, for both the API and a share link. */
async function issue(
  deps: DownloadDeps,
  input: {
    tenantId: string;
    customerId: string;
    app: BindistApp;
    version: BindistVersion;
    file: BindistFile;
    method: 'api' | 'share';
    shareTokenPrefix?: string;
    origin: Origin;
  },
): Promise<IssuedDownload> {
  const { db } = deps.database;
  const url = await signedUrl(deps.store, input.file);
  const expiresAt = new Date(Date.now() + DOWNLOAD_URL_TTL_SECONDS * 1000);
  const downloadId = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('versions')
      .set({ download_count: sql`download_count + 1` })
      .where('id', '=', input.version.id)
      .execute();
    return recordActivity(trx, {
      tenantId: input.tenantId,
      type: 'download',
      appId: input.app.id,
      version: input.version.version,
      fileId: input.file.fileId,
      fileName: input.file.fileName,
      fileSize: input.file.fileSize,
      customerId: input.customerId,
      method: input.method,
      shareTokenPrefix: input.shareTokenPrefix ?? null,
      ...input.origin,
    });
  });
  return { downloadId, url, expiresAt, app: input.app, version: input.version, file: input.file };
}

/**
 * `GET /downloads/url`: a 30-minute URL for a file of an entitled, active version. A disabled version needs the
 * Test channel (else 403), and a version with a minimum tier needs a customer at that tier (else 403).
 */
export async function downloadUrl(
  deps: DownloadDeps,
  caller: BindistCaller,
  query: { applicationId: string; version: string; fileId?: string | undefined },
  options: { testChannel: boolean; origin: Origin },
): Promise<IssuedDownload> {
  const { db } = deps.database;
  const { applicationId, version: versionText, fileId } = query;
  const app = await findApp(db, caller, applicationId);
  const viewer = await viewerOf(db, caller, options.testChannel);
  const version = await findVersion(db, viewer, app, versionText);
  if (!enabledFor(viewer, version.isEnabled))
    throw forbidden(`Version '${version.version}' is not enabled for download`);
  requireTier(caller, version.minTier);
  const file = await pickFile(db, version, fileId);
  return issue(deps, {
    tenantId: caller.tenantId,
    customerId: callerId(caller),
    app,
    version,
    file,
    method: 'api',
    origin: options.origin,
  });
}

/** What following a share link gives: a fresh URL, or why not. */
export type ShareResolution =
  | { kind: 'redirect'; download: IssuedDownload }
  | { kind: 'not_found' }
  | { kind: 'expired' };

/**
 * Follows a share link (public, no credentials): unknown token, or a version its creator no longer sees (app
 * deleted or unlinked, version inactive or moved out of the production view, see core/visibility.ts) → not found;
 * past its expiry → expired; else a fresh pre-signed URL, recorded as a `share` download of the link's creator.
 */
export async function followShareLink(
  deps: DownloadDeps,
  token: string,
  origin: Origin,
  now = new Date(),
): Promise<ShareResolution> {
  const { db } = deps.database;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return { kind: 'not_found' };
  const link = await db
    .selectFrom('bindist_share_links as s')
    .innerJoin('apps as a', 'a.id', 's.app_id')
    .innerJoin('versions as v', 'v.id', 's.version_id')
    .select([
      's.tenant_id',
      's.customer_id',
      's.artifact_id',
      's.token_prefix',
      's.expires_at',
      's.version_id',
      'a.name',
      'v.version',
    ])
    .where('s.token_hash', '=', hashApiToken(token))
    .executeTakeFirst();
  if (!link) return { kind: 'not_found' };
  if (link.expires_at.getTime() <= now.getTime()) return { kind: 'expired' };
  try {
    // A link lives only as long as its creator's access: it acts as that customer, now, so a customer disabled,
    // deleted, unlinked from the app or moved to a lower tier takes its links down with it.
    const reader = await linkCreator(db, link.tenant_id, link.customer_id);
    if (!reader) return { kind: 'not_found' };
    const app = await findApp(db, reader, link.name);
    const version = await findVersion(db, await viewerOf(db, reader, false), app, link.version);
    // The number now shows another row (say a channel-less upload beside the linked channel's): not this link's file.
    if (version.id !== link.version_id) return { kind: 'not_found' };
    requireTier(reader, version.minTier);
    const file = await pickFile(db, version, link.artifact_id);
    const download = await issue(deps, {
      tenantId: link.tenant_id,
      customerId: link.customer_id,
      app,
      version,
      file,
      method: 'share',
      shareTokenPrefix: link.token_prefix,
      origin,
    });
    return { kind: 'redirect', download };
  } catch (err) {
    if (err instanceof DomainError && (err.kind === 'not_found' || err.kind === 'forbidden'))
      return { kind: 'not_found' };
    throw err;
  }
}

/** The caller a share link acts as: its tenant's admin view for the admin's links, else its customer if active. */
async function linkCreator(db: Db, tenantId: string, customerId: string): Promise<BindistCaller | undefined> {
  if (customerId === 'admin') return { kind: 'admin', tenantId, keyId: 'share-link' };
  const customer = await db
    .selectFrom('bindist_customers')
    .select(['id', 'tier'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', customerId)
    .where('active', '=', true)
    .executeTakeFirst();
  return customer && { kind: 'customer', tenantId, customerId: customer.id, tier: customer.tier };
}
