import { randomBytes } from 'node:crypto';
import { hashApiToken } from '../auth/api-tokens.js';
import { type BindistApp, findApp } from '../bindist/catalog.js';
import { type BindistCaller, callerId } from '../bindist/customer-keys.js';
import type { DownloadDeps } from '../bindist/download-links.js';
import {
  type BindistFile,
  type BindistVersion,
  findVersion,
  pickFile,
  viewerOf,
} from '../bindist/releases.js';
import { requireTier } from '../bindist/tiers.js';
import { newId } from '../ids.js';

/** A share link's lifetime in minutes when none is asked for (the route's schema allows 5 to 1440). */
const DEFAULT_SHARE_MINUTES = 30;

export interface CreatedShareLink {
  token: string;
  expiresAt: Date;
  expiresInMinutes: number;
  app: BindistApp;
  version: BindistVersion;
  file: BindistFile;
}

/** 12 random bytes as 16 base64url characters, BinDist's share token. */
function newShareToken(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * `POST /downloads/share`: a public link to one file, valid 5–1440 minutes (default 30). The minutes come as
 * `expiresInMinutes` (docs, server) or `expiresMinutes` (SDKs). Like BinDist, `isEnabled` is not checked, but
 * the app must be entitled, the version active and the tier sufficient. Only the token's hash is stored.
 * No generation to bump: /v1 reads its customers, keys and share links from the database on every request.
 */
export async function createShareLink(
  deps: DownloadDeps,
  caller: BindistCaller,
  input: {
    applicationId: string;
    version: string;
    fileId?: string | undefined;
    expiresInMinutes?: number | undefined;
    expiresMinutes?: number | undefined;
  },
  now = new Date(),
): Promise<CreatedShareLink> {
  const { db } = deps.database;
  const { applicationId, version: versionText, fileId } = input;
  const minutes = input.expiresInMinutes ?? input.expiresMinutes ?? DEFAULT_SHARE_MINUTES;
  const app = await findApp(db, caller, applicationId);
  // Production's view (no Test channel): a link is followed later without headers, and must find the same version.
  const version = await findVersion(db, await viewerOf(db, caller, false), app, versionText);
  requireTier(caller, version.minTier);
  const file = await pickFile(db, version, fileId);
  const token = newShareToken();
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await db
    .insertInto('bindist_share_links')
    .values({
      id: newId(),
      tenant_id: caller.tenantId,
      token_hash: hashApiToken(token),
      token_prefix: token.slice(0, 6),
      app_id: app.id,
      version_id: version.id,
      artifact_id: file.fileId,
      customer_id: callerId(caller),
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt, expiresInMinutes: minutes, app, version, file };
}
