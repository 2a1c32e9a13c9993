/**
 * What the request paths count, as plain numbers that the metrics read only when scraped. An update check is
 * answered in about 20 µs; prom-client's own `inc()` and `observe()` hash their labels and allocate on every call,
 * so the paths that run per request touch nothing but these fields.
 */

/** Upper bounds of the request latency buckets, in seconds: cached answers take well under a millisecond. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
] as const;

/** Requests of one route group: how many ended with each status class, and how long they took. */
export class RouteCounts {
  /** Index 0 is 1xx, 4 is 5xx. */
  readonly statusClasses = new Float64Array(5);
  /** Observations per bucket, not cumulative; the last one is above every bound (+Inf). */
  readonly buckets = new Float64Array(LATENCY_BUCKETS.length + 1);
  seconds = 0;
  count = 0;

  record(status: number, seconds: number): void {
    const statusClass = (status / 100) | 0;
    if (statusClass >= 1 && statusClass <= 5)
      this.statusClasses[statusClass - 1] = (this.statusClasses[statusClass - 1] ?? 0) + 1;
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > (LATENCY_BUCKETS[bucket] as number)) bucket++;
    this.buckets[bucket] = (this.buckets[bucket] ?? 0) + 1;
    this.seconds += seconds;
    this.count += 1;
  }
}

/** How the update checks of one route were answered. */
export interface CheckCounts {
  update: number;
  no_update: number;
  /** A 4xx or 5xx: unknown app, bad query, database away with nothing kept. */
  error: number;
  /** Answered from the last known state while the database or the change listener is away. */
  stale: number;
}

/** Lookups of one hot-path answer cache. */
export interface CacheCounts {
  hits: number;
  misses: number;
}

/** Which answer a check got: stale first (whatever it said), then by its status and whether it offered an update. */
export function countCheck(
  counts: CheckCounts,
  status: number,
  updateAvailable: boolean,
  staleSeconds: number,
): void {
  if (staleSeconds > 0) counts.stale += 1;
  else if (status >= 400) counts.error += 1;
  else if (updateAvailable) counts.update += 1;
  else counts.no_update += 1;
}
