import type { Actor } from '../auth/actor.js';
import { DomainError } from '../errors.js';
import { requirePermission } from '../permissions.js';
import { checkFileName } from '../releases/upload.js';
import {
  newSessionId,
  sessionExpiry,
  sweepExpiredUploadSessions,
  type UploadSession,
  type UploadSessionDeps,
} from '../releases/upload-sessions.js';

export interface NewUploadSession {
  /** Upload-Length: the size of the whole file. */
  length: number;
  /** The `filename` of Upload-Metadata. */
  fileName: string;
  /** Upload-Metadata as sent, answered again by HEAD. */
  metadata: string;
}

/**
 * POST /uploads: opens a resumable upload session for a file of a known size, with the same right as FaynoSync's
 * /upload. The name and size are checked now, so a client learns of a refused file before sending a byte of it.
 * No cached answer holds sessions: nothing to bump.
 */
export async function openUploadSession(
  deps: UploadSessionDeps,
  actor: Actor,
  input: NewUploadSession,
): Promise<UploadSession> {
  requirePermission(actor, 'apps', 'upload');
  const fileName = checkFileName(input.fileName);
  const limit = deps.config.uploadMaxBytes;
  if (input.length > limit) {
    throw new DomainError(
      'too_large',
      `Upload-Length ${input.length} is larger than this server's upload limit of ${limit} bytes (UPLOAD_MAX_BYTES)`,
    );
  }
  await sweepExpiredUploadSessions(deps);
  const id = newSessionId();
  const expiresAt = sessionExpiry(deps.config.uploadSessionTtlSeconds);
  await deps.database.db
    .insertInto('upload_sessions')
    .values({
      id,
      tenant_id: actor.tenantId,
      owner_id: actor.userId,
      file_name: fileName,
      metadata: input.metadata,
      upload_length: input.length,
      expires_at: expiresAt,
    })
    .execute();
  return { id, fileName, metadata: input.metadata, length: input.length, offset: 0, expiresAt };
}
