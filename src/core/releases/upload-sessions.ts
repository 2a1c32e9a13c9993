import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { printable } from '../names.js';

/**
 * Resumable upload sessions (tus 1.0): a session's bytes wait in a file of its own under DATA_DIR, its offset in the
 * database, until a release write (`uploads` in FaynoSync's `data`) takes the file over through the same pipeline as
 * a streamed file part. Nothing in a session is visible to any face before that commit.
 */

/** What the sessions need; an AppContext is one. */
export interface UploadSessionDeps {
  database: { db: Db };
  logger: Logger;
  config: { dataDir: string; uploadMaxBytes: number; uploadSessionTtlSeconds: number };
}

/** 128 random bits in hex: an id nobody can guess, though every look-up also carries the tenant and the owner. */
export const SESSION_ID_PATTERN = /^[0-9a-f]{32}$/;

/** A file a crash left between its creation and its row is removed once it is this old (another instance may be creating it). */
const ORPHAN_FILE_MAX_AGE_MS = 60 * 60 * 1000;

export function newSessionId(): string {
  return randomBytes(16).toString('hex');
}

export function uploadSessionsDir(dataDir: string): string {
  return join(dataDir, 'upload-sessions');
}

export function uploadSessionPath(dataDir: string, id: string): string {
  return join(uploadSessionsDir(dataDir), id);
}

export interface UploadSession {
  id: string;
  fileName: string;
  /** Upload-Metadata as the client sent it. */
  metadata: string;
  length: number;
  offset: number;
  expiresAt: Date;
}

export function sessionExpiry(ttlSeconds: number): Date {
  return new Date(Date.now() + ttlSeconds * 1000);
}

const UNKNOWN = (id: string) =>
  notFound(
    `upload ${printable(id)} not found (it expired, was committed or deleted, or was never yours): start a new one with POST /uploads`,
  );

/**
 * The caller's live session `id`. Another tenant's, another user's, an expired and an unknown id all answer the same
 * 404, so an id says nothing about sessions that are not the caller's.
 */
