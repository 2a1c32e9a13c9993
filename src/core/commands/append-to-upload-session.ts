import { Readable } from 'node:stream';
import type { Actor } from '../auth/actor.js';
import { conflict, DomainError, invalid } from '../errors.js';
import { removeObject } from '../releases/upload.js';
import {
  findUploadSession,
  partKey,
  sessionExpiry,
  type UploadSession,
  type UploadSessionDeps,
} from '../releases/upload-sessions.js';

export interface AppendResult {
  offset: number;
  length: number;
  expiresAt: Date;
}

const resume = (id: string) => `send HEAD /uploads/${id} and continue from its Upload-Offset`;

/** How a request's body ended short of its end: the bytes before it still count. */
interface Cut {
  failure?: DomainError;
}

/**
 * The body as it arrives, at most `room` bytes. A body that breaks off or goes past `room` ends here instead of
 * failing, so the store keeps what arrived whole; `cut` says why it ended early. `onEnd` is told when it ends.
 */
async function* arrived(
  body: AsyncIterable<Buffer>,
  room: number,
  id: string,
  cut: Cut,
  onEnd: () => void,
): AsyncGenerator<Buffer> {
  let received = 0;
  try {
    for await (const chunk of body) {
      if (chunk.length > room - received) {
        cut.failure = new DomainError(
          'too_large',
          `the body goes past the Upload-Length: send at most ${room} bytes from this offset`,
        );
        return;
      }
      received += chunk.length;
      yield chunk;
    }
  } catch {
    cut.failure = invalid(
      `the request ended after ${received} bytes of its body: the upload kept them; ${resume(id)}`,
    );
  } finally {
    onEnd();
  }
}

/**
 * PATCH /uploads/:id: stores the body as one private object (a part of the session) and moves the session's offset
 * past it, keeping what arrived when the connection breaks halfway (tus: the server keeps the bytes it received). The
 * part counts only once its object is whole in the store and its row is written with the new offset, so a crash at
 * any point leaves a recorded offset whose bytes are all stored. Two requests writing from the same offset (one the
 * server has not seen die yet, and the client's resume) cannot tear the session: each records only its own bytes,
 * contiguous from an offset that was recorded, and the offset never moves back. No cached answer holds sessions:
 * nothing to bump.
 */
export async function appendToUploadSession(
  deps: UploadSessionDeps,
  actor: Actor,
  id: string,
  offset: number,
  body: AsyncIterable<Buffer>,
  contentLength: number | undefined,
): Promise<AppendResult> {
  await deps.uploadWrites.settled(id);
  const session = await findUploadSession(deps.database.db, actor, id);
  if (offset !== session.offset) {
    throw conflict(
      `Upload-Offset ${offset} is not where upload ${id} stands (${session.offset} bytes received): ${resume(id)}`,
    );
  }
  const room = session.length - offset;
  if (contentLength !== undefined && contentLength > room) {
    throw new DomainError(
      'too_large',
      `the body goes past the Upload-Length of ${session.length} bytes: send at most ${room} bytes from offset ${offset}`,
    );
  }
  const cut: Cut = {};
  let bodyEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    bodyEnded = resolve;
  });
  const result = storeAndRecord(
    deps,
    actor,
    session,
    arrived(body, room, id, cut, () => bodyEnded()),
  );
  void ended.then(() => deps.uploadWrites.finishing(id, result));
  const appended = await result;
  if (cut.failure) throw cut.failure;
  return appended;
}

/** Stores the bytes as the session's next part, then records it; answers where the session stands afterwards. */
async function storeAndRecord(
  deps: UploadSessionDeps,
  actor: Actor,
  session: UploadSession,
  bytes: AsyncGenerator<Buffer>,
): Promise<AppendResult> {
  const { id, offset } = session;
  const key = partKey(id, offset);
  const { size } = await deps.store.put(key, Readable.from(bytes), { visibility: 'private' });
  if (size === 0) {
    await removeObject(deps, key, 'private');
    return { offset, length: session.length, expiresAt: session.expiresAt };
  }
  const expiresAt = sessionExpiry(deps.config.uploadSessionTtlSeconds);
  if (await record(deps, actor, id, { start: offset, end: offset + size, key, expiresAt })) {
    return { offset: offset + size, length: session.length, expiresAt };
  }
  await removeObject(deps, key, 'private');
  const now = await findUploadSession(deps.database.db, actor, id);
  return { offset: now.offset, length: session.length, expiresAt: now.expiresAt };
}

/**
 * Moves the session's offset to `end` and records the part holding the bytes from `start`, in one transaction:
 * allowed while the recorded offset lies within them (a concurrent request of the same session may have recorded
 * part of them already). False when the part adds nothing (or the session is gone): its object is not needed.
 */
async function record(
  deps: UploadSessionDeps,
  actor: Actor,
  id: string,
  part: { start: number; end: number; key: string; expiresAt: Date },
): Promise<boolean> {
  return deps.database.db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('upload_sessions')
      .set({ upload_offset: part.end, expires_at: part.expiresAt })
      .where('tenant_id', '=', actor.tenantId)
      .where('owner_id', '=', actor.userId)
      .where('id', '=', id)
      .where('upload_offset', '>=', String(part.start))
      .where('upload_offset', '<', String(part.end))
      .returning('id')
      .executeTakeFirst();
    if (!moved) return false;
    await trx
      .insertInto('upload_session_parts')
      .values({ session_id: id, start_offset: part.start, end_offset: part.end, storage_key: part.key })
      .execute();
    return true;
  });
}
