import type request from 'supertest';
import { rolloutBucket } from '../../src/core/releases/rollout.js';
import type { TestApp } from './app.js';
import { newAdmin } from './auth.js';
import { createApp, createNamed, type UploadFile, upload } from './releases.js';

/**
 * The set-up every feed test shares: a tenant with its catalog, an upload wrapper that publishes, a version's
 * rollout seed, a device id in or out of a rollout, and a response's exact bytes.
 */

/** What a tenant's feed tests publish into. */
export interface FeedCatalog {
  /** The apps, by name; a private one as `{ name, private: true }`. */
  apps: readonly (string | { name: string; private?: boolean })[];
  channels?: readonly string[];
  /** Each platform with its updater types, the first of them the default; none leaves FaynoSync's default. */
  platforms?: Readonly<Record<string, readonly string[]>>;
  archs?: readonly string[];
}

export interface FeedTenant {
  owner: string;
  token: string;
  /** The id of each app created, by name. */
  appIds: Record<string, string>;
}

/** Signs up a new admin (a new tenant) and creates the catalog: apps, then channels, platforms and archs. */
export async function feedTenant(t: Pick<TestApp, 'app'>, catalog: FeedCatalog): Promise<FeedTenant> {
  const { username: owner, token } = await newAdmin(t.app);
  const appIds: Record<string, string> = {};
  for (const app of catalog.apps) {
    const { name, ...options } = typeof app === 'string' ? { name: app } : app;
    appIds[name] = await createApp(t.app, token, name, options);
  }
  for (const name of catalog.channels ?? []) await createNamed(t.app, token, 'channel', name);
  for (const [name, types] of Object.entries(catalog.platforms ?? {})) {
    const updaters = types.map((type, i) => ({ type, default: i === 0 }));
    await createNamed(t.app, token, 'platform', name, updaters.length > 0 ? updaters : undefined);
  }
  for (const name of catalog.archs ?? []) await createNamed(t.app, token, 'arch', name);
  return { owner, token, appIds };
}

export type UploadFields = Record<string, unknown>;

/** Uploads and publishes one version's files; `fields` add to or override the common ones. Answers its id. */
export type Publish = (version: string, files: UploadFile[], fields?: UploadFields) => Promise<string>;

/**
 * An upload wrapper for `token`'s releases: each upload carries `common` (where it goes: app, channel, platform,
 * arch, updater) and `publish: true` unless its own fields say otherwise; any answer but 200 fails the test.
 */
export function publisher(t: Pick<TestApp, 'app'>, token: string, common: UploadFields): Publish {
  return async (version, files, fields = {}) => {
    const data: UploadFields = { publish: true, ...common, version, ...fields };
    const res = await upload(t.app, token, data, files);
    if (res.status !== 200) {
      throw new Error(`upload ${String(data.app_name)} ${version}: ${res.status} ${res.text}`);
    }
    return res.body['uploadResult.Uploaded'] as string;
  };
}

/** Which version's seed: by default the only one with that number; else of one app (by id or name) or owner. */
export interface VersionOf {
  appId?: string;
  app?: string;
  owner?: string;
}

/** The rollout seed FaynoSync's bucket uses for a version, read from the database. */
export async function rolloutSeedOf(
  t: Pick<TestApp, 'ctx'>,
  version: string,
  of: VersionOf = {},
): Promise<string> {
  let query = t.ctx.database.db
    .selectFrom('versions as v')
    .innerJoin('apps as a', 'a.id', 'v.app_id')
    .innerJoin('users as u', 'u.id', 'a.tenant_id')
    .select('v.rollout_seed')
    .where('v.version', '=', version);
  if (of.appId !== undefined) query = query.where('v.app_id', '=', of.appId);
  if (of.app !== undefined) query = query.where('a.name', '=', of.app);
  if (of.owner !== undefined) query = query.where('u.username', '=', of.owner);
  const row = await query.executeTakeFirstOrThrow();
  return row.rollout_seed;
}

/** A device id whose rollout bucket for `seed` satisfies `wanted` (FaynoSync's bucket, computed as the server does). */
export function deviceWhere(seed: string, wanted: (bucket: number) => boolean): string {
  for (let i = 0; i < 10_000; i++) {
    const id = `device-${i}`;
    if (wanted(rolloutBucket(id, seed))) return id;
  }
  throw new Error('no such device');
}

/** Has supertest hand over the response's body as the exact bytes sent (a Buffer), whatever its content type. */
export function rawBody(req: request.Test): request.Test {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
