import type { Actor } from '../auth/actor.js';
import { duplicateName, nameTaken } from '../catalog/common.js';
import type { LogoStaging } from '../catalog/logo.js';
import { parseFlag } from '../flags.js';
import { newId } from '../ids.js';
import { checkName } from '../names.js';
import { requirePermission } from '../permissions.js';
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
 * Validates `{"app","description"?,"private"?,"download_mode"?,"reports"?,"tuf"?,"cdn"?}` (flags as booleans or
 * FaynoSync's `"true"` strings) and the name's uniqueness, and takes over the logo `logo` holds (sent before the
 * data); nothing is written yet.
 */
export async function prepareAppCreate(
  deps: CatalogDeps,
  actor: Actor,
  data: unknown,
  logo?: LogoStaging,
): Promise<PendingAppWrite> {
  requirePermission(actor, 'apps', 'create');
  const input = asObject(data);
  const name = checkName(input.app, 'app');
  const description = parseDescription(input.description);
  const isPrivate = parseFlag(input.private, 'private') ?? false;
  const downloadMode = parseDownloadMode(input.download_mode);
  const reports = parseFlag(input.reports, 'reports') ?? false;
  const tuf = parseFlag(input.tuf, 'tuf') ?? false;
  const cdn = parseFlag(input.cdn, 'cdn') ?? false;
  refuseCdnForPrivate(isPrivate, cdn);
  if (await nameTaken(deps.database.db, 'apps', actor.tenantId, name)) throw duplicateName('app');
  const write = new AppWrite(deps, actor, 'create', {
    id: newId(),
    name,
    description,
    private: isPrivate,
    downloadMode,
    reports,
    tuf,
    cdn,
  });
  if (logo) await write.adoptLogo(logo);
  return write;
}
