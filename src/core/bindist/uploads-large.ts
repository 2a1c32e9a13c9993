import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { ObjectTooLargeError } from '../../storage/types.js';
import { conflict, DomainError, forbidden, invalid, notFound } from '../errors.js';
import { printable } from '../names.js';
import { type ReleaseDeps, removeObject } from '../releases/upload.js';
import { findApp } from './catalog.js';
import { type BindistCaller, callerId } from './customer-keys.js';
import { fileTypeOf } from './releases.js';
import { resolveUploadTarget, type Uploader, type UploadResult, VersionUpload } from './uploads.js';
import { bindistVersionId } from './version-rules.js';

/**
 * BinDist's three-step large upload. `large-url` opens a session (what the client declared, where the bytes go, until
 * when) and answers with a URL that needs no API key: with S3 a presigned PUT straight to the bucket, with the local
 * driver a signed Updraft URL (`/v1/uploads/{tenant}/{uploadId}`) that streams to storage. The bytes land at the
 * session's own private key, never at a release's. `large-complete` then checks that the object is there with the
 * declared size and SHA-256 and makes it a disabled version through the release pipeline; a mismatch publishes
 * nothing and removes the object. A session publishes at most once; completing it again with the same fields answers
 * what the first completion answered (read back from the database), so a client that timed out can retry.
 */

/** What the large upload needs; an AppContext is one. */
export interface LargeUploadDeps extends ReleaseDeps {
  config: ReleaseDeps['config'] & { apiUrl: string; jwtSecret: string };
}

/** BinDist's presigned URLs live 30 minutes. */
export const UPLOAD_URL_TTL_SECONDS = 30 * 60;
/** A PUT that started before the URL expired may run long: the session can be completed for a day after. */
const SESSION_GRACE_MS = 24 * 60 * 60 * 1000;
const STORAGE_PREFIX = 'bindist-uploads';

/** The local driver's upload URLs are signed with their own key, derived so that it never equals the JWT secret. */
function signingKey(jwtSecret: string): Buffer {
  return createHmac('sha256', jwtSecret).update('updraft:bindist-upload-url').digest();
}

/** The signature of a local upload URL: it binds the tenant, the session and the expiry time (Unix seconds). */
export function signUploadUrl(
  jwtSecret: string,
  tenantId: string,
  uploadId: string,
  expires: string,
): string {
  return createHmac('sha256', signingKey(jwtSecret))
    .update(`${tenantId}/${uploadId}\n${expires}`)
    .digest('base64url');
}

/** Forgets sessions that can no longer be completed, and whatever their PUTs stored. Per tenant, as every query. */
async function sweepSessions(deps: LargeUploadDeps, tenantId: string): Promise<void> {
  const { db } = deps.database;
  const stale = await db
    .selectFrom('bindist_upload_sessions')
    .select(['id', 'storage_key'])
    .where('tenant_id', '=', tenantId)
    .where('expires_at', '<', new Date(Date.now() - SESSION_GRACE_MS))
    .limit(100)
    .execute();
  const removed: string[] = [];
  for (const session of stale) {
    if (await removeObject(deps, session.storage_key, 'private')) removed.push(session.id);
  }
  if (removed.length > 0) {
    await db
      .deleteFrom('bindist_upload_sessions')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', removed)
      .execute();
  }
}

export interface LargeUploadUrl {
  uploadId: string;
  uploadUrl: string;
  expiresAt: string;
  method: 'PUT';
  headers: { 'Content-Type': string };
}

