import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';

const CHANNEL = 'updraft_changes';

/**
 * A generation number per tenant that every write in the tenant bumps once committed. Hot-path caches
 * stamp their entries with the generation they were computed under, so an entry is stale the moment any
 * write lands: no answer outlives a publish, an unpublish or a delete. With several instances on one
 * PostgreSQL server, NOTIFY carries each bump to the others.
 */
export class ChangeFeed {
  private readonly generations = new Map<string, number>();
  private listener: pg.Client | undefined;
  private readonly subscribers: ((tenantId: string) => void)[] = [];
  /** True when changes from other instances can no longer be heard: callers must not trust their caches. */
  lost = false;

  constructor(
    private readonly db: Db,
    private readonly kind: 'pglite' | 'postgres',
  ) {}

  generation(tenantId: string): number {
    return this.generations.get(tenantId) ?? 0;
  }

  /**
   * Calls `subscriber` after each of this instance's own committed writes (not for other instances' writes: the
   * instance that wrote is the one that follows up). It must not throw, and should only schedule its work.
   */
  onChange(subscriber: (tenantId: string) => void): void {
    this.subscribers.push(subscriber);
  }

  /** Call after the write's transaction has committed. */
  async changed(tenantId: string): Promise<void> {
    this.bump(tenantId);
    for (const subscriber of this.subscribers) subscriber(tenantId);
    if (this.kind === 'postgres') await sql`select pg_notify(${CHANNEL}, ${tenantId})`.execute(this.db);
  }

  /** Listens for other instances' writes (PostgreSQL only; the embedded database has one instance). */
  async listen(databaseUrl: string | undefined, logger: Logger): Promise<void> {
    if (this.kind !== 'postgres' || !databaseUrl) return;
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) this.bump(msg.payload);
    });
    client.on('error', (err) => {
      // Without the listener, other instances' writes would go unseen: drop every cached answer instead.
      logger.error(
        { err },
        'change listener lost its connection; caches are flushed on every request until restart',
      );
      this.listener = undefined;
      this.lost = true;
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  async close(): Promise<void> {
    const l = this.listener;
    this.listener = undefined;
    if (l) await l.end().catch(() => {});
  }

  private bump(tenantId: string): void {
    this.generations.set(tenantId, this.generation(tenantId) + 1);
  }
}
