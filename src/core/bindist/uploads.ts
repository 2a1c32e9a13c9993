import { createHash } from 'node:crypto';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { ReleaseWrite } from '../commands/release-write.js';
import { conflict, DomainError, invalid } from '../errors.js';
import { printable } from '../names.js';
import { checkFileName, type ReleaseDeps } from '../releases/upload.js';
import { recordActivity } from './activity.js';
import { type BindistApp, findApp } from './catalog.js';
import type { BindistCaller } from './customer-keys.js';
import { type BindistFileType, fileTypeOf } from './releases.js';
import { bindistVersionId, versionExists } from './version-rules.js';

/**
 * BinDist uploads (small and large) on top of the release pipeline: a `VersionUpload` checks everything first,
 * streams the file through `ReleaseWrite` (temporary key, hashes while streaming, promote and commit in one
 * transaction), and only then adds BinDist's file details and the activity record. A new version starts disabled:
 * the release flow is upload → try it on the Test channel → `PATCH isEnabled=true`.
 */

/** BinDist's small-upload limit (its API Gateway payload), applied to the decoded bytes. */
export const SMALL_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_FILE_NAME = 255;

/**
 * BinDist's file-name rule (NFKC first, then no path, control, quote or shell characters, no Windows device name),
 * then Updraft's own (the name is the last segment of an object key). Returns the normalised name.
 */
export function checkBindistFileName(value: string, field = 'fileName'): string {
  const fail = (problem: string) => invalid(`Validation failed: "${field}" ${problem}`);
  if (value === '') throw fail('is required');
  const name = value.normalize('NFKC');
  const shown = `"${printable(name)}"`;
  if (name.length > MAX_FILE_NAME) throw fail(`must be at most ${MAX_FILE_NAME} characters long`);
  if (/["'<>:|?*]/.test(name)) throw fail(`${shown} contains one of " ' < > : | ? *: rename the file`);
  if (name !== name.trim() || name.endsWith('.')) {
    throw fail(`${shown} starts or ends with a space or ends with ".": rename the file`);
  }
  if (WINDOWS_RESERVED.test(name.split('.')[0] ?? '')) {
    throw fail(`${shown} is a reserved Windows device name: rename the file`);
  }
  return checkFileName(name);
}

/** The fields of a small upload or large-url, in BinDist's names, checked (version and file name by the rules here). */
export interface UploadFields {
  applicationId: string;
  version: string;
  fileName?: string | undefined;
  fileType?: BindistFileType | undefined;
  releaseNotes?: string | null | undefined;
  description?: string | null | undefined;
}

/** The validated target of an upload: a live application and a version it does not have yet. */
export interface UploadTarget {
  app: BindistApp;
  version: string;
  fileName: string | undefined;
  fileType: BindistFileType | undefined;
  releaseNotes: string | undefined;
  description: string | undefined;
}

/** Checks fields, application (404) and version (409, BinDist uploads a version once); stores nothing. */
export async function resolveUploadTarget(
  deps: Pick<ReleaseDeps, 'database'>,
  caller: BindistCaller,
  fields: UploadFields,
): Promise<UploadTarget> {
  const { applicationId, version, fileName, fileType } = fields;
  const releaseNotes = fields.releaseNotes ?? undefined;
  const description = fields.description ?? undefined;
  const { db } = deps.database;
  const app = await findApp(db, caller, applicationId);
  if (await versionExists(db, caller.tenantId, app.id, version)) {
    throw conflict(
      `Version '${version}' already exists for application '${app.applicationId}': upload a new version number`,
    );
  }
  return { app, version, fileName, fileType, releaseNotes, description };
}

/** Who uploads, for the activity log. */
export interface Uploader {
  /** `callerId(caller)`: `admin` or the customer's id. */
  id: string;
  clientIp: string | null;
  userAgent: string | null;
}

/** The answer to a small upload or large-complete (BinDist's fields plus the file's). */
export interface UploadResult {
  message: string;
  versionId: string;
  applicationId: string;
  version: string;
  isEnabled: false;
  fileId: string | null;
  fileName: string | null;
  fileType: BindistFileType | null;
  fileSize: number;
  checksum: string | null;
}

/** Counts and SHA-256-hashes what passes, so the caller can compare it with what the client declared. */
class Measure extends Transform {
  readonly #hash = createHash('sha256');
  size = 0;
  sha256 = '';

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.#hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.sha256 = this.#hash.digest('hex');
    callback();
  }
}

/**
 * One BinDist upload in progress: at most one file, streamed through ReleaseWrite. `discard()` removes whatever was
 * stored; after `commit()` the version exists (disabled) with its file.
 */
export class VersionUpload {
  readonly #write: ReleaseWrite;
  #file: { name: string; type: BindistFileType; size: number; sha256: string } | undefined;

  constructor(
    deps: ReleaseDeps,
    private readonly tenantId: string,
    readonly target: UploadTarget,
  ) {
    const { app } = target;
    this.#write = new ReleaseWrite(deps, {
      tenantId,
      // Private whatever the app's FaynoSync flag: BinDist files are only ever fetched through signed URLs.
      app: { id: app.id, name: app.applicationId, private: true },
      version: target.version,
      channelId: null,
      platformId: null,
      archId: null,
      // The version is new (checked), so it starts unpublished; releaseNotes are its changelog.
      changes: target.releaseNotes === undefined ? {} : { changelog: target.releaseNotes },
      signature: null,
      target: { create: true },
      filesRequired: false,
    });
  }

  /** Streams the file to a temporary key (never into memory); returns its measured size and SHA-256. */
  async addFile(fileName: string, body: Readable): Promise<{ size: number; sha256: string }> {
    if (this.#file) throw invalid('send one file per upload');
    const name = checkBindistFileName(fileName);
    const measure = new Measure();
    // The first error (a broken source, or the store giving up) destroys both streams; addFile reports it.
    pipeline(body, measure, () => undefined);
    await this.#write.addFile({ fileName: name, stream: measure });
    this.#file = {
      name,
      type: this.target.fileType ?? fileTypeOf(name),
      size: measure.size,
      sha256: measure.sha256,
    };
    return { size: measure.size, sha256: measure.sha256 };
  }

  async discard(): Promise<void> {
    await this.#write.discard();
  }

  /**
   * Commits the version and its file, with BinDist's file details and the upload's activity record in the same
   * transaction; the commit bumps the tenant's generation.
   */
  async commit(uploader: Uploader, method: 'direct' | 'large'): Promise<UploadResult> {
    const { app, version } = this.target;
    const file = this.#file;
    let fileId: string | null = null;
    await this.#write.commit(async (trx, versionDbId) => {
      if (file) {
        const row = await trx
          .updateTable('artifacts')
          .set({
            bindist_file_type: file.type,
            bindist_order: 1,
            bindist_description: this.target.description ?? null,
          })
          .where('tenant_id', '=', this.tenantId)
          .where('version_id', '=', versionDbId)
          .where('file_name', '=', file.name)
          .returning('id')
          .executeTakeFirst();
        fileId = row?.id ?? null;
      }
      await recordActivity(trx, {
        tenantId: this.tenantId,
        type: 'upload',
        appId: app.id,
        version,
        fileId,
        fileName: file?.name ?? null,
        fileSize: file?.size ?? 0,
        customerId: uploader.id,
        method,
        clientIp: uploader.clientIp,
        userAgent: uploader.userAgent,
      });
    });
    return {
      message: 'Upload successful',
      versionId: bindistVersionId(app.applicationId, version),
      applicationId: app.applicationId,
      version,
      isEnabled: false,
      fileId,
      fileName: file?.name ?? null,
      fileType: file?.type ?? null,
      fileSize: file?.size ?? 0,
      checksum: file?.sha256 ?? null,
    };
  }
}

