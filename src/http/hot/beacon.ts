import type { ServerResponse } from 'node:http';
import type { AppContext } from '../../context.js';
import { isCatalogName } from '../../core/names.js';
import { lineKey } from '../../core/releases/index-load.js';
import type { ReleaseCache } from '../../core/releases/release-cache.js';
import { parseVersion } from '../../core/version-numbers.js';
import { type HotRequest, readQuery, usableDeviceId } from './request.js';
import { prepareJson, prepareNoContent, send } from './response.js';
import { BEACON_PARAMS } from './routes.js';

type Query = Partial<Record<(typeof BEACON_PARAMS)[number], string>>;

/** Go's strconv.ParseBool, which FaynoSync reads `is_latest` with. */
const BOOLEANS = new Map<string, boolean>([
  ...['1', 't', 'T', 'TRUE', 'true', 'True'].map((v) => [v, true] as const),
  ...['0', 'f', 'F', 'FALSE', 'false', 'False'].map((v) => [v, false] as const),
]);

interface Beacon {
  deviceId: string;
  owner: string;
  appName: string;
  version: string;
  channel: string;
  platform: string;
  arch: string;
  isLatest: boolean;
}

const NO_CONTENT = prepareNoContent();
const DISABLED = prepareJson(403, { error: 'Telemetry is not enabled on this instance' });

/**
 * `GET /telemetry/beacon` (FaynoSync behaviour §9.1): FaynoSync's SDK sends it after a check its edgeURL answered,
 * so that the check still counts in `/telemetry`. It is recorded as a /checkVersion with X-Device-ID would be, and
 * only for a release line that exists (FaynoSync's allow-list: channel, platform and arch of a published artifact
 * of the owner's app). 204 as in FaynoSync, recorded or not: whether an owner or app exists is not told. Unlike
 * FaynoSync, a malformed beacon gets a 400 that says what is wrong instead of being dropped silently.
 */
export function beaconRoute(
  ctx: AppContext,
  releases: ReleaseCache,
): (req: HotRequest, res: ServerResponse) => Promise<void> | undefined {
  const record = async (req: HotRequest, res: ServerResponse, beacon: Beacon): Promise<void> => {
    const tenantId = await releases.tenantOf(beacon.owner);
    const catalog = tenantId === undefined ? undefined : await releases.catalog(tenantId);
    const app = catalog?.apps.get(beacon.appName);
    const channelId = catalog?.channels.get(beacon.channel);
    const platformId = catalog?.platforms.get(beacon.platform);
    const archId = catalog?.archs.get(beacon.arch);
    if (catalog && app && channelId && platformId && archId) {
      const index = await releases.index(catalog, app);
      if (index.lines.has(lineKey(channelId, platformId, archId))) {
        ctx.telemetry.record({
          tenantId: catalog.tenantId,
          appId: app.id,
          deviceId: beacon.deviceId,
          version: beacon.version,
          channel: beacon.channel,
          platform: beacon.platform,
          arch: beacon.arch,
          isLatest: beacon.isLatest,
          at: new Date(),
        });
      }
    }
    send(req, res, NO_CONTENT);
  };

  return (req, res) => {
    if (!ctx.config.telemetry) {
      send(req, res, DISABLED);
      return undefined;
    }
    const beacon = parseBeacon(readQuery(req.search, BEACON_PARAMS), usableDeviceId(req.deviceId));
    if (typeof beacon === 'string') {
      send(req, res, prepareJson(400, { error: beacon }));
      return undefined;
    }
    return record(req, res, beacon);
  };
}

/** The SDK sends every parameter; FaynoSync requires all but the version, which it records too. */
function parseBeacon(query: Query, deviceId: string | undefined): Beacon | string {
  if (deviceId === undefined) {
    return 'X-Device-ID is required: the stable id of the installation that checked (at most 128 characters)';
  }
  const { owner, app_name: appName, channel, platform, arch } = query;
  if (!owner) return "owner is required: the admin's username";
  for (const [name, value] of [
    ['app_name', appName],
    ['channel', channel],
    ['platform', platform],
    ['arch', arch],
  ] as const) {
    if (!value) return `${name} is required`;
    if (!isCatalogName(value)) return `invalid ${name} parameter`;
  }
  let version: string;
  try {
    version = parseVersion(query.version).text;
  } catch {
    return 'invalid version parameter: send the version the check was made for, e.g. 1.4.2';
  }
  const isLatest = BOOLEANS.get(query.is_latest ?? '');
  if (isLatest === undefined) {
    return 'is_latest must be true or false: whether the edge answer said no update was available';
  }
  return {
    deviceId,
    owner,
    appName: appName as string,
    version,
    channel: channel as string,
    platform: platform as string,
    arch: arch as string,
    isLatest,
  };
}
