import type { Db } from '../../db/connect.js';
import { DEFAULT_UPDATERS } from '../catalog/updaters.js';
import { invalid } from '../errors.js';
import { newId } from '../ids.js';
import { isCatalogName, printable } from '../names.js';
import { archFamily, type Family, platformFamily } from '../product-page.js';

export const FENFA_PLATFORMS = [
  'ios',
  'android',
  'macos',
  'windows',
  'linux',
] as const satisfies readonly Family[];
export type FenfaPlatform = (typeof FENFA_PLATFORMS)[number];

/**
 * The tenant's catalog row for a Fenfa platform or arch, created when missing: a platform the tenant already has
 * under another spelling (`darwin` for macos, `amd64` for x64) is used as it is, so a variant sees the files the
 * other faces upload for it. Runs in the caller's transaction.
 */
async function ensureNamed(
  trx: Db,
  tenantId: string,
  table: 'platforms' | 'archs',
  name: string,
  same: (existing: string) => boolean,
): Promise<string> {
  const rows = await trx.selectFrom(table).select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  const found = rows.find((r) => r.name === name) ?? rows.find((r) => same(r.name));
  if (found) return found.id;
  const values = { id: newId(), tenant_id: tenantId, name };
  if (table === 'platforms') {
    await trx
      .insertInto('platforms')
      .values({ ...values, updaters: JSON.stringify(DEFAULT_UPDATERS) })
      .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
      .execute();
  } else {
    await trx
      .insertInto('archs')
      .values(values)
      .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
      .execute();
  }
  const row = await trx
    .selectFrom(table)
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export function ensurePlatform(trx: Db, tenantId: string, platform: FenfaPlatform): Promise<string> {
  return ensureNamed(trx, tenantId, 'platforms', platform, (name) => platformFamily(name) === platform);
}

export function ensureArch(trx: Db, tenantId: string, arch: string): Promise<string> {
  if (!isCatalogName(arch)) {
    throw invalid(`invalid arch "${printable(arch)}": use letters, digits, '.', '-' and '_' such as arm64`);
  }
  const family = archFamily(arch);
  return ensureNamed(
    trx,
    tenantId,
    'archs',
    arch,
    (name) => family !== undefined && archFamily(name) === family,
  );
}
