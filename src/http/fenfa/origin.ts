import type { Request } from 'express';
import { type FenfaBases, fenfaBases, readFenfaSettings } from '../../core/fenfa/settings.js';
import type { Db } from '../../db/connect.js';

/**
 * The request's host and scheme. `X-Forwarded-Proto: https` counts only from a proxy TRUST_PROXY trusts, as
 * everywhere else in the server (Express's `req.protocol`): anyone else could make the links say https.
 */
export function requestOrigin(req: Request) {
  return { host: req.get('host') ?? 'localhost', https: req.protocol === 'https' };
}

/**
 * The tenant's page and download bases for this request (docs/fenfa.md, "Domains"); `https` makes them https
 * whatever the request came over (iOS installs only from https).
 */
export async function basesFor(
  db: Db,
  tenantId: string,
  req: Request,
  options: { https?: boolean } = {},
): Promise<FenfaBases> {
  const origin = requestOrigin(req);
  return fenfaBases(await readFenfaSettings(db, tenantId), {
    ...origin,
    https: origin.https || options.https === true,
  });
}
