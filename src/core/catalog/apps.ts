import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import type { DownloadMode } from '../../db/schema.js';
import type { ArtifactStore } from '../../storage/types.js';
import type { Actor } from '../auth/actor.js';
import { invalid, notFound } from '../errors.js';
import { parseFlag } from '../flags.js';
import { newId } from '../ids.js';
import { visibleApps } from '../lookup.js';
import { checkName } from '../names.js';
import { grantToCreator, requireAllowed, requirePermission, revokeEverywhere } from '../permissions.js';
import { blobKeysOfApp, removeBlobObjects } from '../reports/blobs.js';
import { type ReportKeySecret, setReportKey } from '../reports/keys.js';
import { managerViewer } from '../visibility.js';
import {
  duplicateName,
  lockForChange,
  nameTaken,
  parseId,
  refuseIfUsed,
  type Usage,
  withConstraints,
} from './common.js';
import { type LogoStaging, type LogoUpload, putLogo, removeLogo } from './logo.js';

/** What app commands need; an AppContext is one. */
export interface CatalogDeps {
  database: { db: Db };
  store: ArtifactStore;
  logger: Logger;
  /** Report keys are sealed with a key derived from the server secret. */
  config: ReportKeySecret;
}

export const MAX_DESCRIPTION_LENGTH = 4096;
const APP_USAGE: Usage = { table: 'versions', column: 'app_id' };

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

function asObject(data: unknown): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid('data must be a JSON object such as {"app":"myapp"}');
  }
  return data as Record<string, unknown>;
}

/**
 * FaynoSync's `download_mode` for private apps: `strict` (a login with the download right, or a download token)
 * or `unlisted` (anyone with the link). Absent or empty keeps the current mode; new apps are `strict`.
 */
function parseDownloadMode(value: unknown): DownloadMode | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 'strict' || value === 'unlisted') return value;
  throw invalid('download_mode must be "unlisted" or "strict"');
}

