import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { ChangeFeed } from './core/changes.js';
import { Counters } from './core/counters.js';
import { FenfaRetention } from './core/fenfa/retention-job.js';
import { degradedReasons } from './core/health.js';
import { KnownAddresses, RateLimiter } from './core/rate-limit.js';
import { EdgePublisher } from './core/releases/edge.js';
import { ReleaseCache } from './core/releases/release-cache.js';
import { sweepUploads } from './core/releases/sweep.js';
import { UploadSessionWrites } from './core/releases/upload-session-writes.js';
import { ReportsRetention } from './core/reports/retention.js';
import { TelemetryRecorder } from './core/telemetry/recorder.js';
import { TelemetryRetention } from './core/telemetry/retention.js';
import { type DbHandle, databaseStartupError, openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrations.js';
import { Metrics } from './metrics/metrics.js';
import { createArtifactStore } from './storage/index.js';
import { observeStoreErrors } from './storage/observed.js';
import type { ArtifactStore } from './storage/types.js';

/** Everything a request handler may need, built once at start-up and passed down (no module-level state). */
export interface AppContext {
  config: Config;
  database: DbHandle;
  store: ArtifactStore;
  logger: Logger;
  /** The instance's release cache, shared by the hot path and the Express routes that read releases (feed files, doctor). */
  releases: ReleaseCache;
  /** Sign-up and login throttling of this instance (never module globals: test apps must not share counters). */
  logins: { limiter: RateLimiter; knownAddresses: KnownAddresses };
  /** Per-tenant generations that stamp hot-path cache entries; bumped after every committed write. */
  changes: ChangeFeed;
  telemetry: TelemetryRecorder;
  /** Download-page visits and clicks and Fenfa downloads, counted in memory and written in batches. */
  counters: Counters;
  /** Prunes telemetry older than config.telemetryRetentionDays, at start-up and hourly. */
  telemetryRetention: TelemetryRetention;
  /** Prunes expired report details and rate-limit windows, at start-up and hourly. */
  reportsRetention: ReportsRetention;
  /** Applies the Fenfa variants' retention policies, at start-up and hourly. */
  fenfaRetention: FenfaRetention;
  /** Publishes cdn apps' check answers to the public storage after each write; started by the hot path. */
  edge: EdgePublisher;
  /** Why the server cannot do all it should (database, change listener, disk space); empty when it can. */
  degradedReasons: () => Promise<string[]>;
  /** Counts of requests, checks, caches, uploads and failures; served at GET /metrics when config.metrics says so. */
  metrics: Metrics;
  /** The resumable upload PATCHes this instance is finishing, which a HEAD of the same upload waits for. */
  uploadWrites: UploadSessionWrites;
}

/** Flushes what is buffered and closes connections; the context is unusable afterwards. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.edge.close();
  await ctx.telemetryRetention.stop();
  await ctx.reportsRetention.stop();
  await ctx.fenfaRetention.stop();
  await ctx.telemetry.close();
  await ctx.counters.close();
  await ctx.changes.close();
  await ctx.database.close();
}

/** Opens the database (migrating it) and the artifact store described by `config`. */
export async function openContext(config: Config, logger: Logger, database?: DbHandle): Promise<AppContext> {
  // Storage first: checking it costs less than opening (or creating) a database, and a mistake in it stops
  // start-up before anything is written.
  // Process metrics run timers of their own (event loop delay, GC): only when someone can read them.
  const metrics = new Metrics({ processMetrics: config.metrics.enabled });
  const store = await createArtifactStore(config, storageSigningKey(config));
  observeStoreErrors(store, (operation) => metrics.storageError(operation));
  try {
    await store.init();
  } catch (err) {
    await database?.close();
    throw err;
  }
  const db = database ?? (await openDatabase(config.databaseUrl, config.dataDir));
  db.onError((err) => metrics.databaseError(err));
  try {
    const applied = await migrateToLatest(db.db as never);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    await sweepUploads({ database: db, store, logger });
    const changes = new ChangeFeed(db.db, db.kind);
    await changes.listen(config.databaseUrl, logger);
    const telemetry = new TelemetryRecorder(db.db, logger, {
      enabled: config.telemetry,
      flushMs: 1000,
      maxBuffered: 100_000,
    });
    const counters = new Counters(db.db, logger);
    const telemetryRetention = new TelemetryRetention(db.db, logger, config.telemetryRetentionDays);
    telemetryRetention.start();
    const reportsRetention = new ReportsRetention({ database: db, store, logger });
    reportsRetention.start();
    const fenfaRetention = new FenfaRetention({ database: db, store, logger, changes, config });
    fenfaRetention.start();
    const edge = new EdgePublisher({ database: db, store, logger, changes, apiUrl: config.apiUrl });
    metrics.observe({
      bumps: () => changes.bumps,
      telemetry: () => ({ buffered: telemetry.buffered, dropped: telemetry.dropped }),
    });
    return {
      config,
      database: db,
      store,
      logger,
      releases: new ReleaseCache({
        db: db.db,
        changes,
        apiUrl: config.apiUrl,
        store,
        staleLimitSeconds: config.staleIfErrorSeconds,
      }),
      degradedReasons: () =>
        degradedReasons({
          db: db.db,
          changes,
          // The file system that holds local artifacts or the embedded database, if either.
          localDir: config.storageDriver === 'local' || db.kind === 'pglite' ? config.dataDir : undefined,
        }),
      logins: { limiter: new RateLimiter(), knownAddresses: new KnownAddresses() },
      changes,
      telemetry,
      counters,
      telemetryRetention,
      reportsRetention,
      fenfaRetention,
      edge,
      metrics,
      uploadWrites: new UploadSessionWrites(),
    };
  } catch (err) {
    await db.close();
    throw databaseStartupError(err, config.databaseUrl);
  }
}

/** Signed download URLs of the local driver use their own key, derived so that it never equals the JWT secret. */
function storageSigningKey(config: Config): string {
  return createHmac('sha256', config.jwtSecret).update('updraft:storage-signing').digest('base64url');
}
