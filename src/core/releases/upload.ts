import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import type { UpdaterEntry } from '../../db/schema.js';
import { MAX_KEY_BYTES, MAX_SEGMENT_BYTES } from '../../storage/keys.js';
import {
  type ArtifactStore,
  InvalidKeyError,
  ObjectTooLargeError,
  type Visibility,
} from '../../storage/types.js';
import type { Actor } from '../auth/actor.js';
import { UPDATER_TYPES } from '../catalog/updaters.js';
import { conflict, DomainError, invalid } from '../errors.js';
import { parseFlag } from '../flags.js';
import { newId } from '../ids.js';
import { checkName, printable } from '../names.js';
import { requireAllowed, requirePermission } from '../permissions.js';
import { parseVersion } from '../versions.js';
import { releaseKey, temporaryKey } from './keys.js';
import { checkUpdaterData, checkUpdaterFiles } from './updater-rules.js';

/** What the release commands need; an AppContext is one. */
export interface ReleaseDeps {
  config: { uploadMaxBytes: number };
  database: { db: Db };
  store: ArtifactStore;
  logger: Logger;
  /** Told of the files each committed write added (the upload metrics). */
  metrics?: { uploaded(files: number, bytes: number): void };
}

const MAX_CHANGELOG_BYTES = 64 * 1024;
const MAX_SIGNATURE_LENGTH = 16 * 1024;
/** What file systems (and so the people downloading) accept as one file name. */
// The storage's limit on one key segment (the local driver keeps a sidecar beside each file).
const MAX_FILE_NAME_BYTES = MAX_SEGMENT_BYTES;

const DUPLICATE_ARTIFACT = 'app with this name, version, platform, architecture and file already exists';
const BUSY =
  'a file of this version is being uploaded or deleted by another request right now: try again in a moment';

export function asObject(data: unknown, example: string): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalid(`data must be a JSON object such as ${example}`);
  }
  return data as Record<string, unknown>;
}

/** A text value a request may leave out: undefined, null and "" all mean "not sent". */
function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  return value;
}

function parseRollout(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100) {
    throw invalid('rollout must be an integer between 0 and 100');
  }
  return n;
}

/** An empty changelog keeps the current one, as in FaynoSync, whose clients send "" when it is not edited. */
function parseChangelog(value: unknown): string | undefined {
  const text = optionalText(value, 'changelog');
  if (text !== undefined && Buffer.byteLength(text) > MAX_CHANGELOG_BYTES) {
    throw invalid(`changelog must be at most ${MAX_CHANGELOG_BYTES / 1024} KB of markdown`);
  }
  return text;
}

export function parseSignature(value: unknown): string | null {
  const text = optionalText(value, 'signature');
  if (text !== undefined && text.length > MAX_SIGNATURE_LENGTH) {
    throw invalid(`signature must be at most ${MAX_SIGNATURE_LENGTH} characters long`);
  }
  return text ?? null;
}

/** The version columns a request sets; a field it left out is absent and keeps its current value. */
export interface VersionChanges {
  published?: boolean;
  critical?: boolean;
  intermediate?: boolean;
  rollout_percent?: number;
  changelog?: string;
  min_system_version?: string | null;
}

/**
 * The oldest OS version a release runs on, as the feeds give it (electron-builder's and Sparkle's
 * minimumSystemVersion): dotted numbers such as `10.15` or `10.0.19041`. "" clears it; absent keeps it.
 */
function parseMinSystemVersion(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === '') return null;
  if (typeof value !== 'string' || !/^\d{1,9}(\.\d{1,9}){0,3}$/.test(value)) {
    throw invalid(
      'minimum_system_version must be dotted numbers such as "10.15" or "10.0.19041" ("" clears it)',
    );
  }
  return value;
}

/**
 * Reads FaynoSync's version fields from `data` (`publish`, `critical`, `intermediate`, `rollout`, `changelog`);
 * `intermediate` may also come as a form field of its own, which FaynoSync's CI examples use.
 */
export function parseVersionChanges(
  input: Record<string, unknown>,
  formFields: ReadonlyMap<string, string>,
): VersionChanges {
  const changes: VersionChanges = {};
  const published = parseFlag(input.publish, 'publish');
  const critical = parseFlag(input.critical, 'critical');
  const intermediate =
    parseFlag(input.intermediate, 'intermediate') ??
    parseFlag(formFields.get('intermediate'), 'intermediate');
  const rollout = parseRollout(input.rollout);
  const changelog = parseChangelog(input.changelog);
  const minSystemVersion = parseMinSystemVersion(input.minimum_system_version);
  if (published !== undefined) changes.published = published;
  if (critical !== undefined) changes.critical = critical;
  if (intermediate !== undefined) changes.intermediate = intermediate;
  if (rollout !== undefined) changes.rollout_percent = rollout;
  if (changelog !== undefined) changes.changelog = changelog;
  if (minSystemVersion !== undefined) changes.min_system_version = minSystemVersion;
  return changes;
}

