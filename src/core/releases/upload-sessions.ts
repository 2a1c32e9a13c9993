import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import type { ArtifactStore } from '../../storage/types.js';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { printable } from '../names.js';
import { removeObject } from './upload.js';
import type { UploadSessionWrites } from './upload-session-writes.js';

/**
 * Resumable upload sessions (tus 1.0). A session's offset lives in the database; its bytes are private objects of the
 * artifact store, one per PATCH, under `upload-sessions/{id}/`, so that any instance sharing the database and the
 * store can continue it, and a restart loses nothing it had recorded. A release write (`uploads` in FaynoSync's
 * `data`) reads them back in order through the same pipeline as a streamed file part; nothing of a session is
 * visible to any face before that commit.
 */

/** What the sessions need; an AppContext is one. */
export interface UploadSessionDeps {
  database: { db: Db };
  store: ArtifactStore;
  logger: Logger;
  config: { uploadMaxBytes: number; uploadSessionTtlSeconds: number };
  /** This instance's PATCHes that are storing what they received. */
  uploadWrites: UploadSessionWrites;
}

type StoreDeps = Pick<UploadSessionDeps, 'store' | 'logger'>;

/** 128 random bits in hex: an id nobody can guess, though every look-up also carries the tenant and the owner. */
const SESSION_ID_PATTERN = /^[0-9a-f]{32}$/;
const PARTS_PREFIX = 'upload-sessions/';

export function newSessionId(): string {
  return randomBytes(16).toString('hex');
}

/** A fresh key for the bytes a PATCH brings from `start` on: two requests from one offset never share one. */
export function partKey(id: string, start: number): string {
  return `${PARTS_PREFIX}${id}/${start}-${randomBytes(4).toString('hex')}`;
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

/** HEAD: the caller's session once this instance's PATCHes of it that are finishing have recorded their bytes. */
export async function uploadSessionStatus(
  deps: Pick<UploadSessionDeps, 'database' | 'uploadWrites'>,
  actor: Actor,
  id: string,
): Promise<UploadSession> {
  await deps.uploadWrites.settled(id);
  return findUploadSession(deps.database.db, actor, id);
}

/**
 * The id of an upload named by its id or by the Location POST /uploads answered (a path, or the URL a tus client
 * made of it): its last segment below `/uploads/`.
 */
export function uploadIdOf(value: string): string {
  const trimmed = value.trim();
  return /\/uploads\/([^/?#]+)\/?(?:[?#].*)?$/.exec(trimmed)?.[1] ?? trimmed;
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

/** A session a release write takes over: its bytes, read from the start, under the artifact's name. */
export interface CompletedUpload {
  id: string;
  fileName: string;
  open(): Readable;
}

/** The caller's sessions named by `refs`, each complete; an incomplete one is refused with what to do. */
export async function completedUploads(
  deps: Pick<UploadSessionDeps, 'database' | 'store'>,
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
    found.push({
      id: session.id,
      fileName: ref.name ?? session.fileName,
      open: () => Readable.from(sessionBytes(deps, session.id, session.length)),
    });
  }
  return found;
}

/**
 * The session's bytes in order, part after part, each read from the first byte no earlier part held: two requests
 * that wrote from the same offset (a resume and the request it replaced) overlap with the same bytes.
 */
async function* sessionBytes(
  deps: Pick<UploadSessionDeps, 'database' | 'store'>,
  id: string,
  length: number,
): AsyncGenerator<Buffer> {
  const parts = await deps.database.db
    .selectFrom('upload_session_parts')
    .select(['start_offset', 'end_offset', 'storage_key'])
    .where('session_id', '=', id)
    .orderBy('end_offset')
    .execute();
  let at = 0;
  for (const part of parts) {
    const start = Number(part.start_offset);
    const end = Number(part.end_offset);
    if (end <= at) continue;
    if (start > at) break;
    const stream = await deps.store.get(part.storage_key, 'private', {
      start: at - start,
      end: end - start - 1,
    });
    for await (const chunk of stream) yield chunk as Buffer;
    at = end;
  }
  if (at !== length) throw new Error(`upload ${id}: its parts hold ${at} of its ${length} bytes`);
}

/** Ends sessions inside the transaction that commits the release holding their bytes; false when one is gone. */
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

/** Removes every stored part of sessions whose rows are gone; a failure is logged and left to the start-up sweep. */
export async function removeSessionParts(deps: StoreDeps, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    try {
      for (const key of await deps.store.list(`${PARTS_PREFIX}${id}/`, 'private')) {
        await removeObject(deps, key, 'private');
      }
    } catch (err) {
      deps.logger.warn({ err, upload: id }, 'could not remove the parts of an ended upload session');
    }
  }
}

/**
 * Ends the sessions nobody has written to for UPLOAD_SESSION_TTL and removes their parts. Runs whenever a session is
 * opened and at start-up; across tenants, as the start-up sweep of claims does, since it is the server's
 * housekeeping and answers no caller.
 */
export async function sweepExpiredUploadSessions(deps: Pick<UploadSessionDeps, 'database'> & StoreDeps) {
  const expired = await deps.database.db
    .deleteFrom('upload_sessions')
    .where('expires_at', '<=', new Date())
    .returning('id')
    .execute();
  await removeSessionParts(
    deps,
    expired.map((row) => row.id),
  );
  if (expired.length > 0)
    deps.logger.info({ expired: expired.length }, 'sweep: ended abandoned upload sessions');
}

/**
 * Start-up: parts no session holds any more (a removal that failed, or a request that stored a part after its session
 * ended). A session's row is written before any part of it, so a part without a row is never wanted again.
 */
export async function sweepOrphanedUploadParts(deps: Pick<UploadSessionDeps, 'database'> & StoreDeps) {
  const ids = [
    ...new Set((await deps.store.list(PARTS_PREFIX, 'private')).map((key) => key.split('/')[1] ?? '')),
  ].filter((id) => SESSION_ID_PATTERN.test(id));
  const live = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await deps.database.db
      .selectFrom('upload_sessions')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) live.add(row.id);
  }
  const orphaned = ids.filter((id) => !live.has(id));
  await removeSessionParts(deps, orphaned);
  if (orphaned.length > 0)
    deps.logger.info({ orphaned: orphaned.length }, 'sweep: removed parts of ended upload sessions');
}
