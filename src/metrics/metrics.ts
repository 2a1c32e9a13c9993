import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  type Histogram,
  type MetricObjectWithValues,
  type MetricValueWithName,
  Registry,
} from 'prom-client';
import { isDatabaseUnreachable } from '../db/errors.js';
import { type CacheCounts, type CheckCounts, LATENCY_BUCKETS, RouteCounts } from './counts.js';

/** The hot path's routes (served by the lean node:http handler), then Express's faces. */
export const ROUTE_GROUPS = [
  'checkVersion',
  'apps_latest',
  'feeds',
  'beacon',
  'feed_files',
  'faynosync',
  'v1',
  'reports',
  'downloads',
  'telemetry',
  'files',
  'health',
  'metrics',
] as const;
export type RouteGroup = (typeof ROUTE_GROUPS)[number];

export type CheckRoute = 'checkVersion' | 'feeds';
export type AnswerCacheName = 'checkVersion' | 'apps_latest' | 'feeds';
type DatabaseErrorKind = 'unreachable' | 'constraint' | 'query';

/** What the metrics read from the rest of the instance when scraped. */
export interface MetricsSources {
  /** Generation bumps of the change feed, by where the write was heard. */
  bumps(): { local: number; notified: number; resync: number };
  telemetry(): { buffered: number; dropped: number };
}

/**
 * One instance's metrics, in its own prom-client registry (several apps in one process, as tests run them, never
 * share a series). Request paths bump the plain numbers of `counts.ts`; the prom-client metrics read them when
 * `/metrics` is scraped.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #routes = new Map<RouteGroup, RouteCounts>();
  readonly #checks = new Map<CheckRoute, CheckCounts>();
  readonly #caches = new Map<AnswerCacheName, CacheCounts>();
  readonly #uploads = { files: 0, bytes: 0 };
  readonly #storageErrors = new Map<string, number>();
  readonly #databaseErrors: Record<DatabaseErrorKind, number> = { unreachable: 0, constraint: 0, query: 0 };
  #sources: MetricsSources | undefined;

  /** `processMetrics`: Node's and the process's own (CPU, memory, event loop, GC), which run timers of their own. */
  constructor(options: { processMetrics: boolean }) {
    for (const group of ROUTE_GROUPS) this.#routes.set(group, new RouteCounts());
    for (const route of ['checkVersion', 'feeds'] as const)
      this.#checks.set(route, { update: 0, no_update: 0, error: 0, stale: 0 });
    for (const cache of ['checkVersion', 'apps_latest', 'feeds'] as const)
      this.#caches.set(cache, { hits: 0, misses: 0 });
    this.#register();
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Where the gauges of other parts are read from; set once they exist. */
  observe(sources: MetricsSources): void {
    this.#sources = sources;
  }

  /** The counts a route group's requests go into; look it up once, not per request. */
  route(group: RouteGroup): RouteCounts {
    return this.#routes.get(group) as RouteCounts;
  }

  checks(route: CheckRoute): CheckCounts {
    return this.#checks.get(route) as CheckCounts;
  }

  cache(name: AnswerCacheName): CacheCounts {
    return this.#caches.get(name) as CacheCounts;
  }

  /** Files of a committed release write (an upload, a version update with files, a BinDist upload). */
  uploaded(files: number, bytes: number): void {
    this.#uploads.files += files;
    this.#uploads.bytes += bytes;
  }

  /** A storage call that failed (not a missing object or an upload over the limit: those are the caller's). */
  storageError(operation: string): void {
    this.#storageErrors.set(operation, (this.#storageErrors.get(operation) ?? 0) + 1);
  }

  /** A failed query or connection: unreachable (retry), constraint (a conflict the caller is told of), query. */
  databaseError(err: unknown): void {
    const code = (err as { code?: unknown } | null)?.code;
    const kind: DatabaseErrorKind = isDatabaseUnreachable(err)
      ? 'unreachable'
      : typeof code === 'string' && code.startsWith('23')
        ? 'constraint'
        : 'query';
    this.#databaseErrors[kind] += 1;
  }

  /** The Prometheus text format, and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  #register(): void {
    const registry = this.registry;
    const routes = this.#routes;
    counter(
      registry,
      'updraft_http_requests_total',
      'Requests answered, by route group and status class',
      ['group', 'status'],
      (set) => {
        for (const [group, counts] of routes) {
          counts.statusClasses.forEach((value, i) => {
            if (value > 0) set({ group, status: `${i + 1}xx` }, value);
          });
        }
      },
    );
    registry.registerMetric(new LatencyHistogram(routes) as unknown as Histogram);
    const checks = this.#checks;
    counter(
      registry,
      'updraft_update_checks_total',
      'Update checks (/checkVersion, and feeds that name the client version) by answer',
      ['route', 'answer'],
      (set) => {
        for (const [route, counts] of checks) {
          for (const answer of ['update', 'no_update', 'error', 'stale'] as const)
            set({ route, answer }, counts[answer]);
        }
      },
    );
    const caches = this.#caches;
    counter(
      registry,
      'updraft_hot_cache_hits_total',
      'Hot-path answers found current in memory',
      ['cache'],
      (set) => {
        for (const [cache, counts] of caches) set({ cache }, counts.hits);
      },
    );
    counter(
      registry,
      'updraft_hot_cache_misses_total',
      'Hot-path answers computed (not cached, or superseded by a write)',
      ['cache'],
      (set) => {
        for (const [cache, counts] of caches) set({ cache }, counts.misses);
      },
    );
    counter(
      registry,
      'updraft_generation_bumps_total',
      'Cache generation bumps: local (a write here), notified (a NOTIFY heard, also of own writes), resync (listener back)',
      ['source'],
      (set) => {
        const bumps = this.#sources?.bumps();
        if (!bumps) return;
        for (const source of ['local', 'notified', 'resync'] as const) set({ source }, bumps[source]);
      },
    );
    const uploads = this.#uploads;
    counter(registry, 'updraft_uploads_total', 'Files committed by uploads', [], (set) =>
      set({}, uploads.files),
    );
    counter(registry, 'updraft_upload_bytes_total', 'Bytes of the files committed by uploads', [], (set) =>
      set({}, uploads.bytes),
    );
    const storageErrors = this.#storageErrors;
    counter(
      registry,
      'updraft_storage_errors_total',
      'Failed artifact storage calls',
      ['operation'],
      (set) => {
        for (const [operation, value] of storageErrors) set({ operation }, value);
      },
    );
    const databaseErrors = this.#databaseErrors;
    counter(
      registry,
      'updraft_database_errors_total',
      'Failed database queries and connections',
      ['kind'],
      (set) => {
        for (const kind of ['unreachable', 'constraint', 'query'] as const)
          set({ kind }, databaseErrors[kind]);
      },
    );
    const sources = () => this.#sources;
    new Gauge({
      name: 'updraft_telemetry_buffered_checks',
      help: 'Update checks held in memory until the next telemetry write',
      registers: [registry],
      collect() {
        this.set(sources()?.telemetry().buffered ?? 0);
      },
    });
    counter(
      registry,
      'updraft_telemetry_dropped_checks_total',
      'Update checks not recorded because the telemetry buffer was full',
      [],
      (set) => set({}, sources()?.telemetry().dropped ?? 0),
    );
  }
}

type Labels = Record<string, string>;

/** A counter whose values are read at scrape time from counts kept elsewhere (`read` sets each series' total). */
function counter(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  read: (set: (labels: Labels, value: number) => void) => void,
): void {
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      read((labels, value) => this.inc(labels, value));
    },
  });
}

