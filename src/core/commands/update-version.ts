import type { Actor } from '../auth/actor.js';
import { invalid } from '../errors.js';
import { requirePermission } from '../permissions.js';
import { findVersion } from '../releases/release-listing.js';
import {
  asObject,
  parseSignature,
  parseVersionChanges,
  type ReleaseDeps,
  type ReleaseFiles,
  resolveFilePlacement,
} from '../releases/upload.js';
import { parseUploadRefs } from '../releases/upload-sessions.js';
import { ReleaseWrite } from './release-write.js';

/**
 * Validates a version update (`{"id","app_name","version"}` and the fields to change); only the fields sent change
 * (FaynoSync reset the flags left out). Files sent with it (`files` holds those sent before `data`) and the completed
 * resumable uploads `data.uploads` names are added as artifacts through the upload pipeline.
 */
export async function prepareVersionUpdate(
  deps: ReleaseDeps,
  actor: Actor,
  data: unknown,
  formFields: ReadonlyMap<string, string>,
  withFiles: boolean,
  files?: ReleaseFiles,
): Promise<ReleaseWrite> {
  requirePermission(actor, 'apps', 'edit');
  const { db } = deps.database;
  const input = asObject(data, '{"id":"…","app_name":"myapp","version":"1.0.0","publish":true}');
  const changes = parseVersionChanges(input, formFields);
  const signature = parseSignature(input.signature);
  const uploads = parseUploadRefs(input.uploads);
  const row = await findVersion(db, actor, input, false);
  if (input.channel !== undefined && input.channel !== null && input.channel !== '') {
    if (input.channel !== row.channel_name) throw invalid('updating the channel is not allowed');
  }
  const placement =
    withFiles || uploads.length > 0
      ? await resolveFilePlacement(db, actor, input, row.channel_id)
      : { channelId: row.channel_id, platformId: null, archId: null };
  const write = new ReleaseWrite(
    deps,
    {
      tenantId: actor.tenantId,
      app: { id: row.app_id, name: row.app_name, private: row.app_private },
      version: row.version,
      ...placement,
      changes,
      signature,
      target: { create: false, versionId: row.id },
      filesRequired: false,
    },
    files,
  );
  await write.adoptStaged();
  await write.addUploads(actor, uploads);
  return write;
}
