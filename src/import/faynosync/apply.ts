import { checkUsername } from '../../core/accounts/credentials.js';
import { parsePermissions } from '../../core/accounts/team-permissions.js';
import type { Actor } from '../../core/auth/actor.js';
import { ARCHS, CHANNELS, type NamedKind, PLATFORMS } from '../../core/catalog/named.js';
import type { CatalogDeps } from '../../core/commands/app-write.js';
import { insertAdmin } from '../../core/commands/create-admin.js';
import { insertApiToken } from '../../core/commands/create-api-token.js';
import { prepareAppCreate } from '../../core/commands/create-app.js';
import { createNamed } from '../../core/commands/create-named.js';
import { insertTeamUser } from '../../core/commands/create-team-user.js';
import { prepareUpload } from '../../core/commands/upload-release.js';
import { DomainError } from '../../core/errors.js';
import { UPDRAFT_KEY_ROOTS } from '../../core/releases/artifact-keys.js';
import type { ReleaseDeps } from '../../core/releases/upload.js';
import type { Db } from '../../db/connect.js';
import type { ResourceKind } from '../../db/schema.js';
import type { ObjectSource } from './object-sources.js';
import type { ImportPlan, PlannedFile, PlannedRelease, TenantPlan } from './plan.js';

/** What the importer writes through: an AppContext is one. */
export type ImportDeps = ReleaseDeps & CatalogDeps;

export const COUNTED = [
  'tenants',
  'teamUsers',
  'channels',
  'platforms',
  'archs',
  'apps',
  'versions',
  'files',
  'tokens',
] as const;

export interface ImportSummary {
  dryRun: boolean;
  /** Per kind: written by this run (or, in a dry run, that would be), and already in Updraft. */
  counts: Record<(typeof COUNTED)[number], { imported: number; present: number }>;
  /** Bytes of the files copied. */
  bytes: number;
  /** What could not be moved, one sentence each. */
  notMoved: string[];
  /** What was moved but differs from FaynoSync's records. */
  warnings: string[];
}

// Go's bcrypt writes $2a$; Updraft's bcrypt reads every variant, so the hashes move as they are.
const BCRYPT = /^\$2[abxy]\$\d\d\$[./A-Za-z0-9]{53}$/;
const TOKEN_HASH = /^[0-9a-f]{64}$/;
const NAMED: readonly [NamedKind, 'channels' | 'platforms' | 'archs'][] = [
  [CHANNELS, 'channels'],
  [PLATFORMS, 'platforms'],
  [ARCHS, 'archs'],
];

function emptySummary(dryRun: boolean): ImportSummary {
  const counts = {} as ImportSummary['counts'];
  for (const kind of COUNTED) counts[kind] = { imported: 0, present: 0 };
  return { dryRun, counts, bytes: 0, notMoved: [], warnings: [] };
}

/** FaynoSync's key is kept (its links keep working) unless Updraft writes under its first segment. */
function keepsKey(key: string): boolean {
  return !UPDRAFT_KEY_ROOTS.includes(key.slice(0, key.indexOf('/')));
}

/** `IS NULL` for a missing id, `=` otherwise. */
const nullOr = (value: string | null): 'is' | '=' => (value === null ? 'is' : '=');

/**
 * Writes a plan into Updraft through the core commands, skipping what is already there (matched by tenant, names,
 * version and file name), so a second run adds only what is new. A dry run reads the same and writes nothing.
 */
export async function applyPlan(
  plan: ImportPlan,
  deps: ImportDeps,
  source: ObjectSource,
  dryRun: boolean,
): Promise<ImportSummary> {
  const summary = emptySummary(dryRun);
  summary.notMoved.push(...plan.notMoved);
  // An import is the operator's own act, not a client's upload: the per-request limit does not apply.
  const releaseDeps: ImportDeps = {
    ...deps,
    config: { ...deps.config, uploadMaxBytes: Number.MAX_SAFE_INTEGER },
  };
  for (const tenant of plan.tenants) {
    await new TenantImport(tenant, releaseDeps, source, summary).run();
  }
  return summary;
}

