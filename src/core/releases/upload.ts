import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import type { UpdaterEntry } from '../../db/schema.js';
import { MAX_SEGMENT_BYTES } from '../../storage/object-keys.js';
import { type ArtifactStore, ObjectTooLargeError, type Visibility } from '../../storage/types.js';
import type { Actor } from '../auth/actor.js';
import { UPDATER_TYPES } from '../catalog/updaters.js';
import type { CommandDeps } from '../commands/deps.js';
import { DomainError, invalid } from '../errors.js';
import { parseFlag } from '../flags.js';
import { checkName, printable } from '../names.js';
import { requireAllowed } from '../permissions.js';
import { temporaryKey } from './artifact-keys.js';
import { checkUpdaterData } from './updater-rules.js';

/** What the release commands need; an AppContext is one. */
export interface ReleaseDeps extends CommandDeps {
  config: { uploadMaxBytes: number };
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
  /** Never from a request: an import keeps FaynoSync's seed, so every device stays in its rollout bucket. */
  rollout_seed?: string;
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
  /** The extension the update check lists the file under; unset: the name's. An import keeps FaynoSync's. */
  package?: string;
  /**
   * Where the file goes; unset: Updraft's layout (releaseKey). An import keeps FaynoSync's key, so its links (and
   * the update check's, for private apps) stay as they were; never under one of UPDRAFT_KEY_ROOTS.
   */
  keptKey?: string;
}

/** What an import keeps of a file as the other server stored it. */
export type KeptAsStored = Pick<FileUpload, 'package' | 'keptKey'>;

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
export interface StagedFile {
  fileName: string;
  tempKey: string;
  /** Where the temporary object is: the app's, or private for a file that came before the request said which app. */
  visibility: Visibility;
  size: number;
  sha1: string;
  sha256: string;
  sha512: string;
  package?: string;
  keptKey?: string;
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
  readonly #sessions: string[] = [];
  #bytes = 0;

  constructor(private readonly deps: ReleaseDeps) {}

  get staged(): readonly StagedFile[] {
    return this.#staged;
  }

  /** The resumable upload sessions whose bytes were stored here: the commit that takes the files ends them. */
  get sessions(): readonly string[] {
    return this.#sessions;
  }

  /** Notes that the file stored last holds the bytes of upload session `id`. */
  tookOver(id: string): void {
    this.#sessions.push(id);
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
  async store(
    fileName: string,
    stream: Readable,
    visibility: Visibility,
    kept: KeptAsStored = {},
  ): Promise<void> {
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
    this.#staged.push({
      fileName,
      tempKey,
      visibility,
      ...result,
      ...(kept.package === undefined ? {} : { package: kept.package }),
      ...(kept.keptKey === undefined ? {} : { keptKey: kept.keptKey }),
    });
  }

  /** A file that came before the request's `data`: private until the commit, since nobody knows its app yet. */
  async stage(file: FileUpload): Promise<void> {
    await this.store(this.admit(file.fileName), file.stream, 'private');
  }

  /** Gives a staged file the name it is released under (Fenfa's smart upload names it after its version). */
  rename(from: string, to: string): void {
    const index = this.#staged.findIndex((f) => f.fileName === from);
    const file = this.#staged[index];
    if (!file) throw new Error(`no staged file is named ${from}`);
    const fileName = this.admit(to);
    this.#names.delete(from);
    this.#staged[index] = { ...file, fileName };
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

function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}
