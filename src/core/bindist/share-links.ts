import type { Db } from '../../db/connect.js';
import type { PageRequest } from './paging.js';

/** A share link as the admin sees it: never its token (only its hash is kept), its prefix to match a URL. */
export interface ShareLinkSummary {
  shareLinkId: string;
  tokenPrefix: string;
  applicationId: string;
  version: string;
  fileId: string;
  /** Who made it: a customer id, or `admin`. */
  customerId: string;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
}

export interface ShareLinkFilter {
  customerId?: string;
  applicationId?: string;
  /** Expired links are kept until swept; listed only when asked for. */
  includeExpired: boolean;
}

/** The tenant's share links, newest first. */
export async function listShareLinks(
  db: Db,
  tenantId: string,
  filter: ShareLinkFilter,
  page: PageRequest,
  now = new Date(),
): Promise<{ shareLinks: ShareLinkSummary[]; total: number }> {
  let query = db
    .selectFrom('bindist_share_links as s')
    .innerJoin('apps as a', 'a.id', 's.app_id')
    .innerJoin('versions as v', 'v.id', 's.version_id')
    .where('s.tenant_id', '=', tenantId);
  if (filter.customerId !== undefined) query = query.where('s.customer_id', '=', filter.customerId);
  if (filter.applicationId !== undefined) query = query.where('a.name', '=', filter.applicationId);
  if (!filter.includeExpired) query = query.where('s.expires_at', '>', now);
  const { n } = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      's.id',
      's.token_prefix',
      'a.name',
      'v.version',
      's.artifact_id',
      's.customer_id',
      's.created_at',
      's.expires_at',
    ])
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .limit(page.limit)
    .offset((page.page - 1) * page.limit)
    .execute();
  return {
    total: Number(n),
    shareLinks: rows.map((r) => ({
      shareLinkId: r.id,
      tokenPrefix: r.token_prefix,
      applicationId: r.name,
      version: r.version,
      fileId: r.artifact_id,
      customerId: r.customer_id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      expired: r.expires_at.getTime() <= now.getTime(),
    })),
  };
}

/** Removes every share link a customer made: its key was replaced, and a leaked key may have minted them. */
export async function revokeCustomerShareLinks(db: Db, tenantId: string, customerId: string): Promise<void> {
  await db
    .deleteFrom('bindist_share_links')
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .execute();
}
