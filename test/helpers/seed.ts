import { createHash, randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { Insertable } from 'kysely';
import type { AppContext } from '../../src/context.js';
import { newId } from '../../src/core/ids.js';
import { parseVersion } from '../../src/core/version-numbers.js';
import type { Db } from '../../src/db/connect.js';
import type { ArtifactsTable, VersionsTable } from '../../src/db/schema.js';

/**
 * Rows written straight into the database, for tests that need releases without going through /upload, and
 * for the benchmark. Nothing here bumps a generation: callers say `await ctx.changes.changed(tenantId)`
 * themselves, exactly where a real write would.
 */

export interface SeededTenant {
  tenantId: string;
  username: string;
  /** Name → id, for each kind. */
  apps: Record<string, string>;
  channels: Record<string, string>;
  platforms: Record<string, string>;
  archs: Record<string, string>;
}

export interface TenantInput {
  username: string;
  apps?: (string | { name: string; private: boolean })[];
  channels?: string[];
  platforms?: string[];
  archs?: string[];
}

/** An admin (a tenant) with its catalog. The password hash is not a real one: seeded admins never log in. */
export async function seedTenant(db: Db, input: TenantInput): Promise<SeededTenant> {
  const tenantId = newId();
  await db
    .insertInto('users')
    .values({
      id: tenantId,
      tenant_id: tenantId,
      username: input.username,
      password_hash: '!',
      role: 'admin',
    })
    .execute();
  const seeded: SeededTenant = {
    tenantId,
    username: input.username,
    apps: {},
    channels: {},
    platforms: {},
    archs: {},
  };
  const apps = (input.apps ?? []).map((a) => (typeof a === 'string' ? { name: a, private: false } : a));
  if (apps.length > 0) {
    const rows = apps.map((a) => ({ id: newId(), tenant_id: tenantId, name: a.name, private: a.private }));
    await db.insertInto('apps').values(rows).execute();
    for (const row of rows) seeded.apps[row.name] = row.id;
  }
  for (const table of ['channels', 'platforms', 'archs'] as const) {
    const names = input[table] ?? [];
    if (names.length === 0) continue;
    const rows = names.map((name) => ({ id: newId(), tenant_id: tenantId, name }));
    if (table === 'platforms') {
      const updaters = JSON.stringify([{ type: 'manual', default: true }]);
      await db
        .insertInto('platforms')
        .values(rows.map((r) => ({ ...r, updaters })))
        .execute();
    } else {
      await db.insertInto(table).values(rows).execute();
    }
    for (const row of rows) seeded[table][row.name] = row.id;
  }
  return seeded;
}

export interface SeedArtifact {
  platformId?: string | null;
  archId?: string | null;
  fileName: string;
  /** Defaults to `<appId>/<version>/<platform>/<arch>/<fileName>`. */
  key?: string;
  size?: number;
  signature?: string;
  /** Content to put in the store (seedRelease only), so that the file can really be downloaded. */
  bytes?: Buffer | string;
}

export interface SeedReleaseInput {
  tenantId: string;
  appId: string;
  channelId?: string | null;
  version: string;
  published?: boolean;
  critical?: boolean;
  intermediate?: boolean;
  rollout?: number;
  seed?: string;
  changelog?: string;
  /** Where the files live; seedRelease takes it from the app. */
  visibility?: 'public' | 'private';
  artifacts: SeedArtifact[];
}

export interface SeededRelease {
  versionId: string;
  artifactIds: string[];
  keys: string[];
}

let lastTime = 0;
/** Strictly increasing upload times: "the newest artifact wins" must not depend on two rows sharing a millisecond. */
function nextTime(): Date {
  lastTime = Math.max(Date.now(), lastTime + 1);
  return new Date(lastTime);
}

/** Inserts many releases in few statements (the benchmark seeds tens of thousands of rows). */
export async function insertReleases(db: Db, inputs: SeedReleaseInput[]): Promise<SeededRelease[]> {
  const versions: Insertable<VersionsTable>[] = [];
  const artifacts: Insertable<ArtifactsTable>[] = [];
  const seeded: SeededRelease[] = [];
  for (const input of inputs) {
    const version = parseVersion(input.version).text;
    const versionId = newId();
    versions.push({
      id: versionId,
      tenant_id: input.tenantId,
      app_id: input.appId,
      channel_id: input.channelId ?? null,
      version,
      published: input.published ?? true,
      critical: input.critical ?? false,
      intermediate: input.intermediate ?? false,
      rollout_percent: input.rollout ?? 100,
      rollout_seed: input.seed ?? randomBytes(8).toString('hex'),
      changelog: input.changelog ?? '',
    });
    const release: SeededRelease = { versionId, artifactIds: [], keys: [] };
    for (const a of input.artifacts) {
      const key =
        a.key ?? `${input.appId}/${version}/${a.platformId ?? 'any'}/${a.archId ?? 'any'}/${a.fileName}`;
      const bytes = a.bytes ?? a.fileName;
      const id = newId();
      artifacts.push({
        id,
        tenant_id: input.tenantId,
        version_id: versionId,
        platform_id: a.platformId ?? null,
        arch_id: a.archId ?? null,
        file_name: a.fileName,
        storage_key: key,
        visibility: input.visibility ?? 'public',
        package: extname(a.fileName),
        size: a.size ?? Buffer.byteLength(bytes),
        sha1: createHash('sha1').update(bytes).digest('hex'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sha512: createHash('sha512').update(bytes).digest('hex'),
        signature: a.signature ?? null,
        created_at: nextTime(),
      });
      release.artifactIds.push(id);
      release.keys.push(key);
    }
    seeded.push(release);
  }
  // Well under PostgreSQL's 65,535 parameters per statement for both tables.
  for (let i = 0; i < versions.length; i += 1000) {
    await db
      .insertInto('versions')
      .values(versions.slice(i, i + 1000))
      .execute();
  }
  for (let i = 0; i < artifacts.length; i += 1000) {
    await db
      .insertInto('artifacts')
      .values(artifacts.slice(i, i + 1000))
      .execute();
  }
  return seeded;
}

/** One release with real rows and, for artifacts given bytes, real files in the store. */
export async function seedRelease(ctx: AppContext, input: SeedReleaseInput): Promise<SeededRelease> {
  const app = await ctx.database.db
    .selectFrom('apps')
    .select('private')
    .where('id', '=', input.appId)
    .executeTakeFirstOrThrow();
  const visibility = app.private ? 'private' : 'public';
  const [release] = await insertReleases(ctx.database.db, [{ ...input, visibility }]);
  if (!release) throw new Error('no release seeded');
  for (const [i, artifact] of input.artifacts.entries()) {
    const key = release.keys[i];
    if (artifact.bytes === undefined || key === undefined) continue;
    await ctx.store.put(key, Readable.from([Buffer.from(artifact.bytes)]), { visibility });
  }
  return release;
}
