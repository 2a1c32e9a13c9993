import type { Db } from '../../db/connect.js';
import type { FenfaEventType } from '../../db/schema.js';

export interface FenfaEvent {
  tenantId: string;
  type: FenfaEventType;
  productId: string | null;
  variantId: string | null;
  releaseId: string | null;
  ip: string | null;
  ua: string | null;
  extra?: Record<string, unknown>;
}

/** Appends one event to Fenfa's log (in the caller's transaction when given one). */
export async function recordFenfaEvent(db: Db, event: FenfaEvent): Promise<void> {
  await db
    .insertInto('fenfa_events')
    .values({
      tenant_id: event.tenantId,
      type: event.type,
      app_id: event.productId,
      variant_id: event.variantId,
      release_id: event.releaseId,
      ip: event.ip,
      ua: event.ua?.slice(0, 512) ?? null,
      extra: JSON.stringify(event.extra ?? {}),
    })
    .execute();
}
