import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { DownloadMode } from '../../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { visibleApps } from '../lookup.js';
import { managerViewer } from '../visibility.js';

export interface AppItem {
  id: string;
  name: string;
  description: string;
  private: boolean;
  /** Who may download the files of a private app (see parseDownloadMode). */
  downloadMode: DownloadMode;
  /** FaynoSync's `tuf` flag: stored and listed; Updraft does not sign yet. */
  tuf: boolean;
  /** FaynoSync's `cdn` flag: the app's check answers are published as public objects (core/releases/edge.ts). */
  cdn: boolean;
  logoKey: string | null;
  updatedAt: Date;
  reports: boolean;
}

/** The apps the caller sees (core/visibility.ts: a team user's allowed ones; none deleted through /v1). */
export async function listApps(db: Db, actor: Actor): Promise<AppItem[]> {
  const rows = await visibleApps(db, await managerViewer(db, actor))
    .selectAll('a')
    .orderBy(sql`lower(name) collate "C"`)
    .orderBy(sql`name collate "C"`)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    private: row.private,
    downloadMode: row.download_mode,
    tuf: row.tuf,
    cdn: row.cdn,
    logoKey: row.logo_key,
    updatedAt: new Date(row.updated_at),
    reports: row.reports,
  }));
}
