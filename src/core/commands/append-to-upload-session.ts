import { type FileHandle, open } from 'node:fs/promises';
import type { Actor } from '../auth/actor.js';
import { conflict, DomainError, invalid, notFound } from '../errors.js';
import {
  findUploadSession,
  sessionExpiry,
  type UploadSessionDeps,
  uploadSessionPath,
} from '../releases/upload-sessions.js';

export interface AppendResult {
  offset: number;
  length: number;
  expiresAt: Date;
}

const resume = (id: string) => `send HEAD /uploads/${id} and continue from its Upload-Offset`;

/**
 * PATCH /uploads/:id: writes the body at `offset`, which must be the session's recorded offset, and records how far
 * it got, even when the connection breaks halfway (tus: what arrived is kept). Bytes are written in place, synced,
 * and only then counted, so a crash at any point leaves a recorded offset whose bytes are all on disk; a write that
 * got further than it recorded is overwritten by the resume. Two requests writing the same session at once (a
 * dropped one the server has not noticed yet, and its resume) cannot tear it: each counts only bytes it wrote itself,
 * contiguously from an offset that was recorded. No cached answer holds sessions: nothing to bump.
 */
export async function appendToUploadSession(
  deps: UploadSessionDeps,
  actor: Actor,
  id: string,
  offset: number,
  body: AsyncIterable<Buffer>,
  contentLength: number | undefined,
): Promise<AppendResult> {
  const { db } = deps.database;
  const session = await findUploadSession(db, actor, id);
  if (offset !== session.offset) {
    throw conflict(
      `Upload-Offset ${offset} is not where upload ${id} stands (${session.offset} bytes received): ${resume(id)}`,
    );
  }
  const room = session.length - offset;
  const tooLarge = () =>
    new DomainError(
      'too_large',
      `the body goes past the Upload-Length of ${session.length} bytes: send at most ${room} bytes from offset ${offset}`,
    );
  if (contentLength !== undefined && contentLength > room) throw tooLarge();

  let file: FileHandle;
  try {
    file = await open(uploadSessionPath(deps.config.dataDir, id), 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw notFound(
      `the bytes of upload ${id} are not on this server (a different DATA_DIR or instance): start a new one with POST /uploads`,
    );
  }
  let position = offset;
  let failure: unknown;
  try {
    const chunks = body[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch {
        failure = invalid(
          `the request ended after ${position - offset} bytes of its body: the upload kept them; ${resume(id)}`,
        );
        break;
      }
      if (next.done) break;
      const chunk = next.value;
      if (chunk.length > session.length - position) {
        failure = tooLarge();
        break;
      }
      await file.write(chunk, 0, chunk.length, position);
      position += chunk.length;
    }
    if (position > offset) await file.sync();
  } finally {
    await file.close();
  }
  if (position === offset) {
    if (failure) throw failure;
    return { offset, length: session.length, expiresAt: session.expiresAt };
  }
  const expiresAt = sessionExpiry(deps.config.uploadSessionTtlSeconds);
  const recorded = await record(deps, actor, id, { start: offset, end: position, expiresAt });
  if (failure) throw failure;
  return { offset: recorded, length: session.length, expiresAt };
}

/**
 * Moves the session's offset to `end`, the bytes from `start` on being this request's: allowed while the recorded
 * offset lies within them (a concurrent write of the same session may have recorded part of them already). Answers
 * the offset that stands afterwards.
 */
async function record(
  deps: UploadSessionDeps,
  actor: Actor,
  id: string,
  { start, end, expiresAt }: { start: number; end: number; expiresAt: Date },
): Promise<number> {
  const { db } = deps.database;
  const updated = await db
    .updateTable('upload_sessions')
    .set({ upload_offset: end, expires_at: expiresAt })
    .where('tenant_id', '=', actor.tenantId)
    .where('owner_id', '=', actor.userId)
    .where('id', '=', id)
    .where('upload_offset', '>=', String(start))
    .where('upload_offset', '<', String(end))
    .returning('upload_offset')
    .executeTakeFirst();
  if (updated) return Number(updated.upload_offset);
  // Another request of this session recorded as much or more, or the session is gone (404).
  return (await findUploadSession(db, actor, id)).offset;
}