class TenantImport {
  /** Undefined while the tenant does not exist (a dry run, before its admin is written). */
  #tenantId: string | undefined;

  constructor(
    private readonly plan: TenantPlan,
    private readonly deps: ImportDeps,
    private readonly source: ObjectSource,
    private readonly summary: ImportSummary,
  ) {}

  get #db(): Db {
    return this.deps.database.db;
  }

  get #dryRun(): boolean {
    return this.summary.dryRun;
  }

  #actor(tenantId: string): Actor {
    const { admin } = this.plan;
    return {
      userId: tenantId,
      tenantId,
      username: admin,
      ownerUsername: admin,
      role: 'admin',
      permissions: null,
    };
  }

  #notMoved(what: string, why: string): void {
    this.summary.notMoved.push(`${this.plan.admin}: ${what}: ${why}`);
  }

  /** Runs a write; a refusal of the core (a name Updraft does not accept, say) is reported, not fatal. */
  async #attempt(what: string, write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      this.#notMoved(what, err.message);
      return false;
    }
  }

  async run(): Promise<void> {
    if (!(await this.#admin())) return;
    for (const [kind, table] of NAMED) {
      const items =
        table === 'platforms'
          ? this.plan.platforms
          : this.plan[table].map((name) => ({ name, updaters: undefined }));
      for (const item of items) {
        if (await this.#idOf(table, item.name)) {
          this.summary.counts[table].present += 1;
          continue;
        }
        const input = {
          [kind.label]: item.name,
          ...(item.updaters?.length ? { updaters: item.updaters } : {}),
        };
        await this.#write(table, `${kind.label} "${item.name}"`, (actor) =>
          createNamed(this.deps, actor, kind, input),
        );
      }
    }
    for (const app of this.plan.apps) {
      if (await this.#idOf('apps', app.name)) {
        this.summary.counts.apps.present += 1;
        continue;
      }
      const data = {
        app: app.name,
        description: app.description,
        private: app.private,
        reports: app.reports,
        tuf: app.tuf,
        cdn: app.cdn,
      };
      await this.#write('apps', `app "${app.name}"`, async (actor) =>
        (await prepareAppCreate(this.deps, actor, data)).commit(),
      );
    }
    const versions = new Set<string>();
    for (const release of this.plan.releases) await this.#release(release, versions);
    for (const user of this.plan.teamUsers) await this.#teamUser(user);
    for (const token of this.plan.tokens) await this.#token(token);
  }

  /** Counts a new item and, unless this is a dry run, writes it as the tenant's admin. */
  async #write(
    kind: keyof ImportSummary['counts'],
    what: string,
    write: (actor: Actor) => Promise<unknown>,
  ): Promise<void> {
    const tenantId = this.#tenantId;
    if (this.#dryRun || tenantId === undefined) {
      this.summary.counts[kind].imported += 1;
      return;
    }
    if (await this.#attempt(what, () => write(this.#actor(tenantId))))
      this.summary.counts[kind].imported += 1;
  }

  async #admin(): Promise<boolean> {
    const { admin, passwordHash } = this.plan;
    const existing = await this.#db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('username', '=', admin)
      .executeTakeFirst();
    if (existing) {
      if (existing.role !== 'admin') {
        this.#notMoved(
          'the admin and everything it owns',
          'this username is a team user of another Updraft tenant',
        );
        return false;
      }
      this.#tenantId = existing.id;
      this.summary.counts.tenants.present += 1;
      return true;
    }
    if (!BCRYPT.test(passwordHash)) {
      this.#notMoved('the admin and everything it owns', 'its password is not a bcrypt hash');
      return false;
    }
    try {
      checkUsername(admin);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      this.#notMoved('the admin and everything it owns', err.message);
      return false;
    }
    if (!this.#dryRun) this.#tenantId = await insertAdmin(this.#db, admin, passwordHash);
    this.summary.counts.tenants.imported += 1;
    return true;
  }

  async #idOf(table: ResourceKind, name: string | null): Promise<string | null | undefined> {
    if (name === null) return null;
    if (this.#tenantId === undefined) return undefined;
    const row = await this.#db
      .selectFrom(table)
      .select('id')
      .where('tenant_id', '=', this.#tenantId)
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.id;
  }

  /** The version's files of this release's platform and arch that Updraft already has, by name. */
  async #existing(release: PlannedRelease): Promise<{ versionId: string | undefined; files: Set<string> }> {
    const appId = await this.#idOf('apps', release.app);
    const channelId = await this.#idOf('channels', release.channel);
    const platformId = await this.#idOf('platforms', release.platform);
    const archId = await this.#idOf('archs', release.arch);
    if (!appId || channelId === undefined || this.#tenantId === undefined) {
      return { versionId: undefined, files: new Set() };
    }
    const version = await this.#db
      .selectFrom('versions')
      .select('id')
      .where('tenant_id', '=', this.#tenantId)
      .where('app_id', '=', appId)
      .where('channel_id', nullOr(channelId), channelId)
      .where('version', '=', release.version)
      .executeTakeFirst();
    if (!version || platformId === undefined || archId === undefined) {
      return { versionId: version?.id, files: new Set() };
    }
    const rows = await this.#db
      .selectFrom('artifacts')
      .select('file_name')
      .where('tenant_id', '=', this.#tenantId)
      .where('version_id', '=', version.id)
      .where('platform_id', nullOr(platformId), platformId)
      .where('arch_id', nullOr(archId), archId)
      .execute();
    return { versionId: version.id, files: new Set(rows.map((r) => r.file_name)) };
  }

  async #release(release: PlannedRelease, versions: Set<string>): Promise<void> {
    const what = `version ${release.version} of "${release.app}"${release.channel ? ` (${release.channel})` : ''}`;
    const existing = await this.#existing(release);
    const versionKey = JSON.stringify([release.app, release.channel, release.version]);
    // A version is counted once: present if Updraft had it, imported once a file of it is (or would be) written.
    const counted = (kind: 'present' | 'imported') => {
      if (versions.has(versionKey)) return;
      versions.add(versionKey);
      this.summary.counts.versions[kind] += 1;
    };
    if (existing.versionId) counted('present');
    const missing = release.files.filter((file) => !existing.files.has(file.fileName));
    this.summary.counts.files.present += release.files.length - missing.length;
    if (missing.length === 0) return;
    const tenantId = this.#tenantId;
    if (this.#dryRun || tenantId === undefined) {
      for (const file of missing) {
        const stream = await this.source.open(file.visibility, file.key);
        if (stream) {
          stream.destroy();
          counted('imported');
          this.summary.counts.files.imported += 1;
        } else {
          this.#notMoved(`${what}: file ${file.key}`, `not found in the ${file.visibility} bucket`);
        }
      }
      return;
    }
    const data = {
      app_name: release.app,
      version: release.version,
      channel: release.channel ?? undefined,
      platform: release.platform ?? undefined,
      arch: release.arch ?? undefined,
      publish: release.published,
      critical: release.critical,
      intermediate: release.intermediate,
      rollout: release.rolloutPercent,
      changelog: release.changelog,
      signature: release.signature ?? undefined,
    };
    const copied: PlannedFile[] = [];
    await this.#attempt(what, async () => {
      const write = await prepareUpload(
        this.deps,
        this.#actor(tenantId),
        data,
        new Map(),
        undefined,
        release.rolloutSeed,
      );
      try {
        for (const file of missing) {
          const stream = await this.source.open(file.visibility, file.key);
          if (!stream) {
            this.#notMoved(`${what}: file ${file.key}`, `not found in the ${file.visibility} bucket`);
            continue;
          }
          await write.addFile({
            fileName: file.fileName,
            stream,
            package: file.package,
            ...(keepsKey(file.key) ? { keptKey: file.key } : {}),
          });
          copied.push(file);
        }
        if (copied.length > 0) await write.commit();
        else await write.discard();
      } catch (err) {
        copied.length = 0;
        await write.discard();
        throw err;
      }
    });
    if (copied.length === 0) return;
    counted('imported');
    await this.#checkCopies(release, copied, what);
  }

  /** Counts the copies and compares the SHA-256 measured while copying with FaynoSync's record. */
  async #checkCopies(release: PlannedRelease, copied: PlannedFile[], what: string): Promise<void> {
    const { versionId } = await this.#existing(release);
    const rows = await this.#db
      .selectFrom('artifacts')
      .select(['file_name', 'sha256', 'size'])
      .where('tenant_id', '=', this.#tenantId ?? '')
      .where('version_id', '=', versionId ?? '')
      .where(
        'file_name',
        'in',
        copied.map((f) => f.fileName),
      )
      .execute();
    const byName = new Map(rows.map((row) => [row.file_name, row]));
    for (const file of copied) {
      const row = byName.get(file.fileName);
      if (!row) continue;
      this.summary.counts.files.imported += 1;
      this.summary.bytes += Number(row.size);
      if (file.sha256 && file.sha256.toLowerCase() !== row.sha256) {
        this.summary.warnings.push(
          `${this.plan.admin}: ${what}: file ${file.key}: its SHA-256 is ${row.sha256}, FaynoSync recorded ${file.sha256} (FaynoSync overwrote files of failed re-uploads)`,
        );
      }
    }
  }

  async #teamUser(user: TenantPlan['teamUsers'][number]): Promise<void> {
    const what = `team user "${user.username}"`;
    const existing = await this.#db
      .selectFrom('users')
      .select(['tenant_id', 'role'])
      .where('username', '=', user.username)
      .executeTakeFirst();
    if (existing) {
      if (existing.role === 'team' && existing.tenant_id === this.#tenantId) {
        this.summary.counts.teamUsers.present += 1;
      } else {
        this.#notMoved(what, 'the username is taken in Updraft (usernames are unique across tenants)');
      }
      return;
    }
    if (!BCRYPT.test(user.passwordHash)) {
      this.#notMoved(what, 'its password is not a bcrypt hash');
      return;
    }
    await this.#write('teamUsers', what, async (actor) => {
      const permissions: Record<string, unknown> = {};
      for (const kind of ['apps', 'channels', 'platforms', 'archs'] as const) {
        const ids: string[] = [];
        for (const name of user.allowed[kind]) {
          const id = await this.#idOf(kind, name);
          if (id) ids.push(id);
          else this.#notMoved(what, `allowed ${kind} "${name}" was not imported`);
        }
        permissions[kind] = { ...user.flags[kind], allowed: ids };
      }
      return insertTeamUser(
        this.#db,
        actor.tenantId,
        checkUsername(user.username),
        user.passwordHash,
        parsePermissions(permissions),
      );
    });
  }

  async #token(token: TenantPlan['tokens'][number]): Promise<void> {
    const what = `API token "${token.name}"`;
    if (!TOKEN_HASH.test(token.hash)) {
      this.#notMoved(what, 'its stored hash is not a SHA-256');
      return;
    }
    const existing = await this.#db
      .selectFrom('api_tokens')
      .select('tenant_id')
      .where('token_hash', '=', token.hash)
      .executeTakeFirst();
    if (existing) {
      if (existing.tenant_id === this.#tenantId) this.summary.counts.tokens.present += 1;
      else this.#notMoved(what, 'the same token already belongs to another Updraft tenant');
      return;
    }
    await this.#write('tokens', what, async (actor) => {
      const allowedApps: string[] = [];
      for (const name of token.allowedApps) {
        const id = await this.#idOf('apps', name);
        if (id) allowedApps.push(id);
      }
      if (allowedApps.length === 0) throw new DomainError('invalid', 'none of its allowed apps was imported');
      return insertApiToken(this.#db, actor.tenantId, { ...token, allowedApps });
    });
  }
}
