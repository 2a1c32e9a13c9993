import type { Actor } from '../auth/actor.js';
import { checkName } from '../names.js';
import { requireAllowed, requirePermission } from '../permissions.js';
import {
  asObject,
  findApp,
  parseSignature,
  parseVersionChanges,
  type ReleaseDeps,
  type ReleaseFiles,
  resolveFilePlacement,
} from '../releases/upload.js';
import { parseUploadRefs } from '../releases/upload-sessions.js';
import { parseVersion } from '../version-numbers.js';
import { ReleaseWrite } from './release-write.js';

/**
 * Validates an upload's `data` (FaynoSync's `/upload` fields) and the caller's rights, and checks the files `files`
 * already holds (sent before `data`) against them, then takes over the completed resumable uploads `data.uploads`
 * names. Nothing becomes visible before commit(), which bumps the
 * tenant's generation.
 */
export async function prepareUpload(
  deps: ReleaseDeps,
  actor: Actor,
  data: unknown,
  formFields: ReadonlyMap<string, string>,
  files?: ReleaseFiles,
  /** An import's FaynoSync rollout seed, kept for the version this upload creates. */
  rolloutSeed?: string,
): Promise<ReleaseWrite> {
  requirePermission(actor, 'apps', 'upload');
  const { db } = deps.database;
  const input = asObject(data, '{"app_name":"myapp","version":"1.0.0"}');
  checkName(input.app_name, 'app_name');
  const version = parseVersion(input.version);
  const changes = {
    ...parseVersionChanges(input, formFields),
    ...(rolloutSeed === undefined ? {} : { rollout_seed: rolloutSeed }),
  };
  const signature = parseSignature(input.signature);
  const uploads = parseUploadRefs(input.uploads);
  const app = await findApp(db, actor.tenantId, input.app_name);
  await requireAllowed(db, actor, 'apps', app.id);
  const placement = await resolveFilePlacement(db, actor, input);
  const write = new ReleaseWrite(
    deps,
    {
      tenantId: actor.tenantId,
      app,
      version: version.text,
      ...placement,
      changes,
      signature,
      target: { create: true },
      filesRequired: true,
    },
    files,
  );
  await write.adoptStaged();
  await write.addUploads(actor, uploads);
  return write;
}
