import type { Db } from '../../db/connect.js';
import type { TenantCatalog } from '../releases/catalog-load.js';
import type { Release } from '../releases/index-load.js';
import { rolloutBucket } from '../releases/rollout.js';
import { answerFeed } from '../update/feed.js';
import { compareVersions, parseVersion, type Version } from '../version-numbers.js';
import type { Feed, FeedFormat } from './feed.js';
import { FEED_FORMATS } from './formats.js';

/** Why one version of the app is or is not what a client gets. */
export interface VersionVerdict {
  version: string;
  channel: string | null;
  published: boolean;
  critical: boolean;
  intermediate: boolean;
  rollout: { percent: number; bucket?: number; included?: boolean };
  /** The version's files for this feed's platform and arch. */
  files: string[];
  /** Open to this client: published, in the channel, with files for the platform and arch, in its rollout. */
  eligible: boolean;
  reason: string;
}

export interface FeedVerdict {
  updater: string;
  /** A path of this feed (after the feed folder) that was asked, e.g. `latest.yml` or `1.0.0/RELEASES`. */
  path: string;
  status: number;
  /** The version the client would update to, if any. */
  offers: string | null;
  reason: string;
}

export interface Explanation {
  feed: {
    owner: string;
    app: string;
    channel: string | null;
    platform: string | null;
    arch: string | null;
    base: string;
  };
  client: { version: string | null; id: string | null };
  versions: VersionVerdict[];
  feeds: FeedVerdict[];
  sentence: string;
}

/** A path for each kind of feed document, with `{v}` standing for the client's version. */
const PROBES = [
  'latest.yml',
  '{v}/RELEASES',
  '{v}/squirrel-mac',
  'RELEASES.json',
  'appcast.xml',
  '{v}/tauri',
  'releases.win.json',
];

/** A version of the app that no feed shows (not published), as the doctor lists it. */
interface HiddenRow {
  id: string;
  version: string;
  channel: string | null;
  published: boolean;
  is_active: boolean;
  critical: boolean;
  intermediate: boolean;
  rollout_percent: number;
}

/**
 * The feed doctor: for one client (version and id, both optional) of one feed family, what each feed format answers
 * it and why, computed by the very functions the feeds answer with (answerFeed over the same release index), so the
 * doctor cannot disagree with a feed. For every version of the app it also says why it is or is not in play; the
 * versions the index does not hold (not published) are read too, so it can say "not published".
 */
export async function explainFeed(
  db: Db,
  catalog: TenantCatalog,
  feed: Feed,
  client: { version?: Version; id?: string },
  only?: string,
): Promise<Explanation> {
  const channelNames = new Map([...catalog.channels].map(([name, id]) => [id, name]));
  const shown = new Set<string>();
  const verdicts: VersionVerdict[] = [];
  for (const releases of feed.index.channels.values()) {
    for (const release of releases) {
      shown.add(release.id);
      verdicts.push(verdict(release, channelNames.get(release.channelId ?? '') ?? null, feed, client));
    }
  }
  for (const row of await hiddenVersions(db, feed, shown)) verdicts.push(hiddenVerdict(row));
  verdicts.sort((a, b) => compareVersions(parseVersion(b.version), parseVersion(a.version)));

  const feeds: FeedVerdict[] = [];
  for (const probe of PROBES) {
    const path = probe.replace('{v}', client.version?.text ?? '0.0.0');
    const tail = path.split('/');
    // The first format that matches, as the feeds route picks it.
    let matched: { format: FeedFormat; version: string } | undefined;
    for (const format of FEED_FORMATS) {
      const match = format.match(tail);
      if (match) {
        matched = { format, version: match.version };
        break;
      }
    }
    if (!matched) continue;
    const { format } = matched;
    if ((only && format.name !== only) || feeds.some((f) => f.updater === format.name)) continue;
    // As a client that sends its version (in the path, or `?version=` / `localVersion` on the feed URL).
    const version = matched.version ? parseVersion(matched.version) : client.version;
    const answer = answerFeed(format, feed, { version, deviceId: client.id, query: {} });
    feeds.push({
      updater: format.name,
      path,
      status: answer.status,
      offers: answer.decision?.offers ?? null,
      reason: 'error' in answer ? answer.error : (answer.decision?.reason ?? ''),
    });
  }

  return {
    feed: {
      owner: feed.owner,
      app: feed.app.name,
      channel: feed.channel,
      platform: feed.platform,
      arch: feed.arch,
      base: feed.base,
    },
    client: { version: client.version?.text ?? null, id: client.id ?? null },
    versions: verdicts,
    feeds,
    sentence: sentence(feed, verdicts, feeds, client),
  };
}

