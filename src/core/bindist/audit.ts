import type { Db } from '../../db/connect.js';
import { newId } from '../ids.js';
import type { Origin } from './activity.js';

/**
 * The audit log of administrative actions on the /v1 face (BinDist's AuditEvent). Call `audit(...)` after an
 * administrative change commits (or with outcome `FAILED` when it was refused for a reason worth keeping,
 * such as a quota). Event types are BinDist's: APPLICATION_CREATED, APPLICATION_DELETED, CUSTOMER_CREATED,
 * CUSTOMER_ENABLED, CUSTOMER_DISABLED, CUSTOMER_KEY_REGENERATED, ADMIN_KEY_REGENERATED, CUSTOMER_APP_LINKED,
 * CUSTOMER_APP_UNLINKED, STORAGE_QUOTA_REJECTED; Updraft adds CUSTOMER_UPDATED and VERSION_UPDATED.
 * `actor` is `user:{callerId}` (see `auditActor`).
 */

export type AuditEventType =
  | 'APPLICATION_CREATED'
  | 'APPLICATION_DELETED'
  | 'CUSTOMER_CREATED'
  | 'CUSTOMER_UPDATED'
  | 'CUSTOMER_ENABLED'
  | 'CUSTOMER_DISABLED'
  | 'CUSTOMER_KEY_REGENERATED'
  | 'ADMIN_KEY_REGENERATED'
  | 'CUSTOMER_APP_LINKED'
  | 'CUSTOMER_APP_UNLINKED'
  | 'VERSION_UPDATED'
  // Updraft's own: which FaynoSync channel /v1 customers see (core/visibility.ts).
  | 'SETTINGS_UPDATED'
  | 'STORAGE_QUOTA_REJECTED'
  // Updraft's own: BinDist has no way to revoke a share link.
  | 'SHARE_LINK_REVOKED';

export interface AuditInput {
  tenantId: string;
  eventType: AuditEventType;
  /** `user:admin`, `user:{customerId}` or `user:{updraftUserId}`; build it with `auditActor`. */
  actor: string;
  outcome?: 'SUCCESS' | 'FAILED' | 'PENDING';
  clientIp: string | null;
  userAgent: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

/** BinDist's actor notation for a caller id (`admin`, a customer id, or an Updraft user id). */
export function auditActor(id: string): string {
  return `user:${id}`;
}

/** Appends one audit event; see the top of this file. */
export async function audit(db: Db, input: AuditInput): Promise<void> {
  await db
    .insertInto('bindist_audit_events')
    .values({
      id: newId(),
      tenant_id: input.tenantId,
      event_type: input.eventType,
      actor: input.actor,
      outcome: input.outcome ?? 'SUCCESS',
      client_ip: input.clientIp,
      user_agent: input.userAgent,
      details: JSON.stringify(input.details ?? {}),
      created_at: input.at ?? new Date(),
    })
    .execute();
}

/** Who makes an administrative change on /v1, and from where: what every audited command takes. */
export interface AdminAct {
  tenantId: string;
  /** `admin` (the admin key) or the Updraft user id (JWT). */
  actorId: string;
  origin: Origin;
}

/** Writes the audit row of an administrative change, inside the command's transaction. */
export function recordAdminAct(
  db: Db,
  act: AdminAct,
  eventType: AuditEventType,
  details: Record<string, unknown>,
): Promise<void> {
  return audit(db, {
    tenantId: act.tenantId,
    eventType,
    actor: auditActor(act.actorId),
    ...act.origin,
    details,
  });
}