function parseDescription(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid('description must be a string');
  if (value.length > MAX_DESCRIPTION_LENGTH) {
    throw invalid(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters long`);
  }
  return value;
}

/**
 * A validated app create or update that has not written anything yet. The logo, if any, is attached (stored) next;
 * commit then writes the row. Splitting it this way lets a face check everything before the first byte of a logo
 * reaches storage, and still refuse the whole request if something after the logo (the rest of a form) is wrong.
 */
export interface PendingAppWrite {
  readonly appId: string;
  attachLogo(upload: LogoUpload): Promise<void>;
  /** Writes the row; a logo stored for it is removed again if that fails. Returns the app id. */
  commit(): Promise<string>;
  /** Gives up: removes a logo stored for a write that will not happen. */
  discard(): Promise<void>;
}

interface AppFields {
  id: string;
  name: string;
  description: string | undefined;
  private: boolean;
  downloadMode: DownloadMode | undefined;
  /** Undefined on update: keep the current value. */
  reports: boolean | undefined;
  /** Undefined on update: the flag was not sent and keeps its value. */
  tuf: boolean | undefined;
  cdn: boolean | undefined;
}

/**
 * Edge objects are public: with `cdn` a private app's answers, links included, would be readable by anyone (the
 * leak FaynoSync's development branch closed by refusing the combination, as Updraft does).
 */
function refuseCdnForPrivate(isPrivate: boolean, cdn: boolean | undefined): void {
  if (isPrivate && cdn) {
    throw invalid(
      'cdn cannot be turned on for a private app: edge response objects are public and would publish its download links',
    );
  }
}

class AppWrite implements PendingAppWrite {
  #logoKey: string | undefined;

  constructor(
    private readonly deps: CatalogDeps,
    private readonly actor: Actor,
    private readonly mode: 'create' | 'update',
    private readonly fields: AppFields,
  ) {}

  get appId(): string {
    return this.fields.id;
  }

  async attachLogo(upload: LogoUpload): Promise<void> {
    if (this.#logoKey) throw invalid('send at most one logo');
    this.#logoKey = await putLogo(this.deps.store, this.actor.tenantId, this.fields.id, upload);
  }

  /** Takes over the logo sent before the data (if any), as if attachLogo had stored it. */
  async adoptLogo(staging: LogoStaging): Promise<void> {
    const key = await staging.place(this.actor.tenantId, this.fields.id);
    if (key) this.#logoKey = key;
  }

  async commit(): Promise<string> {
    let replaced: string | null = null;
    try {
      replaced = this.mode === 'create' ? await this.#insert() : await this.#update();
    } catch (err) {
      await this.discard();
      throw err;
    }
    if (replaced) await removeLogo(this.deps.store, this.deps.logger, replaced);
    return this.fields.id;
  }

  async discard(): Promise<void> {
    const key = this.#logoKey;
    this.#logoKey = undefined;
    if (key) await removeLogo(this.deps.store, this.deps.logger, key);
  }

  async #insert(): Promise<null> {
    const { actor, fields } = this;
    await withConstraints(this.deps.database.db, 'app', async (trx) => {
      await trx
        .insertInto('apps')
        .values({
          id: fields.id,
          tenant_id: actor.tenantId,
          name: fields.name,
          description: fields.description ?? '',
          private: fields.private,
          ...(fields.downloadMode ? { download_mode: fields.downloadMode } : {}),
          tuf: fields.tuf ?? false,
          cdn: fields.cdn ?? false,
          logo_key: this.#logoKey ?? null,
          reports: fields.reports ?? false,
        })
        .execute();
      await grantToCreator(trx, actor, 'apps', fields.id);
      if (fields.reports) await setReportKey(trx, this.deps.config, actor.tenantId, fields.id, true);
    });
    return null;
  }

  /** Returns the logo key the update replaced, to delete once the new one is committed. */
  async #update(): Promise<string | null> {
    const { actor, fields } = this;
    const newLogo = this.#logoKey;
    return withConstraints(this.deps.database.db, 'app', async (trx) => {
      await lockForChange(trx, 'apps', 'app', actor, fields.id);
      if (await nameTaken(trx, 'apps', actor.tenantId, fields.name, fields.id)) throw duplicateName('app');
      const before = await trx
        .selectFrom('apps')
        .select(['logo_key', 'reports'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', fields.id)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('apps')
        .set({
          name: fields.name,
          ...(fields.description === undefined ? {} : { description: fields.description }),
          ...(fields.downloadMode ? { download_mode: fields.downloadMode } : {}),
          ...(fields.tuf === undefined ? {} : { tuf: fields.tuf }),
          ...(fields.cdn === undefined ? {} : { cdn: fields.cdn }),
          ...(newLogo ? { logo_key: newLogo } : {}),
          ...(fields.reports === undefined ? {} : { reports: fields.reports }),
          updated_at: sql`now()`,
        })
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', fields.id)
        .execute();
      // Enabling reports mints a key, disabling deletes it (FaynoSync); sending the current value changes nothing.
      if (fields.reports !== undefined && fields.reports !== before.reports) {
        await setReportKey(trx, this.deps.config, actor.tenantId, fields.id, fields.reports);
      }
      return newLogo ? before.logo_key : null;
    });
  }
}

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

/** Refused while versions use the app; its logo goes once the row is gone. */
export async function deleteApp(deps: CatalogDeps, actor: Actor, rawId: unknown): Promise<void> {
  requirePermission(actor, 'apps', 'delete');
  const id = parseId(rawId);
  let reportObjects: string[] = [];
  const logoKey = await withConstraints(
    deps.database.db,
    'app',
    async (trx) => {
      await lockForChange(trx, 'apps', 'app', actor, id);
      await refuseIfUsed(trx, 'app', APP_USAGE, actor.tenantId, id);
      // The app's report groups and blob rows go with it (cascade); their objects are removed after the commit.
      reportObjects = await blobKeysOfApp(trx, actor.tenantId, id);
      const row = await trx
        .deleteFrom('apps')
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', id)
        .returning('logo_key')
        .executeTakeFirstOrThrow();
      await revokeEverywhere(trx, actor.tenantId, 'apps', id);
      return row.logo_key;
    },
    APP_USAGE,
  );
  if (logoKey) await removeLogo(deps.store, deps.logger, logoKey);
  await removeBlobObjects(deps, reportObjects);
}
