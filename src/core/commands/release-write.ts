import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { MAX_KEY_BYTES } from '../../storage/object-keys.js';
import { InvalidKeyError, type Visibility } from '../../storage/types.js';
import type { Actor } from '../auth/actor.js';
import { conflict, DomainError, invalid } from '../errors.js';
import { newId } from '../ids.js';
import { printable } from '../names.js';
import { releaseKey } from '../releases/artifact-keys.js';
import { checkUpdaterFiles } from '../releases/updater-rules.js';
import {
  type FileUpload,
  type ReleaseDeps,
  ReleaseFiles,
  type ReleasePlan,
  removeObject,
  type StagedFile,
} from '../releases/upload.js';
import {
  completedUploads,
  endUploadSessions,
  removeSessionParts,
  type UploadRef,
} from '../releases/upload-sessions.js';

export interface StoredFile {
  fileName: string;
  size: number;
  sha256: string;
}

const DUPLICATE_ARTIFACT = 'app with this name, version, platform, architecture and file already exists';
const BUSY =
  'a file of this version is being uploaded or deleted by another request right now: try again in a moment';

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
  #stored: StoredFile[] = [];

  constructor(
    private readonly deps: ReleaseDeps,
    private readonly plan: ReleasePlan,
    /** Files of this request received before it was planned: adoptStaged() checks them. */
    private readonly files: ReleaseFiles = new ReleaseFiles(deps),
  ) {}

  /** Whether the write took over resumable uploads (`data.uploads`). */
  get resumed(): boolean {
    return this.files.sessions.length > 0;
  }

  /** The files a committed write stored, in the order they came, as measured while they streamed in. */
  get stored(): readonly StoredFile[] {
    return this.#stored;
  }

  get #visibility(): Visibility {
    return this.plan.app.private ? 'private' : 'public';
  }

  #finalKey(fileName: string): string {
    return releaseKey({ ...this.plan, appId: this.plan.app.id, fileName });
  }

  /** Checks the file's name and duplicates, then streams it to a temporary key; never holds it in memory. */
  async addFile(file: FileUpload): Promise<void> {
    const fileName = this.files.admit(file.fileName);
    await this.#refuseDuplicate(fileName, file.keptKey ?? this.#finalKey(fileName));
    await this.files.store(fileName, file.stream, this.#visibility, file);
  }

  /**
   * Adds the files of the caller's completed resumable uploads (`uploads` in `data`), each through addFile like a
   * file part: checked, then copied to a temporary key while it is hashed. The sessions end when the commit does.
   */
  async addUploads(actor: Actor, refs: readonly UploadRef[]): Promise<void> {
    for (const upload of await completedUploads(this.deps, actor, refs)) {
      await this.addFile({ fileName: upload.fileName, stream: upload.open() });
      this.files.tookOver(upload.id);
    }
  }

  /** Runs the checks that needed the plan on the files stored before it; call once, right after construction. */
  async adoptStaged(): Promise<void> {
    for (const file of this.files.staged) {
      await this.#refuseDuplicate(file.fileName, file.keptKey ?? this.#finalKey(file.fileName));
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

  /**
   * Makes the release visible and bumps the tenant's generation; returns the version id. `alongside` writes a face's
   * own details of the release in the same transaction (BinDist's file type). On failure, everything this request
   * stored is removed.
   */
  async commit(alongside?: (trx: Db, versionId: string) => Promise<void>): Promise<string> {
    if (this.#done) throw new Error('ReleaseWrite.commit() called twice');
    this.#done = true;
    const sessions = [...this.files.sessions];
    const staged = this.files.staged.map((file) => ({
      ...file,
      finalKey: file.keptKey ?? this.#finalKey(file.fileName),
    }));
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
    let versionId: string;
    try {
      versionId = await db.transaction().execute(async (trx) => {
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
        if (!(await endUploadSessions(trx, this.plan.tenantId, sessions))) {
          throw conflict(
            'a resumable upload this request names was added to a release or deleted by another request meanwhile: check and send again',
          );
        }
        await alongside?.(trx, id);
        for (const file of staged) {
          moving.add(file.finalKey);
          await this.deps.store.move(file.tempKey, file.finalKey, file.visibility, visibility);
        }
        return id;
      });
      this.#stored = staged.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256 }));
      this.files.committed();
      await removeSessionParts(this.deps, sessions);
      if (staged.length > 0) {
        this.deps.metrics?.uploaded(
          staged.length,
          staged.reduce((sum, file) => sum + file.size, 0),
        );
      }
    } catch (err) {
      await this.#removeTemporary();
      if (claims.length > 0)
        await this.#withdrawClaims(
          claims.map((c) => c.storage_key),
          moving,
        );
      throw err;
    }
    await this.deps.changes.changed(this.plan.tenantId);
    return versionId;
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
            package: file.package ?? extname(file.fileName),
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

/** `IS NULL` for a null id, `=` otherwise: unlike IS NOT DISTINCT FROM, both can use an index. */
function nullOr(value: string | null): 'is' | '=' {
  return value === null ? 'is' : '=';
}