/**
 * `updraft_http_request_duration_seconds`, by route group, rendered from RouteCounts. prom-client's Histogram has
 * no way to take counts kept outside it, so this is a metric of its own that the registry renders like one.
 */
class LatencyHistogram {
  readonly name = 'updraft_http_request_duration_seconds';
  readonly help = 'Time from a request to its answer being written, by route group';
  readonly type = 'histogram';
  readonly aggregator = 'sum';

  constructor(private readonly routes: ReadonlyMap<RouteGroup, RouteCounts>) {}

  async get(): Promise<Omit<MetricObjectWithValues<MetricValueWithName<string>>, 'collect'>> {
    const values: MetricValueWithName<string>[] = [];
    for (const [group, counts] of this.routes) {
      if (counts.count === 0) continue;
      let cumulative = 0;
      LATENCY_BUCKETS.forEach((le, i) => {
        cumulative += counts.buckets[i] ?? 0;
        values.push({ metricName: `${this.name}_bucket`, labels: { le, group }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', group }, value: counts.count });
      values.push({ metricName: `${this.name}_sum`, labels: { group }, value: counts.seconds });
      values.push({ metricName: `${this.name}_count`, labels: { group }, value: counts.count });
    }
    return {
      name: this.name,
      help: this.help,
      type: 'histogram' as never,
      aggregator: this.aggregator,
      values,
    };
  }

  reset(): void {}
}
