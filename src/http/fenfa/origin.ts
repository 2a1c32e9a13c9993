import type { Request } from 'express';
import { type FenfaBases, fenfaBases, readFenfaSettings } from '../../core/fenfa/settings.js';
import type { Db } from '../../db/connect.js';

/** The request's host and scheme; `X-Forwarded-Proto: https` counts, as Fenfa behind a TLS proxy relies on it. */
export function requestOrigin(req: Request) {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim()
    .toLowerCase();
  return { host: req.get('host') ?? 'localhost', https: req.protocol === 'https' || forwarded === 'https' };
}

/** The tenant's page and download bases for this request (docs/fenfa.md, "Domains"). */
export async function basesFor(db: Db, tenantId: string, req: Request): Promise<FenfaBases> {
  return fenfaBases(await readFenfaSettings(db, tenantId), requestOrigin(req));
}