export interface FoundApp {
  id: string;
  name: string;
  private: boolean;
}

/** An app named in a request, in the caller's tenant only: another tenant's app of that name does not exist here. */
export async function findApp(db: Db, tenantId: string, value: unknown): Promise<FoundApp> {
  const name = checkName(value, 'app_name');
  const app = await db
    .selectFrom('apps')
    .select(['id', 'name', 'private'])
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!app) throw invalid(`app_name not found: you have no app named "${name}"`);
  return app;
}

export type PlacementKind = 'channels' | 'platforms' | 'archs';

const LABEL: Record<PlacementKind, { field: string; title: string }> = {
  channels: { field: 'channel', title: 'Channel' },
  platforms: { field: 'platform', title: 'Platform' },
  archs: { field: 'arch', title: 'Arch' },
};

/** A channel, platform or arch named in a request (a filter, say), in the caller's tenant. */
export async function findNamed(
  db: Db,
  tenantId: string,
  kind: PlacementKind,
  value: unknown,
): Promise<string> {
  const { field, title } = LABEL[kind];
  const name = checkName(value, field);
  const row = await db
    .selectFrom(kind)
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw invalid(`wrong name of ${field}. ${title} does not exist: "${name}"`);
  return row.id;
}

/**
 * Where a file goes: FaynoSync's rule that once a tenant has created any channel (platform, arch) every upload must
 * name one, applied per tenant (FaynoSync looked at every tenant's); then the caller's allowed list.
 */
async function resolvePlacement(
  db: Db,
  actor: Actor,
  kind: PlacementKind,
  value: unknown,
): Promise<string | null> {
  if (value === undefined || value === null || value === '') {
    const any = await db
      .selectFrom(kind)
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .executeTakeFirst();
    if (any) {
      const { field } = LABEL[kind];
      throw invalid(`you have created ${kind}, setting ${field} is required`);
    }
    return null;
  }
  const id = await findNamed(db, actor.tenantId, kind, value);
  await requireAllowed(db, actor, kind, id);
  return id;
}

/**
 * The updater a release is meant for: one the platform is configured with, or, without a platform, one Updraft
 * knows; with what its `data` must carry (checkUpdaterData). It decides nothing about where files go (our key
 * layout is the same for every updater), but which files the upload must hold (checkUpdaterFiles, at commit).
 */
