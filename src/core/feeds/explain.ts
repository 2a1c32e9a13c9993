import type { Db } from '../../db/connect.js';
import { rolloutBucket } from '../releases/rollout.js';
import { compareVersions, parseVersion, type Version } from '../versions.js';
import type { Feed, FeedFormat } from './feed.js';
import { FEED_FORMATS } from './formats.js';
import { type Selection, selectReleases } from './select.js';

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

interface VersionRow {
  version: string;
  channel: string | null;
  published: boolean;
  is_active: boolean;
  critical: boolean;
  intermediate: boolean;
  rollout_percent: number;
  rollout_seed: string;
  file_name: string | null;
  platform_id: string | null;
  arch_id: string | null;
}

/**
 * The feed doctor: for one client (version and id, both optional) of one feed family, which release each feed
 * format gives it, and for every version of the app why it is or is not in play. It reads every version of the
 * app (published or not, any channel), so it can say "not published" or "in another channel", which the feeds
 * themselves never see.
 */
export async function explainFeed(
  db: Db,
  feed: Feed,
  client: { version?: Version; id?: string },
  only?: string,
): Promise<Explanation> {
  const rows: VersionRow[] = await db
    .selectFrom('versions as v')
    .leftJoin('channels as c', 'c.id', 'v.channel_id')
    .leftJoin('artifacts as a', 'a.version_id', 'v.id')
    .select([
      'v.version',
      'c.name as channel',
      'v.published',
      'v.is_active',
      'v.critical',
      'v.intermediate',
      'v.rollout_percent',
      'v.rollout_seed',
      'a.file_name',
      'a.platform_id',
      'a.arch_id',
    ])
    .where('v.tenant_id', '=', feed.tenantId)
    .where('v.app_id', '=', feed.app.id)
    .execute();

  const byVersion = new Map<string, { row: VersionRow; files: string[]; channelMatch: boolean }>();
  for (const row of rows) {
    const key = `${row.channel ?? ''}\0${row.version}`;
    let entry = byVersion.get(key);
    if (!entry) {
      entry = { row, files: [], channelMatch: (row.channel ?? null) === feed.channel };
      byVersion.set(key, entry);
    }
    if (
      row.file_name !== null &&
      row.platform_id === feed.ids.platformId &&
      row.arch_id === feed.ids.archId
    ) {
      entry.files.push(row.file_name);
    }
  }
  const verdicts = [...byVersion.values()]
    .map(({ row, files, channelMatch }) => verdict(row, files, channelMatch, feed, client))
    .sort((a, b) => compareVersions(parseVersion(b.version), parseVersion(a.version)));

  const feeds: FeedVerdict[] = [];
  for (const probe of PROBES) {
    const path = probe.replace('{v}', client.version?.text ?? '0.0.0');
    const tail = path.split('/');
    const format = FEED_FORMATS.find((f) => f.match(tail));
    if (!format || (only && format.name !== only) || feeds.some((f) => f.updater === format.name)) continue;
    // As a client that sends its version (in the path, or `?version=` / `localVersion` on the feed URL).
    const selection = selectReleases(
      feed.line,
      { version: client.version, deviceId: client.id },
      format.hint,
    );
    feeds.push(feedVerdict(format, feed, selection, path, client));
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

function verdict(
  row: VersionRow,
  files: string[],
  channelMatch: boolean,
  feed: Feed,
  client: { version?: Version; id?: string },
): VersionVerdict {
  const percent = row.rollout_percent;
  const rollout: VersionVerdict['rollout'] = { percent };
  if (client.id !== undefined && percent < 100) {
    rollout.bucket = rolloutBucket(client.id, row.rollout_seed);
    rollout.included = rollout.bucket < percent;
  }
  const base = {
    version: row.version,
    channel: row.channel,
    published: row.published,
    critical: row.critical,
    intermediate: row.intermediate,
    rollout,
    files,
  };
  const place = `${feed.platform ?? 'no platform'}/${feed.arch ?? 'no arch'}`;
  let reason: string | undefined;
  // core/visibility.ts: an inactive version is hidden from every client, published or not.
  if (!row.is_active) reason = 'made inactive through /v1 (isActive false): no client is offered it';
  else if (!row.published) reason = 'not published';
  else if (!channelMatch) reason = `in channel ${row.channel ?? '(none)'}, not ${feed.channel ?? '(none)'}`;
  else if (files.length === 0) reason = `has no file for ${place}`;
  else if (percent < 100 && client.id === undefined) {
    reason = `in a ${percent}% staged rollout: without a client id, feeds that carry a rollout hint offer it with that hint and the others hold it back`;
  } else if (rollout.included === false) {
    reason = `in a ${percent}% staged rollout, and this client's bucket is ${rollout.bucket} (it gets it once the rollout passes ${rollout.bucket}%)`;
  }
  if (reason !== undefined) return { ...base, eligible: false, reason };
  const newer =
    client.version === undefined || compareVersions(parseVersion(row.version), client.version) > 0;
  return {
    ...base,
    eligible: true,
    reason: newer
      ? row.intermediate
        ? 'eligible; a required intermediate: clients below it get it before anything newer'
        : 'eligible'
      : 'eligible, but not newer than the client',
  };
}

function feedVerdict(
  format: FeedFormat,
  feed: Feed,
  selection: Selection,
  path: string,
  client: { version?: Version; id?: string },
): FeedVerdict {
  const answer = format.render(feed, selection, {});
  const latest = selection.latest?.release.version.text ?? null;
  let reason: string;
  if (answer.status === 400 || answer.status === 404) reason = answer.error;
  else if (answer.status === 204)
    reason = latest
      ? `the client is on ${client.version?.text}, nothing newer is open to it`
      : 'no release is open to this client';
  else if (!latest) reason = 'no release is open to this client';
  else if (!selection.updateAvailable)
    reason = `${latest} is the newest release open to this client, and it is not newer`;
  else {
    reason = `offers ${latest}`;
    if (selection.intermediateRequired) reason += ', a required intermediate the client may not skip';
    if (selection.stagingPercent !== undefined) {
      reason += ` with a ${selection.stagingPercent}% rollout hint the client applies itself`;
    }
  }
  const offers =
    answer.status === 200 || answer.status === 302 ? (selection.updateAvailable ? latest : null) : null;
  return { updater: format.name, path, status: answer.status, offers, reason };
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