/** POST /management/upload/large-url: checks the upload as a small one would be checked, then opens a session. */
export async function openLargeUpload(
  deps: LargeUploadDeps,
  caller: BindistCaller,
  input: {
    applicationId: string;
    version: string;
    fileName: string;
    fileSize: number;
    contentType: string;
    checksum?: string | undefined;
  },
): Promise<LargeUploadUrl> {
  const { tenantId } = caller;
  const { fileSize, contentType, checksum } = input;
  const limit = deps.config.uploadMaxBytes;
  if (fileSize > limit) {
    throw new DomainError(
      'too_large',
      `fileSize ${fileSize} is larger than this server's upload limit of ${limit} bytes (UPLOAD_MAX_BYTES)`,
    );
  }
  const target = await resolveUploadTarget(deps, caller, {
    applicationId: input.applicationId,
    version: input.version,
    fileName: input.fileName,
  });
  await sweepSessions(deps, tenantId);
  const uploadId = randomUUID();
  const storageKey = `${STORAGE_PREFIX}/${tenantId}/${uploadId}`;
  const expiresAt = new Date(Date.now() + UPLOAD_URL_TTL_SECONDS * 1000);
  await deps.database.db
    .insertInto('bindist_upload_sessions')
    .values({
      id: uploadId,
      tenant_id: tenantId,
      app_id: target.app.id,
      version: target.version,
      file_name: target.fileName ?? '',
      file_size: fileSize,
      content_type: contentType,
      checksum: checksum ?? null,
      storage_key: storageKey,
      created_by: callerId(caller),
      expires_at: expiresAt,
    })
    .execute();
  const uploadUrl = deps.store.signedPutUrl
    ? await deps.store.signedPutUrl(storageKey, UPLOAD_URL_TTL_SECONDS)
    : localUploadUrl(deps.config, tenantId, uploadId, expiresAt);
  return {
    uploadId,
    uploadUrl,
    expiresAt: expiresAt.toISOString(),
    method: 'PUT',
    headers: { 'Content-Type': contentType },
  };
}

function localUploadUrl(
  config: { apiUrl: string; jwtSecret: string },
  tenantId: string,
  uploadId: string,
  expiresAt: Date,
): string {
  const expires = String(Math.floor(expiresAt.getTime() / 1000));
  const query = new URLSearchParams({
    expires,
    signature: signUploadUrl(config.jwtSecret, tenantId, uploadId, expires),
  });
  return `${config.apiUrl.replace(/\/+$/, '')}/v1/uploads/${encodeURIComponent(tenantId)}/${uploadId}?${query}`;
}

function session(db: Db, tenantId: string, uploadId: string) {
  return db
    .selectFrom('bindist_upload_sessions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', uploadId)
    .executeTakeFirst();
}

const UNKNOWN_SESSION = (uploadId: string) =>
  notFound(`Upload '${printable(uploadId)}' not found: request an upload URL with large-url first`);
const COMPLETED = (uploadId: string) =>
  conflict(`Upload '${uploadId}' was already completed: request a new upload URL with large-url`);
const IN_PROGRESS = (uploadId: string) =>
  conflict(`Upload '${uploadId}' is being completed by another request: retry shortly to get its result`);
const SPENT = (uploadId: string) =>
  conflict(
    `Upload '${uploadId}' was already completed, but the version and file it would have created do not exist ` +
      '(the completion failed, or they were deleted since): request a new upload URL with large-url',
  );
const OTHER_FIELDS = (uploadId: string, fields: string[]) =>
  conflict(
    `Upload '${uploadId}' was already completed with another ${fields.join(', ')}: a retry must send the same ` +
      'fields; for another upload request a new upload URL with large-url',
  );

/** The query of a local upload URL; anything missing or altered is the same refusal. */
export interface SignedUploadQuery {
  expires?: string | undefined;
  signature?: string | undefined;
}

/** Checks a local upload URL: genuine (HMAC) and not expired, before a byte of the body is read. */
export function verifyUploadUrl(
  jwtSecret: string,
  tenantId: string,
  uploadId: string,
  query: SignedUploadQuery,
): void {
  const { expires, signature } = query;
  const refused = forbidden('this upload URL is invalid: use the uploadUrl exactly as large-url returned it');
  if (expires === undefined || signature === undefined || !/^\d{1,12}$/.test(expires)) throw refused;
  const expected = Buffer.from(signUploadUrl(jwtSecret, tenantId, uploadId, expires));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused;
  if (Number(expires) * 1000 < Date.now()) {
    throw forbidden('this upload URL has expired: request a new one with large-url');
  }
}