async function checkUpdater(
  db: Db,
  tenantId: string,
  input: Record<string, unknown>,
  platformId: string | null,
): Promise<string | undefined> {
  const updater = optionalText(input.updater, 'updater');
  if (updater === undefined) return undefined;
  if (platformId === null) {
    if (!(UPDATER_TYPES as readonly string[]).includes(updater)) {
      throw invalid(
        `invalid updater type: ${printable(updater)}. Valid types are: [${UPDATER_TYPES.join(' ')}]`,
      );
    }
  } else {
    const platform = await db
      .selectFrom('platforms')
      .select(['name', 'updaters'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', platformId)
      .executeTakeFirstOrThrow();
    const types = (platform.updaters as UpdaterEntry[]).map((u) => u.type);
    if (!types.includes(updater)) {
      throw invalid(
        `updater "${printable(updater)}" is not configured for platform "${platform.name}": use one of [${types.join(' ')}] or add it to the platform`,
      );
    }
  }
  checkUpdaterData(updater, { version: input.version, signature: input.signature });
  return updater;
}

/** Where the files of one request go, resolved and checked before any of them is stored. */
export interface FilePlacement {
  channelId: string | null;
  platformId: string | null;
  archId: string | null;
  /** The updater the upload names, whose required files commit() checks. */
  updater?: string | undefined;
}

/**
 * Channel, platform, arch and updater of `input`, each resolved in the caller's tenant and allowed list. A version
 * update passes its version's channel, which the request cannot change.
 */
export async function resolveFilePlacement(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
  channelId?: string | null,
): Promise<FilePlacement> {
  let channel: string | null;
  if (channelId === undefined) {
    channel = await resolvePlacement(db, actor, 'channels', input.channel);
  } else {
    channel = channelId;
    if (channel !== null) await requireAllowed(db, actor, 'channels', channel);
  }
  const platformId = await resolvePlacement(db, actor, 'platforms', input.platform);
  const archId = await resolvePlacement(db, actor, 'archs', input.arch);
  const updater = await checkUpdater(db, actor.tenantId, input, platformId);
  return { channelId: channel, platformId, archId, updater };
}

/**
 * A file name becomes the last segment of an object key and the name people download, so anything that could
 * climb out of a folder, hide a file or confuse a terminal is refused, naming the file. A directory part is refused,
 * not stripped: the client sent something other than it meant.
 */
export function checkFileName(name: string): string {
  const shown = `"${printable(name)}"`;
  if (name === '') throw invalid('a file has no name: send every file part with a filename');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw invalid(`file name ${shown} contains control characters: rename the file`);
  }
  if (name.includes('/') || name.includes('\\')) {
    throw invalid(`file name ${shown} has a directory part: send the file name only`);
  }
  if (name.includes('..')) throw invalid(`file name ${shown} contains "..": rename the file`);
  if (name.startsWith('.')) throw invalid(`file name ${shown} starts with ".": rename the file`);
  if (Buffer.byteLength(name) > MAX_FILE_NAME_BYTES) {
    throw invalid(`file name ${shown} is longer than ${MAX_FILE_NAME_BYTES} bytes: rename the file`);
  }
  return name;
}

/** FaynoSync's content types: the feed files its clients fetch get theirs; anything else the storage default. */
function contentTypeOf(fileName: string): string | undefined {
  if (fileName === 'RELEASES') return 'text/plain';
  const ext = extname(fileName).toLowerCase();
  if (ext === '.yml' || ext === '.yaml') return 'text/yaml';
  if (ext === '.json') return 'application/json';
  return undefined;
}

export interface FileUpload {
  fileName: string;
  stream: Readable;
}

/** Everything a release write needs to know, checked before its first file is stored. */
export interface ReleasePlan extends FilePlacement {
  tenantId: string;
  app: FoundApp;
  /** The normalised version text. */
  version: string;
  /** An update's changes to its version; an upload's apply only if it creates the version. */
  changes: VersionChanges;
  signature: string | null;
  /** An upload finds or creates its version; an update names one, which must still exist when it commits. */
  target: { create: true } | { create: false; versionId: string };
  filesRequired: boolean;
}

/** A file of a release request stored under a temporary key; nothing refers to it until the commit moves it. */
interface StagedFile {
  fileName: string;
  tempKey: string;
  /** Where the temporary object is: the app's, or private for a file that came before the request said which app. */
  visibility: Visibility;
  size: number;
  sha1: string;
  sha256: string;
  sha512: string;
}

/**
 * The files of one release request as they arrive, stored under temporary keys, with the checks that need nothing but
 * the file: its name, a name sent twice, the request's size limit. A file can arrive before the `data` that says
 * where it goes (FaynoSync's clients send `data` last); a ReleaseWrite later takes these over and checks the rest.
 * Whoever gives up on the request calls removeAll().
 */
export class ReleaseFiles {
  readonly #staged: StagedFile[] = [];
  readonly #names = new Set<string>();
  #bytes = 0;

  constructor(private readonly deps: ReleaseDeps) {}

  get staged(): readonly StagedFile[] {
    return this.#staged;
  }

  /** The name checks; returns the name. Throws before a byte of the file is read. */
  admit(fileName: string): string {
    const name = checkFileName(fileName);
    if (this.#names.has(name)) {
      throw invalid(`file "${printable(name)}" was sent twice in this request: send each file once`);
    }
    this.#names.add(name);
    return name;
  }

  /** Streams an admitted file to a temporary key of `visibility`; never holds it in memory. */
  async store(fileName: string, stream: Readable, visibility: Visibility): Promise<void> {
    const tempKey = temporaryKey();
    const limit = this.deps.config.uploadMaxBytes;
    let result: { size: number; sha1: string; sha256: string; sha512: string };
    try {
      result = await this.deps.store.put(tempKey, stream, {
        visibility,
        contentType: contentTypeOf(fileName),
        maxBytes: limit - this.#bytes,
      });
    } catch (err) {
      if (err instanceof ObjectTooLargeError) {
        throw new DomainError(
          'too_large',
          `the upload is larger than the limit of ${describeBytes(limit)} (UPLOAD_MAX_BYTES): send fewer or smaller files`,
        );
      }
      throw err;
    }
    this.#bytes += result.size;
    this.#staged.push({ fileName, tempKey, visibility, ...result });
  }

  /** A file that came before the request's `data`: private until the commit, since nobody knows its app yet. */
  async stage(file: FileUpload): Promise<void> {
    await this.store(this.admit(file.fileName), file.stream, 'private');
  }

  /** Forgets the files once the commit has moved them: they are the release's now. */
  committed(): void {
    this.#staged.length = 0;
  }

  async removeAll(): Promise<void> {
    const staged = this.#staged.splice(0);
    for (const file of staged) await removeObject(this.deps, file.tempKey, file.visibility);
  }
}

/**
 * One upload (or version update) in progress: files are streamed to temporary keys while their size and hashes are
 * measured, then commit() claims their final keys, and in one transaction writes the rows and moves the files into
 * place. Until that transaction commits nothing is visible; if it fails nothing of this request is left behind.
 *
 * Claims are `pending_objects` rows, committed before the first move: while a claim stands, the object at its key
 * belongs to this request (the primary key makes it exclusive), and a crash leaves it for the start-up sweep. The
 * transaction that writes the artifact rows deletes the claims, so an object is always owned by a claim or a row.
 */
export class ReleaseWrite {
  #done = false;

  constructor(
    private readonly deps: ReleaseDeps,
    private readonly plan: ReleasePlan,
    /** Files of this request received before it was planned: adoptStaged() checks them. */
    private readonly files: ReleaseFiles = new ReleaseFiles(deps),
  ) {}

  get #visibility(): Visibility {
    return this.plan.app.private ? 'private' : 'public';
  }

  #finalKey(fileName: string): string {
    return releaseKey({ ...this.plan, appId: this.plan.app.id, fileName });
  }

  /** Checks the file's name and duplicates, then streams it to a temporary key; never holds it in memory. */
  async addFile(file: FileUpload): Promise<void> {
    const fileName = this.files.admit(file.fileName);
    await this.#refuseDuplicate(fileName, this.#finalKey(fileName));
    await this.files.store(fileName, file.stream, this.#visibility);
  }

  /** Runs the checks that needed the plan on the files stored before it; call once, right after construction. */
  async adoptStaged(): Promise<void> {
    for (const file of this.files.staged) {
      await this.#refuseDuplicate(file.fileName, this.#finalKey(file.fileName));
    }
  }

  /**
   * Refuses, before a byte is stored, a file whose key would be too long, one the version already has or one another
   * request is writing. The unique index and the claim in commit() are what guarantee it; this only spares the
   * client sending a file in vain.
   */
  async #refuseDuplicate(fileName: string, finalKey: string): Promise<void> {
    // Checked before the file is claimed (or, when it came after data, stored): a key the store refuses would fail
    // only at the final move.
    if (Buffer.byteLength(finalKey) > MAX_KEY_BYTES) {
      throw invalid(
        `file name "${printable(fileName)}" makes the storage key longer than ${MAX_KEY_BYTES} bytes: use a shorter file name or version`,
      );
    }
    const { db } = this.deps.database;
    const { plan } = this;
    const existing = await db
      .selectFrom('artifacts as a')
      .innerJoin('versions as v', 'v.id', 'a.version_id')
      .select('a.id')
      .where('a.tenant_id', '=', plan.tenantId)
      .where('v.tenant_id', '=', plan.tenantId)
      .where('v.app_id', '=', plan.app.id)
      .where('v.channel_id', nullOr(plan.channelId), plan.channelId)
      .where('v.version', '=', plan.version)
      .where('a.platform_id', nullOr(plan.platformId), plan.platformId)
      .where('a.arch_id', nullOr(plan.archId), plan.archId)
      .where('a.file_name', '=', fileName)
      .executeTakeFirst();
    if (existing) throw conflict(DUPLICATE_ARTIFACT);
    const claimed = await db
      .selectFrom('pending_objects')
      .select('storage_key')
      .where('storage_key', '=', finalKey)
      .where('visibility', '=', this.#visibility)
      .executeTakeFirst();
    if (claimed) throw conflict(BUSY);
  }

  /** Makes the release visible; returns the version id. On failure, everything this request stored is removed. */
  async commit(): Promise<string> {
    if (this.#done) throw new Error('ReleaseWrite.commit() called twice');
    this.#done = true;
    const staged = this.files.staged.map((file) => ({ ...file, finalKey: this.#finalKey(file.fileName) }));
    if (this.plan.filesRequired && staged.length === 0) {
      throw invalid('no file sent: add one or more "file" parts to the form');
    }
    if (this.plan.filesRequired) {
      try {
        checkUpdaterFiles(
          this.plan.updater,
          this.plan.version,
          staged.map((f) => f.fileName),
        );
      } catch (err) {
        await this.#removeTemporary();
        throw err;
      }
    }
    const { db } = this.deps.database;
    const visibility = this.#visibility;
    const claims = staged.map((f) => ({ storage_key: f.finalKey, visibility }));
    if (claims.length > 0) {
      try {
        await db.insertInto('pending_objects').values(claims).execute();
      } catch (err) {
        await this.#removeTemporary();
        if (isUniqueViolation(err)) throw conflict(BUSY);
        throw err;
      }
    }
    /** Final keys a move was started for: the only final objects a failed commit may remove. */
    const moving = new Set<string>();
    try {
      const versionId = await db.transaction().execute(async (trx) => {
        const id = await this.#lockVersion(trx);
        await releaseClaims(
          trx,
          visibility,
          claims.map((c) => c.storage_key),
        );
        // A version update sets what it was sent; an upload's changes went in with the version it created, and a
        // later upload of that version only adds its files (FaynoSync: flags and changelog are the first upload's).
        await trx
          .updateTable('versions')
          .set({ ...(this.plan.target.create ? {} : this.plan.changes), updated_at: sql`now()` })
          .where('tenant_id', '=', this.plan.tenantId)
          .where('id', '=', id)
          .execute();
        await this.#insertArtifacts(trx, id, staged);
        for (const file of staged) {
          moving.add(file.finalKey);
          await this.deps.store.move(file.tempKey, file.finalKey, file.visibility, visibility);
        }
        return id;
      });
      this.files.committed();
      if (staged.length > 0) {
        this.deps.metrics?.uploaded(
          staged.length,
          staged.reduce((sum, file) => sum + file.size, 0),
        );
      }
      return versionId;
    } catch (err) {
      await this.#removeTemporary();
      if (claims.length > 0)
        await this.#withdrawClaims(
          claims.map((c) => c.storage_key),
          moving,
        );
      throw err;
    }
  }

  /** Gives up before commit: removes what was stored for a write that will not happen. */
  async discard(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    await this.#removeTemporary();
  }

  /**
   * The version row, found or created (with the upload's flags and changelog), locked until the transaction ends so a
   * delete cannot slip in between.
   */
  async #lockVersion(trx: Db): Promise<string> {
    const { plan } = this;
    let query = trx.selectFrom('versions').select('id').where('tenant_id', '=', plan.tenantId);
    if (plan.target.create) {
      await trx
        .insertInto('versions')
        .values({
          id: newId(),
          tenant_id: plan.tenantId,
          app_id: plan.app.id,
          channel_id: plan.channelId,
          version: plan.version,
          rollout_seed: randomBytes(8).toString('hex'),
          ...plan.changes,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'app_id', 'channel_id', 'version']).doNothing())
        .execute()
        .catch((err: unknown) => {
          if (isForeignKeyViolation(err)) {
            throw conflict(
              'the app or channel was deleted while the files were uploading: check and send again',
            );
          }
          throw err;
        });
      query = query
        .where('app_id', '=', plan.app.id)
        .where('channel_id', nullOr(plan.channelId), plan.channelId)
        .where('version', '=', plan.version);
    } else {
      query = query.where('id', '=', plan.target.versionId);
    }
    const row = await query.forUpdate().executeTakeFirst();
    if (!row) throw conflict('the version was deleted while this request ran: check and send it again');
    return row.id;
  }

  /** Ids ascend in the order the files were sent, so listings (created_at, id) show them in that order. */
  async #insertArtifacts(
    trx: Db,
    versionId: string,
    staged: readonly (StagedFile & { finalKey: string })[],
  ): Promise<void> {
    if (staged.length === 0) return;
    const { plan } = this;
    const ids = staged.map(() => newId()).sort();
    try {
      await trx
        .insertInto('artifacts')
        .values(
          staged.map((file, i) => ({
            id: ids[i] ?? newId(),
            tenant_id: plan.tenantId,
            version_id: versionId,
            platform_id: plan.platformId,
            arch_id: plan.archId,
            file_name: file.fileName,
            storage_key: file.finalKey,
            visibility: this.#visibility,
            package: extname(file.fileName),
            size: file.size,
            sha1: file.sha1,
            sha256: file.sha256,
            sha512: file.sha512,
            signature: plan.signature,
          })),
        )
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(DUPLICATE_ARTIFACT);
      if (isForeignKeyViolation(err)) {
        throw conflict(
          'the platform or arch was deleted while the files were uploading: check and send again',
        );
      }
      throw err;
    }
  }

  async #removeTemporary(): Promise<void> {
    await this.files.removeAll();
  }

  /**
   * After a failed commit: a claim that still stands means the transaction did not commit, so the object at its key
   * (if a move got that far) is this request's to remove, and then the claim. A claim that is gone means the commit
   * did happen (its answer was lost): the files are the release's and stay. If the database cannot be asked, both
   * are left for the start-up sweep.
   */
  async #mayExist(key: string): Promise<boolean> {
    try {
      return (await this.deps.store.head(key, this.#visibility)) !== undefined;
    } catch (err) {
      return !(err instanceof InvalidKeyError);
    }
  }

  async #withdrawClaims(keys: string[], moving: ReadonlySet<string>): Promise<void> {
    const { db } = this.deps.database;
    const visibility = this.#visibility;
    try {
      const standing = await db
        .selectFrom('pending_objects')
        .select('storage_key')
        .where('visibility', '=', visibility)
        .where('storage_key', 'in', keys)
        .execute();
      const withdrawn: string[] = [];
      for (const { storage_key: key } of standing) {
        // A claim whose object cannot be removed still goes when there is no object: left standing it would turn
        // every retry into a 409 until the next start.
        if (
          !moving.has(key) ||
          (await removeObject(this.deps, key, visibility)) ||
          !(await this.#mayExist(key))
        )
          withdrawn.push(key);
      }
      if (withdrawn.length > 0) {
        await db
          .deleteFrom('pending_objects')
          .where('visibility', '=', visibility)
          .where('storage_key', 'in', withdrawn)
          .execute();
      }
    } catch (err) {
      this.deps.logger.warn({ err, keys }, 'could not withdraw upload claims; the start-up sweep will');
    }
  }
}

