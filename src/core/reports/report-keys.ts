import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Actor } from '../auth/actor.js';
import { seal, unseal } from '../auth/sealing.js';
import { forbidden, unauthorized } from '../errors.js';
import { newId } from '../ids.js';
import { allowedIds, requirePermission } from '../permissions.js';

export const REPORT_KEY_PREFIX = 'rpk_';

/**
 * Report keys ship inside every copy of an app, so they are ingest-only credentials (like a Sentry DSN), and
 * FaynoSync's dashboard shows and copies the key from `/report-keys/list`. Ingest looks keys up by SHA-256 only;
 * the plaintext is kept sealed (AES-256-GCM) under a key derived from the server secret, so a database dump alone
 * reveals no report key, and only users who may edit the app see it.
 */
export interface ReportKeySecret {
  /** The server secret (JWT_SECRET) the sealing key is derived from. */
  jwtSecret: string;
}

export function hashReportKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** FaynoSync's format: `rpk_` and 64 hex characters. */
function mintReportKey(): { key: string; hash: string } {
  const key = `${REPORT_KEY_PREFIX}${randomBytes(32).toString('hex')}`;
  return { key, hash: hashReportKey(key) };
}

function sealKey(plain: string, secret: ReportKeySecret): string {
  return seal(plain, secret, 'report-key');
}

/** The plaintext, or '' when it cannot be opened (the server secret changed): regenerate the key then. */
function unsealKey(sealed: string, hash: string, secret: ReportKeySecret): string {
  const plain = unseal(sealed, secret, 'report-key');
  return plain !== undefined && hashReportKey(plain) === hash ? plain : '';
}

/**
 * Mints a new key for the app (replacing any it had) or removes it; runs inside the app write's transaction so
 * the flag and the key never disagree. Returns the new plaintext key when one was minted.
 */
export async function setReportKey(
  trx: Db,
  secret: ReportKeySecret,
  tenantId: string,
  appId: string,
  enabled: boolean,
): Promise<string | undefined> {
  if (!enabled) {
    await trx
      .deleteFrom('report_keys')
      .where('tenant_id', '=', tenantId)
      .where('app_id', '=', appId)
      .execute();
    return undefined;
  }
  const { key, hash } = mintReportKey();
  const sealed = sealKey(key, secret);
  await trx
    .insertInto('report_keys')
    .values({ id: newId(), tenant_id: tenantId, app_id: appId, key_hash: hash, key_sealed: sealed })
    .onConflict((oc) =>
      oc.column('app_id').doUpdateSet({ key_hash: hash, key_sealed: sealed, updated_at: sql`now()` }),
    )
    .execute();
  return key;
}

export interface ReportKeyItem {
  id: string;
  appId: string;
  appName: string;
  /** '' when the sealed key cannot be opened any more (see unseal). */
  key: string;
  updatedAt: Date;
}

/** The keys of the apps the actor may edit, newest first (FaynoSync's `/report-keys/list`). */
export async function listReportKeys(
  db: Db,
  secret: ReportKeySecret,
  actor: Actor,
): Promise<ReportKeyItem[]> {
  requirePermission(actor, 'apps', 'edit');
  const allowed = await allowedIds(db, actor, 'apps');
  if (allowed?.length === 0) return [];
  let query = db
    .selectFrom('report_keys as k')
    .innerJoin('apps as a', 'a.id', 'k.app_id')
    .select(['k.id', 'k.app_id', 'a.name', 'k.key_hash', 'k.key_sealed', 'k.updated_at'])
    .where('k.tenant_id', '=', actor.tenantId)
    .where('a.tenant_id', '=', actor.tenantId)
    .where('a.reports', '=', true);
  if (allowed) query = query.where('k.app_id', 'in', allowed);
  const rows = await query.orderBy('k.updated_at', 'desc').orderBy('k.id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    appId: row.app_id,
    appName: row.name,
    key: unsealKey(row.key_sealed, row.key_hash, secret),
    updatedAt: new Date(row.updated_at),
  }));
}

/** Who a report key speaks for. */
export interface ReportKeyOwner {
  keyId: string;
  tenantId: string;
  appId: string;
  appName: string;
}

const badKey = () =>
  unauthorized('invalid report key: send Authorization: Bearer rpk_… as listed by /report-keys/list');

/** Resolves `Authorization: Bearer rpk_…`; a removed key, or one of an app whose reports are off, is refused. */
export async function resolveReportKey(db: Db, key: string): Promise<ReportKeyOwner> {
  if (!key.startsWith(REPORT_KEY_PREFIX) || key.length > 200) throw badKey();
  const row = await db
    .selectFrom('report_keys as k')
    .innerJoin('apps as a', 'a.id', 'k.app_id')
    .select(['k.id', 'k.tenant_id', 'k.app_id', 'a.name', 'a.reports'])
    .where('k.key_hash', '=', hashReportKey(key))
    .executeTakeFirst();
  if (!row) throw badKey();
  if (!row.reports) throw forbidden('reports are disabled for this app: enable them with /app/update');
  return { keyId: row.id, tenantId: row.tenant_id, appId: row.app_id, appName: row.name };
}
