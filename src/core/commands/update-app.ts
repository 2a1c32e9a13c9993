import type { Actor } from '../auth/actor.js';
import { duplicateName, nameTaken, parseId } from '../catalog/common.js';
import type { LogoStaging } from '../catalog/logo.js';
import { invalid, notFound } from '../errors.js';
import { parseFlag } from '../flags.js';
import { checkName } from '../names.js';
import { requireAllowed, requirePermission } from '../permissions.js';
import {
  AppWrite,
  asObject,
  type CatalogDeps,
  type PendingAppWrite,
  parseDescription,
  parseDownloadMode,
  refuseCdnForPrivate,
} from './app-write.js';

/**
 * Validates `{"id","app","description"?,"download_mode"?,"reports"?,"tuf"?,"cdn"?}` and takes over a logo sent before
 * it, as prepareAppCreate. An omitted description, mode or flag keeps the current value. `private` decides which
 * bucket the app's files live in, so it cannot change; sending the current value is accepted.
 */
export async function prepareAppUpdate(
  deps: CatalogDeps,
  actor: Actor,
  data: unknown,
  logo?: LogoStaging,
): Promise<PendingAppWrite> {
  requirePermission(actor, 'apps', 'edit');
  const { db } = deps.database;
  const input = asObject(data);
  const id = parseId(input.id);
  const name = checkName(input.app, 'app');
  const description = parseDescription(input.description);
  const wantsPrivate = parseFlag(input.private, 'private');
  const downloadMode = parseDownloadMode(input.download_mode);
  const reports = parseFlag(input.reports, 'reports');
  const tuf = parseFlag(input.tuf, 'tuf');
  const cdn = parseFlag(input.cdn, 'cdn');
  const current = await db
    .selectFrom('apps')
    .select('private')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw notFound('app not found');
  await requireAllowed(db, actor, 'apps', id);
  if (wantsPrivate !== undefined && wantsPrivate !== current.private) {
    throw invalid(
      `private cannot change after an app is created (this app is ${current.private ? 'private' : 'public'}): create a new app instead`,
    );
  }
  refuseCdnForPrivate(current.private, cdn);
  if (await nameTaken(db, 'apps', actor.tenantId, name, id)) throw duplicateName('app');
  const write = new AppWrite(deps, actor, 'update', {
    id,
    name,
    description,
    private: current.private,
    downloadMode,
    reports,
    tuf,
    cdn,
  });
  if (logo) await write.adoptLogo(logo);
  return write;
}