/** Ends this request's claims inside the transaction that commits its rows; a claim already gone means a sweep took it. */
async function releaseClaims(trx: Db, visibility: Visibility, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const released = await trx
    .deleteFrom('pending_objects')
    .where('visibility', '=', visibility)
    .where('storage_key', 'in', keys)
    .returning('storage_key')
    .execute();
  if (released.length !== keys.length) {
    throw new DomainError(
      'unavailable',
      'the upload was cleaned up by a restarting server before it could be saved: send it again',
    );
  }
}

/** Deletes an object nobody references; a storage failure is logged, not thrown. Returns whether it is gone. */
export async function removeObject(
  deps: Pick<ReleaseDeps, 'store' | 'logger'>,
  key: string,
  visibility: Visibility,
): Promise<boolean> {
  try {
    await deps.store.delete(key, visibility);
    return true;
  } catch (err) {
    deps.logger.warn({ err, key, visibility }, 'could not delete an unused object');
    return false;
  }
}

/** `IS NULL` for a null id, `=` otherwise: unlike IS NOT DISTINCT FROM, both can use an index. */
function nullOr(value: string | null): 'is' | '=' {
  return value === null ? 'is' : '=';
}

function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

/**
 * Validates an upload's `data` (FaynoSync's `/upload` fields) and the caller's rights, and checks the files `files`
 * already holds (sent before `data`) against them. Nothing becomes visible before commit().
 */
export async function prepareUpload(
  deps: ReleaseDeps,
  actor: Actor,
  data: unknown,
  formFields: ReadonlyMap<string, string>,
  files?: ReleaseFiles,
): Promise<ReleaseWrite> {
  requirePermission(actor, 'apps', 'upload');
  const { db } = deps.database;
  const input = asObject(data, '{"app_name":"myapp","version":"1.0.0"}');
  checkName(input.app_name, 'app_name');
  const version = parseVersion(input.version);
  const changes = parseVersionChanges(input, formFields);
  const signature = parseSignature(input.signature);
  const app = await findApp(db, actor.tenantId, input.app_name);
  await requireAllowed(db, actor, 'apps', app.id);
  const placement = await resolveFilePlacement(db, actor, input);
  const write = new ReleaseWrite(
    deps,
    {
      tenantId: actor.tenantId,
      app,
      version: version.text,
      ...placement,
      changes,
      signature,
      target: { create: true },
      filesRequired: true,
    },
    files,
  );
  await write.adoptStaged();
  return write;
}
