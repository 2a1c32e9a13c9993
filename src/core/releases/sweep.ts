import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import { writerOf } from '../../storage/process-tag.js';
import type { ArtifactStore, Visibility } from '../../storage/types.js';
import { TEMPORARY_PREFIX, temporaryKeyWriter } from './artifact-keys.js';
import { sweepExpiredUploadSessions, sweepOrphanedUploadParts } from './upload-sessions.js';

/**
 * How long a temporary object of a process this one cannot see (another host's) is left alone. A temporary object
 * lives from the end of its file part to the end of its request; no upload takes a day.
 */
const FOREIGN_TEMPORARY_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface SweepDeps {
  database: { db: Db };
  store: ArtifactStore;
  logger: Logger;
}

/**
 * Start-up clean-up of what uploads and deletes cut short by a crash left behind; runs before the process serves.
 *
 * 1. Claims (`pending_objects`): a claim no transaction holds is a dead request's. Its object goes unless an artifact
 *    row references the key, then the claim. Live requests hold their claims locked (an upload deletes them in the
 *    transaction that commits its rows, a version delete inserts them in the one that deletes its rows), and locked
 *    claims are skipped; an upload whose claim a sweep took in the moment between claiming and locking refuses to
 *    commit (503, send again). So no age is needed, and a crashed server cleans up as soon as it restarts.
 * 2. Temporary objects (`tmp/{writer}/…`): removed when their writer, a process of this host, no longer runs or is
 *    this very process (the sweep runs before it has received anything, so those are a previous process's with the
 *    same pid); otherwise once they are older than a day, which covers other instances on other hosts sharing the
 *    bucket. Multipart uploads that S3 never completed are not objects: a bucket lifecycle rule
 *    (AbortIncompleteMultipartUpload) removes those.
 * 3. Resumable upload sessions past UPLOAD_SESSION_TTL, with their parts (also swept whenever a session is opened),
 *    and parts no session holds any more.
 */
export async function sweepUploads(deps: SweepDeps): Promise<void> {
  await sweepClaims(deps);
  for (const visibility of ['public', 'private'] as const) await sweepTemporary(deps, visibility);
  await sweepExpiredUploadSessions(deps);
  await sweepOrphanedUploadParts(deps);
}

async function sweepClaims({ database: { db }, store, logger }: SweepDeps): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const claims = await trx
      .selectFrom('pending_objects as p')
      .select([
        'p.storage_key',
        'p.visibility',
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom('artifacts as a')
                .select(sql.lit(1).as('one'))
                .whereRef('a.storage_key', '=', 'p.storage_key')
                .whereRef('a.visibility', '=', 'p.visibility'),
            )
            .as('referenced'),
      ])
      .forUpdate()
      .skipLocked()
      .execute();
    for (const claim of claims) {
      if (!claim.referenced) {
        try {
          await store.delete(claim.storage_key, claim.visibility);
        } catch (err) {
          logger.warn(
            { err, key: claim.storage_key },
            'sweep: could not delete an unclaimed object; kept for the next start',
          );
          continue;
        }
      }
      await trx
        .deleteFrom('pending_objects')
        .where('storage_key', '=', claim.storage_key)
        .where('visibility', '=', claim.visibility)
        .execute();
    }
    if (claims.length > 0)
      logger.info({ claims: claims.length }, 'sweep: finished interrupted uploads and deletes');
  });
}

async function sweepTemporary({ store, logger }: SweepDeps, visibility: Visibility): Promise<void> {
  const cutoff = Date.now() - FOREIGN_TEMPORARY_MAX_AGE_MS;
  let removed = 0;
  for (const key of await store.list(TEMPORARY_PREFIX, visibility)) {
    const writer = writerOf(temporaryKeyWriter(key));
    if (writer !== 'gone' && writer !== 'self') {
      const info = await store.head(key, visibility);
      if (!info || info.lastModified.getTime() >= cutoff) continue;
    }
    try {
      await store.delete(key, visibility);
      removed += 1;
    } catch (err) {
      logger.warn({ err, key }, 'sweep: could not delete a temporary upload object');
    }
  }
  if (removed > 0) logger.info({ removed, visibility }, 'sweep: removed temporary upload objects');
}
