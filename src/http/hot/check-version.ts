import type { ServerResponse } from 'node:http';
import type { AppContext } from '../../context.js';
import type { DownloadAccess } from '../../core/download-access.js';
import type { TenantCatalog } from '../../core/releases/catalog-load.js';
import type { ReleaseCache } from '../../core/releases/release-cache.js';
import type { UpdateAnswer } from '../../core/update/answer.js';
import {
  APP_NOT_FOUND,
  answerCheck,
  CHECK_PARAMS,
  type CheckQuery,
  type CheckRequest,
  loadCheck,
} from '../../core/update/check.js';
import { countCheck } from '../../metrics/counts.js';
import { gated, type PrivateGate } from './private-gate.js';
import { type HotRequest, readQuery, usableDeviceId } from './request.js';
import {
  type Answer,
  AnswerCache,
  answerOrStale,
  DeviceAnswers,
  type Prepared,
  prepareAnswer,
  prepareJson,
  type StampedAnswer,
  send,
} from './response.js';

// The answer depends on X-Device-ID (rollout gating), which shared caches must know when they revalidate.
const VARY = ['Vary', 'X-Device-ID'];
/** Answers kept: about 1 KB each, and at most twice this many are held (see BoundedMap). */
const CACHED_ANSWERS = 32_768;
const NO_SUCH_APP = prepareJson(400, { error: APP_NOT_FOUND });

interface CheckEntry extends StampedAnswer {
  /** The answer without a device id: FaynoSync's. */
  base: Answer;
  /** Absent when the answer is an error: there is then nothing to gate or record. */
  check?: {
    appId: string;
    devices: DeviceAnswers;
    telemetry: { version: string; channel: string; platform: string; arch: string };
  };
  /** Present when the app is private: a request that shows a download token is judged by it (see gated). */
  gate?: PrivateGate;
}

/**
 * `GET /checkVersion` (FaynoSync behaviour §5, tenant-scoped). A cached answer is served without touching the
 * database or parsing more than the query; a miss resolves names through the release cache, decides and
 * keeps the serialised answer until the tenant's next write.
 */
export function checkVersionRoute(
  ctx: AppContext,
  releases: ReleaseCache,
  access: DownloadAccess,
): (req: HotRequest, res: ServerResponse) => Promise<void> | undefined {
  const cache = new AnswerCache<CheckEntry>(
    ctx.changes,
    CACHED_ANSWERS,
    ctx.config.staleIfErrorSeconds,
    ctx.metrics.cache('checkVersion'),
  );
  const checks = ctx.metrics.checks('checkVersion');

  const reply = (
    req: HotRequest,
    res: ServerResponse,
    entry: CheckEntry,
    deviceId: string | undefined,
    staleSeconds = 0,
  ) =>
    gated(
      access,
      req,
      entry.tenantId,
      entry.gate,
      () => answer(req, res, entry, deviceId, staleSeconds),
      () => {
        checks.error += 1;
        send(req, res, NO_SUCH_APP);
      },
    );

  const answer = (
    req: HotRequest,
    res: ServerResponse,
    entry: CheckEntry,
    deviceId: string | undefined,
    staleSeconds: number,
  ) => {
    const { check } = entry;
    if (!check || deviceId === undefined) {
      const { prepared, updateAvailable } = entry.base;
      countCheck(checks, prepared.status, updateAvailable, staleSeconds);
      send(req, res, prepared, staleSeconds);
      return;
    }
    const answer = check.devices.for(deviceId);
    countCheck(checks, answer.prepared.status, answer.updateAvailable, staleSeconds);
    send(req, res, answer.prepared, staleSeconds);
    ctx.telemetry.record({
      tenantId: entry.tenantId,
      appId: check.appId,
      deviceId,
      ...check.telemetry,
      isLatest: !answer.updateAvailable,
      at: new Date(),
    });
  };

  const miss = async (
    req: HotRequest,
    res: ServerResponse,
    query: CheckQuery,
    key: string,
    deviceId: string | undefined,
  ): Promise<void> => {
    const askedAt = Date.now();
    const computed = await computeCheck(ctx.config.apiUrl, releases, query);
    if ('uncached' in computed) {
      checks.error += 1;
      send(req, res, computed.uncached);
      return;
    }
    cache.set(key, computed.entry);
    await reply(req, res, computed.entry, deviceId, cache.staleSeconds(computed.entry, askedAt));
  };

  return (req, res) => {
    const query = readQuery(req.search, CHECK_PARAMS);
    // Every slot is present, so a value smuggling the separator can never line up with another query's key.
    const key = `${query.owner ?? ''}\0${query.app_name ?? ''}\0${query.version ?? ''}\0${query.channel ?? ''}\0${query.platform ?? ''}\0${query.arch ?? ''}\0${query.updater ?? ''}`;
    const deviceId = usableDeviceId(req.deviceId);
    const hit = cache.get(key);
    if (hit) return reply(req, res, hit, deviceId);
    return answerOrStale(
      cache,
      key,
      (kept, seconds) => reply(req, res, kept, deviceId, seconds),
      () => miss(req, res, query, key, deviceId),
    );
  };
}

/** A computed check: an entry to cache, or an answer that must not be cached (bad query, unknown owner). */
type Computed = { entry: CheckEntry } | { uncached: Prepared };

/**
 * What /checkVersion answers a query, before any device id is looked at: core's answerCheck over the cached catalog
 * and index, serialised once; answers to devices are computed (by the same function) per rollout bucket.
 */
async function computeCheck(apiUrl: string, releases: ReleaseCache, query: CheckQuery): Promise<Computed> {
  const loaded = await loadCheck(releases, query);
  if ('error' in loaded) return { uncached: prepareJson(400, { error: loaded.error }) };
  const { request, tenantId, catalog, index } = loaded;
  const base = answerCheck(catalog, index, request, apiUrl);
  const entry: CheckEntry = {
    tenantId,
    generation: index?.generation ?? catalog.generation,
    at: catalog.loadedAt,
    base: serialised(base),
  };
  const gate = privateGate(catalog, request);
  if (gate) entry.gate = gate;
  if (index && base.decision) {
    entry.check = {
      appId: index.app.id,
      devices: new DeviceAnswers(base.decision.staged, (deviceId) =>
        serialised(answerCheck(catalog, index, { ...request, deviceId }, apiUrl)),
      ),
      telemetry: {
        version: request.client.text,
        channel: request.channel ?? '',
        platform: request.platform ?? '',
        arch: request.arch ?? '',
      },
    };
  }
  return { entry };
}

function serialised(answer: UpdateAnswer): Answer {
  return {
    prepared: prepareAnswer(answer, answer.perDevice ? VARY : []),
    updateAvailable: answer.decision?.updateAvailable ?? false,
  };
}

/** The gate of a check about a private app, whatever else is wrong with the check (an unknown channel…). */
function privateGate(catalog: TenantCatalog, request: CheckRequest): PrivateGate | undefined {
  const app = catalog.apps.get(request.appName);
  if (!app?.private) return undefined;
  const channelId = request.channel === undefined ? null : (catalog.channels.get(request.channel) ?? null);
  return { appId: app.id, channelId };
}
