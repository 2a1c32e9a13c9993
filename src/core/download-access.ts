import type { Db } from '../db/connect.js';
import { isDatabaseUnreachable } from '../db/errors.js';
import { BoundedMap } from './bounded-map.js';
import type { ChangeFeed } from './changes.js';
import { hashDownloadToken, MAX_DOWNLOAD_TOKEN_LENGTH } from './download-tokens.js';
import { appVisible, clientViewer } from './visibility.js';

/** What one download token lets its holder fetch. */
export interface DownloadGrant {
  appId: string;
  /** null: every channel of the app. */
  channelId: string | null;
}

/** A tenant's download tokens (by hash) and its unlisted private apps, as of one generation; apps clients see only. */
interface TenantAccess {
  tokens: ReadonlyMap<string, DownloadGrant>;
  unlisted: ReadonlySet<string>;
}

interface Stamped {
  generation: number;
  value: TenantAccess | Promise<TenantAccess>;
}

/** Whether a grant covers a file (or an update check) of this app in this channel (null: no channel). */
export function grants(grant: DownloadGrant, appId: string, channelId: string | null): boolean {
  return grant.appId === appId && (grant.channelId === null || grant.channelId === channelId);
}

async function loadAccess(db: Db, tenantId: string): Promise<TenantAccess> {
  const [tokens, unlisted] = await Promise.all([
    db
      .selectFrom('download_tokens as t')
      .innerJoin('apps as a', 'a.id', 't.app_id')
      .select(['t.token_hash', 't.app_id', 't.channel_id'])
      .where('t.tenant_id', '=', tenantId)
      .where(appVisible(clientViewer(tenantId)))
      .execute(),
    db
      .selectFrom('apps as a')
      .select('a.id')
      .where(appVisible(clientViewer(tenantId)))
      .where('a.private', '=', true)
      .where('a.download_mode', '=', 'unlisted')
      .execute(),
  ]);
  return {
    tokens: new Map(tokens.map((t) => [t.token_hash, { appId: t.app_id, channelId: t.channel_id }])),
    unlisted: new Set(unlisted.map((a) => a.id)),
  };
}

/**
 * Decides, on the hot paths, whether a request that shows a download token may be told about a private app. A
 * tenant's whole token table is loaded once per generation (every token change bumps it), so a check costs a
 * SHA-256 and a map lookup, and a flood of made-up tokens never reaches the database. The answer is a boolean
 * about the caller, never part of a cached response.
 */
export class DownloadAccess {
  private readonly tenants: BoundedMap<string, Stamped>;

  constructor(
    private readonly db: Db,
    private readonly changes: ChangeFeed,
    limit = 10_000,
  ) {
    this.tenants = new BoundedMap(limit);
  }

  /**
   * Whether `token` lets its holder see the private app `appId` when asking about `channelId`. Unlisted apps let
   * anyone in, whatever token is shown (FaynoSync's order). Synchronous once the tenant's table is loaded.
   */
  allows(
    tenantId: string,
    token: string,
    appId: string,
    channelId: string | null,
  ): boolean | Promise<boolean> {
    const access = this.access(tenantId);
    const decide = (a: TenantAccess) => {
      if (a.unlisted.has(appId)) return true;
      if (token.length === 0 || token.length > MAX_DOWNLOAD_TOKEN_LENGTH) return false;
      const grant = a.tokens.get(hashDownloadToken(token));
      return grant !== undefined && grants(grant, appId, channelId);
    };
    return access instanceof Promise ? access.then(decide) : decide(access);
  }

  private access(tenantId: string): TenantAccess | Promise<TenantAccess> {
    // Read before the load starts: a token change landing during the load makes the result stale at once.
    const generation = this.changes.generation(tenantId);
    const hit = this.tenants.get(tenantId);
    if (hit && hit.generation === generation) return hit.value;
    // The last loaded table answers while the database is out of reach, as the cached update answers do.
    const previous = hit && !(hit.value instanceof Promise) ? hit.value : undefined;
    const loading = loadAccess(this.db, tenantId).catch((err: unknown) => {
      if (previous && isDatabaseUnreachable(err)) return previous;
      throw err;
    });
    const entry: Stamped = { generation, value: loading };
    this.tenants.set(tenantId, entry);
    loading.then(
      (loaded) => {
        // Later hits answer without a promise: the hot path stays synchronous for cached answers.
        if (this.tenants.get(tenantId) !== entry) return;
        if (loaded === previous)
          this.tenants.set(tenantId, { generation: hit?.generation ?? -1, value: loaded });
        else entry.value = loaded;
      },
      () => {
        if (this.tenants.get(tenantId) === entry) this.tenants.delete(tenantId);
      },
    );
    return loading;
  }
}
