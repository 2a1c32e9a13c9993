import type { Db } from '../../db/connect.js';
import { newId } from '../ids.js';

/**
 * Upload and download history of the /v1 face (BinDist's Upload and Download records).
 *
 * Call `recordActivity` once per event, after the change it describes is committed:
 * - an upload (`type: 'upload'`, `method: 'direct'` for the small upload, `'large'` for large-complete): the
 *   uploader's previous upload is looked up, and `ipChanged`/`previousIp` are set when its IP differs;
 * - a download (`type: 'download'`, `method: 'api'` for a download URL, `'share'` for a share link followed):
 *   recorded when the URL is issued, not when bytes move, as BinDist does; `downloadUrl`/`share` also bump the
 *   version's `download_count`.
 * `customerId` is the caller's id from `callerId(caller)` (`admin` for the admin key).
 */

/** Where a request came from, for activity and audit rows. */
export interface Origin {
  clientIp: string | null;
  userAgent: string | null;
}

export interface ActivityInput {
  tenantId: string;
  type: 'upload' | 'download';
  appId: string;
  version: string;
  fileId: string | null;
  fileName: string | null;
  fileSize: number | string | null;
  customerId: string;
  method: 'direct' | 'large' | 'api' | 'share';
  shareTokenPrefix?: string | null;
  clientIp: string | null;
  userAgent: string | null;
  /** Injected by tests; defaults to now. */
  at?: Date;
}

/** Records one upload or download and returns its id; see the top of this file for when to call it. */
export async function recordActivity(db: Db, input: ActivityInput): Promise<string> {
  let ipChanged: boolean | null = null;
  let previousIp: string | null = null;
  if (input.type === 'upload') {
    const previous = await db
      .selectFrom('bindist_activity')
      .select('client_ip')
      .where('tenant_id', '=', input.tenantId)
      .where('type', '=', 'upload')
      .where('customer_id', '=', input.customerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (previous?.client_ip && input.clientIp) {
      ipChanged = previous.client_ip !== input.clientIp;
      previousIp = ipChanged ? previous.client_ip : null;
    } else ipChanged = false;
  }
  const id = newId();
  await db
    .insertInto('bindist_activity')
    .values({
      id,
      tenant_id: input.tenantId,
      type: input.type,
      app_id: input.appId,
      version: input.version,
      file_id: input.fileId,
      file_name: input.fileName,
      file_size: input.fileSize,
      customer_id: input.customerId,
      method: input.method,
      share_token_prefix: input.shareTokenPrefix ?? null,
      client_ip: input.clientIp,
      user_agent: input.userAgent,
      ip_changed: ipChanged,
      previous_ip: previousIp,
      created_at: input.at ?? new Date(),
    })
    .execute();
  return id;
}