/** The app's versions that are not in the release index (which holds what clients may see). */
async function hiddenVersions(db: Db, feed: Feed, shown: ReadonlySet<string>): Promise<HiddenRow[]> {
  const rows = await db
    .selectFrom('versions as v')
    .leftJoin('channels as c', 'c.id', 'v.channel_id')
    .select([
      'v.id',
      'v.version',
      'c.name as channel',
      'v.published',
      'v.is_active',
      'v.critical',
      'v.intermediate',
      'v.rollout_percent',
    ])
    .where('v.tenant_id', '=', feed.tenantId)
    .where('v.app_id', '=', feed.app.id)
    .execute();
  return rows.filter((row) => !shown.has(row.id));
}

function hiddenVerdict(row: HiddenRow): VersionVerdict {
  return {
    version: row.version,
    channel: row.channel,
    published: row.published,
    critical: row.critical,
    intermediate: row.intermediate,
    rollout: { percent: row.rollout_percent },
    files: [],
    eligible: false,
    // core/visibility.ts: an inactive version is hidden from every client, published or not.
    reason: !row.is_active
      ? 'made inactive through /v1 (isActive false): no client is offered it'
      : row.published
        ? 'not visible to clients'
        : 'not published',
  };
}

function verdict(
  release: Release,
  channel: string | null,
  feed: Feed,
  client: { version?: Version; id?: string },
): VersionVerdict {
  const { percent, seed } = release.rollout;
  const rollout: VersionVerdict['rollout'] = { percent };
  if (client.id !== undefined && percent < 100) {
    rollout.bucket = rolloutBucket(client.id, seed);
    rollout.included = rollout.bucket < percent;
  }
  const files = release.artifacts
    .filter((a) => a.platformId === feed.ids.platformId && a.archId === feed.ids.archId)
    .map((a) => a.fileName);
  const base = {
    version: release.version.text,
    channel,
    published: true,
    critical: release.critical,
    intermediate: release.intermediate,
    rollout,
    files,
  };
  const place = `${feed.platform ?? 'no platform'}/${feed.arch ?? 'no arch'}`;
  let reason: string | undefined;
  if (release.channelId !== feed.ids.channelId)
    reason = `in channel ${channel ?? '(none)'}, not ${feed.channel ?? '(none)'}`;
  else if (files.length === 0) reason = `has no file for ${place}`;
  else if (percent < 100 && client.id === undefined) {
    reason = `in a ${percent}% staged rollout: without a client id, feeds that carry a rollout hint offer it with that hint and the others hold it back`;
  } else if (rollout.included === false) {
    reason = `in a ${percent}% staged rollout, and this client's bucket is ${rollout.bucket} (it gets it once the rollout passes ${rollout.bucket}%)`;
  }
  if (reason !== undefined) return { ...base, eligible: false, reason };
  const newer = client.version === undefined || compareVersions(release.version, client.version) > 0;
  return {
    ...base,
    eligible: true,
    reason: newer
      ? release.intermediate
        ? 'eligible; a required intermediate: clients below it get it before anything newer'
        : 'eligible'
      : 'eligible, but not newer than the client',
  };
}

function sentence(
  feed: Feed,
  versions: VersionVerdict[],
  feeds: FeedVerdict[],
  client: { version?: Version; id?: string },
): string {
  const who = client.version ? `A client on ${client.version.text}` : 'A client';
  const idText = client.id ? ` with id ${client.id}` : ' without an id';
  const offered = feeds.filter((f) => f.offers !== null);
  const where = `${feed.app.name} ${feed.channel ?? ''} ${feed.platform ?? ''}/${feed.arch ?? ''}`.replace(
    /\s+/g,
    ' ',
  );
  if (offered.length > 0) {
    const parts = offered.map((f) => `${f.updater} offers ${f.offers}`);
    return `${who}${idText} of ${where}: ${parts.join('; ')}.`;
  }
  const newest = versions[0];
  const why = newest
    ? `the newest version, ${newest.version}, is ${newest.reason}`
    : 'the app has no versions';
  return `${who}${idText} of ${where} gets no update from any feed: ${why}.`;
}
