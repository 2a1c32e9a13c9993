import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { UpdaterEntry } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { newId } from '../ids.js';
import { checkName } from '../names.js';
import { grantToCreator, requirePermission, revokeEverywhere } from '../permissions.js';
import {
  duplicateName,
  lockForChange,
  nameTaken,
  parseId,
  refuseIfUsed,
  type Usage,
  visibleTo,
  withConstraints,
} from './common.js';
import { parseUpdaters } from './updaters.js';

/** Channels, platforms and archs are the same thing with a different name: one table row per kind drives them. */
export interface NamedKind {
  table: 'channels' | 'platforms' | 'archs';
  /** Singular, as in messages; also FaynoSync's request field holding the name. */
  label: 'channel' | 'platform' | 'arch';
  usage: Usage;
  /** Columns beyond the name, validated from the request (platforms: updaters). */
  extra?: (input: Record<string, unknown>, mode: 'create' | 'update') => { updaters: string };
}

/** The columns all three tables share; a kind's own columns travel in `extra`. */
type SharedShape = 'channels';

export const CHANNELS: NamedKind = {
  table: 'channels',
  label: 'channel',
  usage: { table: 'versions', column: 'channel_id' },
};

export const PLATFORMS: NamedKind = {
  table: 'platforms',
  label: 'platform',
  usage: { table: 'artifacts', column: 'platform_id' },
  extra: (input, mode) => ({ updaters: JSON.stringify(parseUpdaters(input.updaters, mode)) }),
};

export const ARCHS: NamedKind = {
  table: 'archs',
  label: 'arch',
  usage: { table: 'artifacts', column: 'arch_id' },
};

export interface NamedItem {
  id: string;
  name: string;
  /** Platforms only. */
  updaters: UpdaterEntry[] | undefined;
  updatedAt: Date;
}

export async function listNamed(db: Db, actor: Actor, kind: NamedKind): Promise<NamedItem[]> {
  const rows = await db
    .selectFrom(kind.table as SharedShape)
    .selectAll()
    .where(visibleTo(actor, kind.table))
    .orderBy(sql`lower(name) collate "C"`)
    .orderBy(sql`name collate "C"`)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    updaters: 'updaters' in row ? (row.updaters as UpdaterEntry[]) : undefined,
    updatedAt: new Date(row.updated_at),
  }));
}

export async function createNamed(
  db: Db,
  actor: Actor,
  kind: NamedKind,
  input: Record<string, unknown>,
): Promise<string> {
  requirePermission(actor, kind.table, 'create');
  const name = checkName(input[kind.label], kind.label);
  const extra = kind.extra?.(input, 'create');
  if (await nameTaken(db, kind.table, actor.tenantId, name)) throw duplicateName(kind.label);
  const id = newId();
  await withConstraints(db, kind.label, async (trx) => {
    await trx
      .insertInto(kind.table as SharedShape)
      .values({ id, tenant_id: actor.tenantId, name, ...extra })
      .execute();
    await grantToCreator(trx, actor, kind.table, id);
  });
  return id;
}

export async function updateNamed(
  db: Db,
  actor: Actor,
  kind: NamedKind,
  input: Record<string, unknown>,
): Promise<void> {
  requirePermission(actor, kind.table, 'edit');
  const id = parseId(input.id);
  const name = checkName(input[kind.label], kind.label);
  const extra = kind.extra?.(input, 'update');
  await withConstraints(db, kind.label, async (trx) => {
    await lockForChange(trx, kind.table, kind.label, actor, id);
    if (await nameTaken(trx, kind.table, actor.tenantId, name, id)) throw duplicateName(kind.label);
    await trx
      .updateTable(kind.table as SharedShape)
      .set({ name, ...extra, updated_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', id)
      .execute();
  });
}

export async function deleteNamed(db: Db, actor: Actor, kind: NamedKind, rawId: unknown): Promise<void> {
  requirePermission(actor, kind.table, 'delete');
  const id = parseId(rawId);
  await withConstraints(
    db,
    kind.label,
    async (trx) => {
      await lockForChange(trx, kind.table, kind.label, actor, id);
      await refuseIfUsed(trx, kind.label, kind.usage, actor.tenantId, id);
      await trx.deleteFrom(kind.table).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
      await revokeEverywhere(trx, actor.tenantId, kind.table, id);
    },
    kind.usage,
  );
}