/**
 * Base64 of the JSON small upload: the standard or URL-safe alphabet, padded or not, line breaks ignored. The
 * decoded size is worked out from the length first, so an oversized body is refused before it is decoded.
 */
function decodeFileContent(value: string): Buffer {
  const text = value.replace(/\s+/g, '');
  if (text === '') throw invalid("fileContent is empty: send the file's bytes as base64");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) {
    throw invalid("fileContent is not valid base64: encode the file's bytes with standard base64");
  }
  const unpadded = text.replace(/=+$/, '').length;
  const size = Math.floor((unpadded * 3) / 4);
  if (size > SMALL_UPLOAD_MAX_BYTES) throw tooLargeForSmallUpload();
  return Buffer.from(text, 'base64');
}

export function tooLargeForSmallUpload(): DomainError {
  return new DomainError(
    'too_large',
    `the file is larger than the small-upload limit of ${SMALL_UPLOAD_MAX_BYTES / (1024 * 1024)} MB: use the large upload (POST /v1/management/upload/large-url)`,
  );
}

/** The JSON small upload (the SDKs' form): fields and base64 content, decoded and checked before anything is stored. */
export async function uploadJson(
  deps: ReleaseDeps,
  caller: BindistCaller,
  uploader: Uploader,
  input: UploadFields & { fileContent?: string | null | undefined },
): Promise<UploadResult> {
  const { fileContent, ...fields } = input;
  const content =
    fileContent === undefined || fileContent === null ? undefined : decodeFileContent(fileContent);
  const target = await resolveUploadTarget(deps, caller, fields);
  if (content && !target.fileName)
    throw invalid('fileName is required with fileContent, e.g. "my-app-1.0.0.exe"');
  if (!content && target.fileName) {
    throw invalid("fileContent is required with fileName: send the file's bytes as base64");
  }
  const upload = new VersionUpload(deps, caller.tenantId, target);
  try {
    if (content && target.fileName) await upload.addFile(target.fileName, Readable.from([content]));
    return await upload.commit(uploader, 'direct');
  } catch (err) {
    await upload.discard();
    throw err;
  }
}
