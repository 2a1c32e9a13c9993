import type { Actor } from '../auth/actor.js';
import {
  findUploadSession,
  removeSessionParts,
  type UploadSessionDeps,
} from '../releases/upload-sessions.js';

/**
 * DELETE /uploads/:id (tus termination): ends the caller's session and removes its bytes. No cached answer holds
 * sessions: nothing to bump.
 */
export async function deleteUploadSession(deps: UploadSessionDeps, actor: Actor, id: string): Promise<void> {
  await findUploadSession(deps.database.db, actor, id);
  await deps.database.db
    .deleteFrom('upload_sessions')
    .where('tenant_id', '=', actor.tenantId)
    .where('owner_id', '=', actor.userId)
    .where('id', '=', id)
    .execute();
  await removeSessionParts(deps, [id]);
}
