/**
 * Load test of the feeds (`latest.yml`, Squirrel.Windows `RELEASES`, Sparkle `appcast.xml`) on the real server,
 * each next to a bare node:http baseline answering a body of the same length, on 127.0.0.1. Run with
 * `npm run bench:feeds` (see bench/README.md); the processes and phases are those of bench/check-version.ts.
 */
import {
  ARCHS,
  appOf,
  averageBody,
  type BenchSeed,
  CONNECTIONS,
  type LoadRequest,
  type Measured,
  median,
  OWNER,
  PLATFORMS,
  phase,
  pick,
  ROUNDS,
  rssMb,
  runBench,
  SECONDS,
  startBaseline,
  TABLE_HEADER,
  tableRow,
  versionOf,
  WARMUP_SECONDS,
} from './harness.js';

const APPS = 100;
const VERSIONS = 30;
const PATHS = 2_000;
const DEVICES = 100_000;

/**
 * 100 public apps × 30 versions × 3 platforms × 2 archs, each with an installer, a zip and a full nupkg (with a
 * changelog, so every feed carries notes); the latest release of every app is in a 50% rollout.
 */
const SEED: BenchSeed = {
  apps: APPS,
  versions: VERSIONS,
  isPrivate: () => false,
  flags: (v) => ({ rollout: v === VERSIONS - 1 ? 50 : 100 }),
  files: (app, version) => [
    `${app}-Setup-${version}.exe`,
    `${app}-${version}-mac.zip`,
    `${app}-${version}-full.nupkg`,
  ],
  size: 80_000_000,
};

const FEEDS: { name: string; contentType: string; path: (feed: string, version: string) => string }[] = [
  { name: 'latest.yml', contentType: 'text/yaml; charset=utf-8', path: (feed) => `${feed}/latest.yml` },
  {
    name: 'RELEASES',
    contentType: 'text/plain; charset=utf-8',
    path: (feed, version) => `${feed}/${version}/RELEASES?id=bench&localVersion=${version}&arch=amd64`,
  },
  {
    name: 'appcast.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    path: (feed) => `${feed}/appcast.xml`,
  },
];

async function orchestrate(): Promise<void> {
  await runBench(SEED, async ({ dir, origin, server, track }) => {
    const feeds = [];
    // BENCH_FEEDS=appcast.xml,RELEASES measures only those feeds.
    const only = process.env.BENCH_FEEDS?.split(',');
    for (const feed of FEEDS.filter((f) => !only || only.includes(f.name))) {
      const requests: LoadRequest[] = Array.from({ length: PATHS }, () => {
        const folder = `/update/${OWNER}/${appOf(Math.floor(Math.random() * APPS))}/stable/${pick(PLATFORMS)}/${pick(ARCHS)}`;
        return { path: feed.path(folder, versionOf(Math.floor(Math.random() * VERSIONS))) };
      });
      const bytes = await averageBody(origin, requests);
      const base = await startBaseline(bytes, feed.contentType);
      track(base.child);
      feeds.push({ ...feed, requests, bytes, base });
    }

    // The warm-up cycles through every path of every feed, so that the rounds measure answers from the cache.
    const warmRequests: LoadRequest[] = feeds.flatMap((feed) => feed.requests);
    const warm = await phase(dir, 'warm-up', origin, server.pid, warmRequests, 0, WARMUP_SECONDS);

    // Per round and feed: the baseline, the feed, and for latest.yml the same with a device id (server-gated
    // rollout), next to the baseline sent the same headers.
    type Round = Record<string, { base: Measured; feed: Measured }>;
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r: Round = {};
      for (const feed of feeds) {
        r[feed.name] = {
          base: await phase(dir, `base-${feed.name}`, feed.base.url, feed.base.child.pid, feed.requests, 0),
          feed: await phase(dir, feed.name, origin, server.pid, feed.requests, 0),
        };
        if (feed.name === 'latest.yml') {
          r[`${feed.name} + device id`] = {
            base: await phase(dir, 'base-device', feed.base.url, feed.base.child.pid, feed.requests, DEVICES),
            feed: await phase(dir, 'device', origin, server.pid, feed.requests, DEVICES),
          };
        }
      }
      rounds.push(r);
    }

    let out =
      `\n${CONNECTIONS} connections, ${SECONDS} s per phase, ${ROUNDS} rounds, ${PATHS} distinct paths per feed, ` +
      `answers ≈ ${feeds.map((f) => `${f.name} ${f.bytes} B`).join(', ')}\n${TABLE_HEADER}`;
    const firstBase = Object.values(rounds[0] ?? {})[0]?.base;
    if (firstBase) out += tableRow(`warm-up (${WARMUP_SECONDS} s, cold caches)`, warm, firstBase);
    for (const [i, r] of rounds.entries()) {
      for (const [name, pair] of Object.entries(r)) {
        out += tableRow(`round ${i + 1}: baseline for ${name}`, pair.base, pair.base);
        out += tableRow(`round ${i + 1}: ${name}`, pair.feed, pair.base);
      }
    }
    const names = Object.keys(rounds[0] ?? {});
    const ratios = names.map((name) => ({
      name,
      ratio: median(rounds.map((r) => (r[name]?.feed.rps ?? 0) / (r[name]?.base.rps ?? 1))),
      p99: median(rounds.map((r) => r[name]?.feed.p99 ?? 0)),
    }));
    out += `median ratio to baseline: ${ratios.map((r) => `${r.name} ${r.ratio.toFixed(2)}`).join(', ')}\n`;
    out += `median p99: ${ratios.map((r) => `${r.name} ${r.p99} ms`).join(', ')}\n`;
    out += `server RSS after the run: ${rssMb(server.pid)}\n`;
    out += `goal (every ratio ≥ 0.75): ${ratios.every((r) => r.ratio >= 0.75) ? 'met' : 'NOT met'}\n`;
    process.stdout.write(out);
  });
}

await orchestrate();
