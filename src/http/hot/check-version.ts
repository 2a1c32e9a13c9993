import type { ServerResponse } from 'node:http';
import type { AppContext } from '../../context.js';
import { UPDATER_TYPES } from '../../core/catalog/updaters.js';
import { checkAnswer, type Decision, decide, newestOpenRollout } from '../../core/releases/decision.js';
import {
  type CatalogApp,
  type LineRelease,
  type Release,
  type ReleaseCache,
  releaseLine,
  type TenantCatalog,
} from '../../core/releases/release-index.js';
import { MAX_DEVICE_ID_LENGTH } from '../../core/telemetry/recorder.js';
import { parseVersion, type Version } from '../../core/versions.js';
import { type HotRequest, isCatalogName, readQuery } from './request.js';
import { AnswerCache, type Prepared, prepareJson, type StampedAnswer, send } from './response.js';

const PARAMS = ['app_name', 'version', 'channel', 'platform', 'arch', 'owner', 'updater'] as const;
type Query = Partial<Record<(typeof PARAMS)[number], string>>;

const UPDATERS = new Set<string>(UPDATER_TYPES);
// The answer depends on X-Device-ID (rollout gating), which shared caches must know when they revalidate.
const VARY = ['Vary', 'X-Device-ID'];
/** Answers kept: about 1 KB each, and at most twice this many are held (see BoundedMap). */
const CACHED_ANSWERS = 32_768;

interface Answer {
  prepared: Prepared;
  updateAvailable: boolean;
}

interface CheckEntry extends StampedAnswer {
  /** The answer without a device id: FaynoSync's. */
  base: Answer;
  /** Absent when the answer is an error: there is then nothing to gate or record. */
  check?: {
    appId: string;
    appName: string;
    line: readonly LineRelease[];
    client: Version;
    /** The staged releases in reach (see Decision.staged). */
    staged: readonly Release[];
    /** Device answers by newestOpenRollout: at most one more than there are staged releases in reach. */
    devices: Map<number, Answer>;
    telemetry: { version: string; channel: string; platform: string; arch: string };
  };
}

interface CheckRequest {
  owner: string;
  appName: string;
  client: Version;
  channel: string | undefined;
  platform: string | undefined;
  arch: string | undefined;
}

/**
 * `GET /checkVersion` (FaynoSync behaviour §5, tenant-scoped). A cached answer is served without touching the
 * database or parsing more than the query; a miss resolves names through the release cache, decides and
 * keeps the serialised answer until the tenant's next write.
 */
export function checkVersionRoute(
  ctx: AppContext,
  releases: ReleaseCache,
): (req: HotRequest, res: ServerResponse) => Promise<void> | undefined {
  const cache = new AnswerCache<CheckEntry>(ctx.changes, CACHED_ANSWERS);

  const reply = (req: HotRequest, res: ServerResponse, entry: CheckEntry, deviceId: string | undefined) => {
    const { check } = entry;
    if (!check || deviceId === undefined) {
      send(req, res, entry.base.prepared);
      return;
    }
    // Devices that get the same offer share one serialised answer; without a staged rollout in reach, that is
    // every device (key -1).
    const key = newestOpenRollout(check.staged, deviceId);
    let answer = check.devices.get(key);
    if (!answer) {
      answer = toAnswer(decide(check.line, check.client, deviceId), check.appName);
      check.devices.set(key, answer);
    }
    send(req, res, answer.prepared);
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
    query: Query,
    key: string,
    deviceId: string | undefined,
  ): Promise<void> => {
    const parsed = parseRequest(query);
    if (typeof parsed === 'string') {
      send(req, res, prepareJson(400, { error: parsed }));
      return;
    }
    const tenantId = await releases.tenantOf(parsed.owner);
    if (tenantId === undefined) {
      // The same words as for an unknown app: whether an owner exists is nobody's business.
      send(req, res, prepareJson(400, { error: 'app_name not found' }));
      return;
    }
    const catalog = await releases.catalog(tenantId);
    const resolved = resolve(catalog, parsed);
    let entry: CheckEntry;
    if (typeof resolved === 'string') {
      entry = {
        tenantId,
        generation: catalog.generation,
        base: { prepared: prepareJson(400, { error: resolved }), updateAvailable: false },
      };
    } else {
      const index = await releases.index(catalog, resolved.app);
      const line = releaseLine(index, resolved.channelId, resolved.platformId, resolved.archId);
      const decision = decide(line, parsed.client);
      entry = { tenantId, generation: index.generation, base: toAnswer(decision, resolved.app.name) };
      if (decision) {
        entry.check = {
          appId: resolved.app.id,
          appName: resolved.app.name,
          line,
          client: parsed.client,
          staged: decision.staged,
          devices: new Map(),
          telemetry: {
            version: parsed.client.text,
            channel: parsed.channel ?? '',
            platform: parsed.platform ?? '',
            arch: parsed.arch ?? '',
          },
        };
      }
    }
    cache.set(key, entry);
    reply(req, res, entry, deviceId);
  };

  return (req, res) => {
    const query = readQuery(req.search, PARAMS);
    // Every slot is present, so a value smuggling the separator can never line up with another query's key.
    const key = `${query.owner ?? ''}\0${query.app_name ?? ''}\0${query.version ?? ''}\0${query.channel ?? ''}\0${query.platform ?? ''}\0${query.arch ?? ''}\0${query.updater ?? ''}`;
    const deviceId = deviceIdOf(req);
    const hit = cache.get(key);
    if (hit) {
      reply(req, res, hit, deviceId);
      return undefined;
    }
    return miss(req, res, query, key, deviceId);
  };
}