/**
 * The PUT to a local upload URL (after verifyUploadUrl): streams the body to the session's key, never past the
 * declared size, and refuses a body of another size (or another declared checksum), leaving no object behind.
 */
export async function receiveLargeUpload(
  deps: LargeUploadDeps,
  tenantId: string,
  uploadId: string,
  body: Readable,
  contentLength: number | undefined,
): Promise<{ size: number; sha256: string }> {
  const row = await session(deps.database.db, tenantId, uploadId);
  if (!row) throw UNKNOWN_SESSION(uploadId);
  if (row.completed_at) throw COMPLETED(uploadId);
  const declared = Number(row.file_size);
  if (contentLength !== undefined && contentLength !== declared) {
    throw invalid(
      `Content-Length is ${contentLength} but fileSize was declared as ${declared}: send exactly the file declared with large-url`,
    );
  }
  let result: { size: number; sha256: string };
  try {
    result = await deps.store.put(row.storage_key, body, {
      visibility: 'private',
      contentType: row.content_type,
      maxBytes: declared,
    });
  } catch (err) {
    if (err instanceof ObjectTooLargeError) {
      throw new DomainError(
        'too_large',
        `the body is larger than the declared fileSize of ${declared} bytes: send exactly the file declared with large-url`,
      );
    }
    throw err;
  }
  if (result.size !== declared || (row.checksum !== null && row.checksum !== result.sha256)) {
    await removeObject(deps, row.storage_key, 'private');
    throw invalid(
      result.size !== declared
        ? `received ${result.size} bytes but fileSize was declared as ${declared}: send exactly the file declared with large-url`
        : `the body's SHA-256 is ${result.sha256}, not the declared ${row.checksum}: send the file declared with large-url`,
    );
  }
  return result;
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof session>>>;

/**
 * large-complete for a session that was already claimed, with the same fields: the answer of the completion that
 * published it, read back from the version and file it created (same tenant, app, version and file name, the
 * declared size, and the SHA-256 declared at either step). Without them, the completion is still running (the
 * uploaded object is kept until it ends) or it did not publish, or what it published was deleted: 409.
 */
async function completedResult(
  deps: LargeUploadDeps,
  applicationId: string,
  row: SessionRow,
  checksum: string | undefined,
): Promise<UploadResult> {
  const { db } = deps.database;
  let query = db
    .selectFrom('versions as v')
    .innerJoin('artifacts as f', 'f.version_id', 'v.id')
    .select(['f.id', 'f.file_name', 'f.size', 'f.sha256', 'f.bindist_file_type'])
    .where('v.tenant_id', '=', row.tenant_id)
    .where('f.tenant_id', '=', row.tenant_id)
    .where('v.app_id', '=', row.app_id)
    .where('v.channel_id', 'is', null)
    .where('v.version', '=', row.version)
    .where('f.file_name', '=', row.file_name)
    .where('f.size', '=', row.file_size);
  if (row.checksum !== null) query = query.where('f.sha256', '=', row.checksum);
  const file = await query.orderBy('f.created_at').executeTakeFirst();
  if (!file) {
    const pending = await deps.store.head(row.storage_key, 'private');
    throw pending ? IN_PROGRESS(row.id) : SPENT(row.id);
  }
  if (checksum !== undefined && file.sha256 !== checksum) throw OTHER_FIELDS(row.id, ['checksum']);
  return {
    message: 'Upload successful',
    versionId: bindistVersionId(applicationId, row.version),
    applicationId,
    version: row.version,
    isEnabled: false,
    fileId: file.id,
    fileName: file.file_name,
    fileType: file.bindist_file_type ?? fileTypeOf(file.file_name),
    fileSize: Number(file.size),
    checksum: file.sha256,
  };
}

/**
 * POST /management/upload/large-complete. The body must repeat what large-url declared. The session is claimed
 * (completed) before the bytes are read, so two completes cannot both publish; from then on a mismatch, or any
 * refusal, removes the uploaded object and the session stays spent. A server fault gives the claim back instead,
 * so the same upload can be completed again. Completing a claimed session again is idempotent: the same fields
 * answer what the published version and file are (see completedResult), other fields answer 409.
 */
export async function completeLargeUpload(
  deps: LargeUploadDeps,
  caller: BindistCaller,
  uploader: Uploader,
  input: {
    uploadId: string;
    applicationId: string;
    version: string;
    fileName: string;
    fileSize: number;
    checksum?: string | undefined;
    releaseNotes?: string | null | undefined;
  },
): Promise<UploadResult> {
  const { tenantId } = caller;
  const { db } = deps.database;
  const { uploadId, version, fileName, fileSize, checksum, releaseNotes } = input;
  const app = await findApp(db, caller, input.applicationId);
  const row = await session(db, tenantId, uploadId);
  if (!row || row.expires_at.getTime() + SESSION_GRACE_MS < Date.now()) throw UNKNOWN_SESSION(uploadId);
  const declared = Number(row.file_size);
  const differs = [
    row.app_id !== app.id && 'applicationId',
    row.version !== version && 'version',
    row.file_name !== fileName && 'fileName',
    declared !== fileSize && 'fileSize',
    row.checksum !== null && checksum !== undefined && row.checksum !== checksum && 'checksum',
  ].filter((field): field is string => typeof field === 'string');
  if (row.completed_at) {
    if (differs.length > 0) throw OTHER_FIELDS(uploadId, differs);
    return await completedResult(deps, app.applicationId, row, checksum);
  }
  if (differs.length > 0) {
    throw invalid(`${differs.join(', ')} must be the same as sent to large-url for upload '${uploadId}'`);
  }
  const info = await deps.store.head(row.storage_key, 'private');
  if (!info)
    throw invalid(`nothing was uploaded for upload '${uploadId}' yet: PUT the file to its uploadUrl first`);
  const claimed = await db
    .updateTable('bindist_upload_sessions')
    .set({ completed_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', uploadId)
    .where('completed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  // Another request claimed it between the read and the claim: it is publishing now.
  if (!claimed) throw IN_PROGRESS(uploadId);
  const expected = checksum ?? row.checksum ?? undefined;
  try {
    if (info.size !== declared) {
      throw invalid(
        `the uploaded file has ${info.size} bytes but fileSize is ${declared}: nothing was published; upload again with large-url`,
      );
    }
    const target = await resolveUploadTarget(deps, caller, {
      applicationId: app.applicationId,
      version,
      fileName,
      releaseNotes,
    });
    const upload = new VersionUpload(deps, tenantId, target);
    try {
      const measured = await upload.addFile(fileName, await deps.store.get(row.storage_key, 'private'));
      if (measured.size !== declared) {
        throw invalid(
          `the uploaded file has ${measured.size} bytes but fileSize is ${declared}: nothing was published; upload again with large-url`,
        );
      }
      if (expected !== undefined && measured.sha256 !== expected) {
        throw invalid(
          `checksum mismatch: the uploaded file's SHA-256 is ${measured.sha256}, not ${expected}; nothing was published, upload again with large-url`,
        );
      }
      const result = await upload.commit(uploader, 'large');
      await removeObject(deps, row.storage_key, 'private');
      return result;
    } catch (err) {
      await upload.discard();
      throw err;
    }
  } catch (err) {
    if (err instanceof DomainError) {
      await removeObject(deps, row.storage_key, 'private');
    } else {
      await db
        .updateTable('bindist_upload_sessions')
        .set({ completed_at: null })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', uploadId)
        .execute()
        .catch((e: unknown) =>
          deps.logger.warn({ err: e, uploadId }, 'could not reopen a large upload session'),
        );
    }
    throw err;
  }
}
