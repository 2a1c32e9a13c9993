import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { UpdaterEntry } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { type Usage, visibleTo } from './common.js';
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
export type SharedShape = 'channels';

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
