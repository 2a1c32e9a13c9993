import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { DownloadMode } from '../../db/schema.js';
import type { ArtifactStore } from '../../storage/types.js';
import type { Actor } from '../auth/actor.js';
import { duplicateName, lockForChange, nameTaken, withConstraints } from '../catalog/common.js';
import { type LogoStaging, type LogoUpload, putLogo, removeLogo } from '../catalog/logo.js';
import { invalid } from '../errors.js';
import { grantToCreator } from '../permissions.js';
import { type ReportKeySecret, setReportKey } from '../reports/report-keys.js';
import type { CommandDeps } from './deps.js';

/** What app commands need; an AppContext is one. */
export interface CatalogDeps extends CommandDeps {
  store: ArtifactStore;
  logger: Logger;
  /** Report keys are sealed with a key derived from the server secret. */
  config: ReportKeySecret;
}

export const MAX_DESCRIPTION_LENGTH = 4096;

export function asObject(data: unknown): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid('data must be a JSON object such as {"app":"myapp"}');
  }
  return data as Record<string, unknown>;
}

/**
 * FaynoSync's `download_mode` for private apps: `strict` (a login with the download right, or a download token)
 * or `unlisted` (anyone with the link). Absent or empty keeps the current mode; new apps are `strict`.
 */
export function parseDownloadMode(value: unknown): DownloadMode | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 'strict' || value === 'unlisted') return value;
  throw invalid('download_mode must be "unlisted" or "strict"');
}

export function parseDescription(value: unknown): string | undefined {
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

export interface AppFields {
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
export function refuseCdnForPrivate(isPrivate: boolean, cdn: boolean | undefined): void {
  if (isPrivate && cdn) {
    throw invalid(
      'cdn cannot be turned on for a private app: edge response objects are public and would publish its download links',
    );
  }
}

export class AppWrite implements PendingAppWrite {
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
    // Names, privacy and the cdn flag decide what update checks and feeds answer.
    await this.deps.changes.changed(this.actor.tenantId);
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