export async function findUploadSession(db: Db, actor: Actor, id: string): Promise<UploadSession> {
  if (!SESSION_ID_PATTERN.test(id)) throw UNKNOWN(id);
  const row = await db
    .selectFrom('upload_sessions')
    .select(['id', 'file_name', 'metadata', 'upload_length', 'upload_offset', 'expires_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('owner_id', '=', actor.userId)
    .where('id', '=', id)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  if (!row) throw UNKNOWN(id);
  return {
    id: row.id,
    fileName: row.file_name,
    metadata: row.metadata,
    length: Number(row.upload_length),
    offset: Number(row.upload_offset),
    expiresAt: row.expires_at,
  };
}

/** A completed session named by a release write's `uploads`, under the name its artifact gets. */
export interface UploadRef {
  id: string;
  /** The artifact's file name; the session's `filename` when the reference leaves it out. */
  name?: string | undefined;
}

const MAX_UPLOAD_REFS = 100;
const REFS_EXAMPLE = '[{"id":"<id from POST /uploads>","name":"app-1.0.0.exe"}]';

/** `uploads` of a release write's `data`: absent, or a list of `{id, name?}`. */
export function parseUploadRefs(value: unknown): UploadRef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(`uploads must be a list such as ${REFS_EXAMPLE}`);
  if (value.length > MAX_UPLOAD_REFS) throw invalid(`uploads must name at most ${MAX_UPLOAD_REFS} uploads`);
  const seen = new Set<string>();
  return value.map((item: unknown) => {
    const ref = item as { id?: unknown; name?: unknown } | null;
    if (typeof ref !== 'object' || ref === null || typeof ref.id !== 'string') {
      throw invalid(`every item of uploads must be an object such as ${REFS_EXAMPLE}`);
    }
    if (ref.name !== undefined && ref.name !== null && typeof ref.name !== 'string') {
      throw invalid(`the name of upload ${printable(ref.id)} must be a string`);
    }
    if (seen.has(ref.id))
      throw invalid(`upload ${printable(ref.id)} is named twice in uploads: name it once`);
    seen.add(ref.id);
    return { id: ref.id, name: ref.name || undefined };
  });
}

/** A session a release write takes over: its file, read from the start, under the artifact's name. */
export interface CompletedUpload {
  id: string;
  fileName: string;
  open(): Readable;
}

/** The caller's sessions named by `refs`, each complete; an incomplete one is refused with what to do. */
export async function completedUploads(
  deps: Pick<UploadSessionDeps, 'database'> & { config: { dataDir: string } },
  actor: Actor,
  refs: readonly UploadRef[],
): Promise<CompletedUpload[]> {
  const found: CompletedUpload[] = [];
  for (const ref of refs) {
    const session = await findUploadSession(deps.database.db, actor, ref.id);
    if (session.offset < session.length) {
      throw invalid(
        `upload ${session.id} has ${session.offset} of its ${session.length} bytes: finish it (HEAD /uploads/${session.id}, then PATCH from its Upload-Offset) before adding it to a release`,
      );
    }
    const path = uploadSessionPath(deps.config.dataDir, session.id);
    found.push({
      id: session.id,
      fileName: ref.name ?? session.fileName,
      // An empty file has no byte range: `end` would be -1.
      open: () =>
        createReadStream(path, {
          highWaterMark: 1024 * 1024,
          ...(session.length > 0 ? { end: session.length - 1 } : {}),
        }),
    });
  }
  return found;
}

/** Ends sessions inside the transaction that commits the release holding their files; false when one is gone. */
export async function endUploadSessions(trx: Db, tenantId: string, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const ended = await trx
    .deleteFrom('upload_sessions')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .returning('id')
    .execute();
  return ended.length === ids.length;
}

/** Removes the files of sessions whose rows are gone; a failure is logged (the sweep removes what stays). */
export async function removeSessionFiles(
  deps: Pick<UploadSessionDeps, 'logger'> & { config: { dataDir: string } },
  ids: readonly string[],
): Promise<void> {
  for (const id of ids) {
    try {
      await rm(uploadSessionPath(deps.config.dataDir, id), { force: true });
    } catch (err) {
      deps.logger.warn({ err, upload: id }, 'could not remove the file of an ended upload session');
    }
  }
}

/**
 * Removes expired sessions (rows, then files) and session files no row holds (a crash between creating the file and
 * its row, or a removal that failed). Runs at start-up and whenever a session is opened; across tenants, as the
 * start-up sweep of claims does, since it is the server's housekeeping and answers no caller.
 */
export async function sweepUploadSessions(
  deps: Pick<UploadSessionDeps, 'database' | 'logger'> & { config: { dataDir: string } },
): Promise<void> {
  const { db } = deps.database;
  const expired = await db
    .deleteFrom('upload_sessions')
    .where('expires_at', '<=', new Date())
    .returning('id')
    .execute();
  await removeSessionFiles(
    deps,
    expired.map((row) => row.id),
  );
  const dir = uploadSessionsDir(deps.config.dataDir);
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const files = names.filter((name) => SESSION_ID_PATTERN.test(name));
  const held = new Set<string>();
  for (let i = 0; i < files.length; i += 500) {
    const rows = await db
      .selectFrom('upload_sessions')
      .select('id')
      .where('id', 'in', files.slice(i, i + 500))
      .execute();
    for (const row of rows) held.add(row.id);
  }
  const cutoff = Date.now() - ORPHAN_FILE_MAX_AGE_MS;
  const orphans: string[] = [];
  for (const name of files) {
    if (held.has(name)) continue;
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info && info.mtimeMs < cutoff) orphans.push(name);
  }
  await removeSessionFiles(deps, orphans);
  if (expired.length + orphans.length > 0) {
    deps.logger.info(
      { expired: expired.length, orphans: orphans.length },
      'sweep: removed abandoned upload sessions',
    );
  }
}
