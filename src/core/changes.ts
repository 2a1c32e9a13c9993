import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.js';
import { type Listener, listenOn } from '../db/listener.js';

const CHANNEL = 'updraft_changes';

/** The listener's reconnect delays: doubling from the first to the last, so a restarted server is heard within seconds. */
export interface ReconnectDelays {
  minMs: number;
  maxMs: number;
}

const DEFAULT_DELAYS: ReconnectDelays = { minMs: 250, maxMs: 2_000 };

/**
 * A generation number per tenant that every write in the tenant bumps once committed. Hot-path caches
 * stamp their entries with the generation they were computed under, so an entry is stale the moment any
 * write lands: no answer outlives a publish, an unpublish or a delete. With several instances on one
 * PostgreSQL server, NOTIFY carries each bump to the others.
 *
 * When the listener loses its connection it reconnects by itself, with backoff; while it is away, cached answers
 * stay in use but are no longer known to be current (see staleSeconds), and once it is back every generation is
 * bumped, since any write in between went unheard. Flushing the caches instead would send every request to the
 * database for as long as the listener is away, or to a database that is down.
 */
export class ChangeFeed {
  private readonly generations = new Map<string, number>();
  /** When each tenant's generation last moved (ms); the epoch's own move counts for every tenant. */
  private readonly changedAt = new Map<string, number>();
  /** Added to every tenant's generation: one increment makes everything cached stale at once. */
  private epoch = 0;
  private epochChangedAt = 0;
  private listener: Listener | undefined;
  private databaseUrl = '';
  private logger: Logger | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  /**
   * Since when (ms since the epoch) other instances' writes can no longer be heard; undefined while the listener
   * listens, and always with the embedded database (one instance by construction).
   */
  disconnectedSince: number | undefined;
  private readonly subscribers: ((tenantId: string) => void)[] = [];
  /**
   * Bumps so far (read by the metrics): by a write here, by a NOTIFY (which this instance hears of its own writes
   * too), or all at once when the listener is back.
   */
  readonly bumps = { local: 0, notified: 0, resync: 0 };

  constructor(
    private readonly db: Db,
    private readonly kind: 'pglite' | 'postgres',
    private readonly delays: ReconnectDelays = DEFAULT_DELAYS,
  ) {}

  generation(tenantId: string): number {
    return this.epoch + (this.generations.get(tenantId) ?? 0);
  }

  /**
   * For how many seconds an answer computed at `at` (ms) under `generation` has not been known to be current: 0
   * while it is current. Under an unchanged generation, an answer stops being known current when the listener
   * stopped listening; under an older one, it is counted from when it was computed (it may have been superseded
   * any time since) — unless `askedAt` is given and every change since arrived after it: an answer computed for a
   * request is current as of the request's arrival even when a write (or this instance's own NOTIFY) lands while
   * it is being computed.
   */
  staleSeconds(tenantId: string, generation: number, at: number, askedAt?: number): number {
    const moved = Math.max(this.changedAt.get(tenantId) ?? 0, this.epochChangedAt);
    if (generation === this.generation(tenantId) || (askedAt !== undefined && moved >= askedAt)) {
      const since = this.disconnectedSince;
      return since === undefined ? 0 : Math.max(0, Date.now() - Math.max(at, since)) / 1000;
    }
    return Math.max(0, Date.now() - at) / 1000;
  }

  /**
   * Calls `subscriber` after each of this instance's own committed writes (not for other instances' writes: the
   * instance that wrote is the one that follows up). It must not throw, and should only schedule its work.
   */
  onChange(subscriber: (tenantId: string) => void): void {
    this.subscribers.push(subscriber);
  }

  /**
   * Call after the write's transaction has committed. A failed NOTIFY does not fail the write (it is saved): the
   * other instances' listeners lost the same server and bump everything when they reconnect.
   */
  async changed(tenantId: string): Promise<void> {
    this.bump(tenantId);
    this.bumps.local += 1;
    for (const subscriber of this.subscribers) subscriber(tenantId);
    if (this.kind !== 'postgres') return;
    try {
      await sql`select pg_notify(${CHANNEL}, ${tenantId})`.execute(this.db);
    } catch (err) {
      this.logger?.warn(
        { reason: (err as Error).message },
        'could not notify other instances of a committed write',
      );
    }
  }

  /** Listens for other instances' writes (PostgreSQL only; the embedded database has one instance). */
  async listen(databaseUrl: string | undefined, logger: Logger): Promise<void> {
    this.logger = logger;
    if (this.kind !== 'postgres' || !databaseUrl) return;
    this.databaseUrl = databaseUrl;
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const l = this.listener;
    this.listener = undefined;
    if (l) await l.close();
  }

  private async connect(): Promise<void> {
    const listener: Listener = await listenOn(this.databaseUrl, CHANNEL, {
      notify: (tenantId) => {
        this.bump(tenantId);
        this.bumps.notified += 1;
      },
      lost: (err) => this.lose(listener, err),
    });
    if (this.closed) {
      await listener.close();
      return;
    }
    this.listener = listener;
  }

  private lose(listener: Listener, err: Error): void {
    if (this.listener !== listener) return;
    this.listener = undefined;
    this.disconnectedSince ??= Date.now();
    this.logger?.error(
      { reason: err.message },
      'change listener lost its connection: answering from cached state while it reconnects',
    );
    this.reconnect(this.delays.minMs);
  }

  private reconnect(delayMs: number): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect().then(
        () => {
          if (this.closed) return;
          // LISTEN is in place before the bump, so no write can fall between what the bump covers and what is heard.
          this.epoch++;
          this.epochChangedAt = Date.now();
          this.bumps.resync += 1;
          const away = Date.now() - (this.disconnectedSince ?? Date.now());
          this.disconnectedSince = undefined;
          this.logger?.info({ awayMs: away }, 'change listener reconnected: cached answers recomputed');
        },
        () => this.reconnect(Math.min(delayMs * 2, this.delays.maxMs)),
      );
    }, delayMs);
    this.retry.unref();
  }

  private bump(tenantId: string): void {
    this.generations.set(tenantId, (this.generations.get(tenantId) ?? 0) + 1);
    this.changedAt.set(tenantId, Date.now());
  }
}