function toAnswer(decision: Decision | undefined, appName: string): Answer {
  const { status, body } = checkAnswer(decision, appName);
  return {
    prepared: prepareJson(status, body, status === 200 ? VARY : []),
    updateAvailable: decision?.updateAvailable ?? false,
  };
}

/** An id the telemetry would refuse (empty or too long) is as if absent: no gating, nothing recorded. */
function deviceIdOf(req: HotRequest): string | undefined {
  const id = req.deviceId;
  return id !== undefined && id.length > 0 && id.length <= MAX_DEVICE_ID_LENGTH ? id : undefined;
}

/**
 * FaynoSync's pre-database checks with its messages (behaviour §5.1), but with Updraft's name and version
 * rules: every name the catalog accepts and every version an upload accepts can be asked about. Empty
 * optional parameters count as absent, as in FaynoSync.
 */
function parseRequest(query: Query): CheckRequest | string {
  const { app_name: appName, version, owner, updater } = query;
  const channel = query.channel || undefined;
  const platform = query.platform || undefined;
  const arch = query.arch || undefined;
  if (appName === undefined || !isCatalogName(appName)) return 'invalid app_name parameter';
  let client: Version;
  try {
    client = parseVersion(version);
  } catch {
    return 'invalid version parameter';
  }
  if (channel !== undefined && !isCatalogName(channel)) return 'invalid channel parameter';
  if (platform !== undefined && !isCatalogName(platform)) return 'invalid platform parameter';
  if (arch !== undefined && !isCatalogName(arch)) return 'invalid arch parameter';
  if (updater && !UPDATERS.has(updater)) {
    return `invalid updater parameter: use one of ${UPDATER_TYPES.join(', ')}`;
  }
  if (!owner) return "owner is required: the admin's username";
  return { owner, appName, client, channel, platform, arch };
}

interface Resolved {
  app: CatalogApp;
  channelId: string | null;
  platformId: string | null;
  archId: string | null;
}

/**
 * Names to ids within the owner's tenant only (FaynoSync looks channels up across all tenants). An unknown
 * platform or arch is refused rather than ignored: ignoring it would answer with another platform's files.
 */
function resolve(catalog: TenantCatalog, request: CheckRequest): Resolved | string {
  const app = catalog.apps.get(request.appName);
  if (!app) return 'app_name not found';
  let channelId: string | null = null;
  if (request.channel === undefined) {
    if (catalog.channels.size > 0) return 'you have a created channels, setting channel is required';
  } else {
    channelId = catalog.channels.get(request.channel) ?? null;
    if (channelId === null) return 'wrong name of channel. Channel does not exist';
  }
  let platformId: string | null = null;
  if (request.platform !== undefined) {
    platformId = catalog.platforms.get(request.platform) ?? null;
    if (platformId === null) return 'platform_name not found';
  }
  let archId: string | null = null;
  if (request.arch !== undefined) {
    archId = catalog.archs.get(request.arch) ?? null;
    if (archId === null) return 'arch_id not found';
  }
  return { app, channelId, platformId, archId };
}
