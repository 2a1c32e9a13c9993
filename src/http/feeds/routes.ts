import { z } from 'zod';
import { UPDATER_TYPES } from '../../core/catalog/updaters.js';
import type { FeedFormat } from '../../core/feeds/feed.js';
import { FEED_FORMATS } from '../../core/feeds/formats.js';
import { hotQuery } from '../hot/routes.js';
import { describeRoute } from '../shared/validate.js';

/**
 * The feeds' specs: one per feed format (from the format itself: its path and the query it reads), the files the
 * feeds name, the feed doctor, and FaynoSync's Velopack routes.
 */

const FEED = '/update/:owner/:app/:channel/:platform/:arch';

const feedParams = z.object({
  owner: z.string().meta({ description: "The app owner's (admin's) username" }),
  app: z.string().meta({ description: 'The app' }),
  channel: z.string().meta({ description: 'The channel ("none" for an app without channels)' }),
  platform: z.string(),
  arch: z.string(),
});

/** The query parameters a format's answer depends on, the version's first: what the hot handler reads. */
export function feedQueryNames(format: FeedFormat): string[] {
  return [
    format.versionParam ?? 'version',
    ...(format.deviceParam ? [format.deviceParam] : []),
    ...(format.params ?? []),
  ];
}

const MEANING: Record<string, string> = {
  version: 'The running version: a required intermediate is then offered first',
  localVersion: 'The installed version',
  stagingId: "The installation's id, for a staged rollout",
  id: 'The package id (Velopack)',
  bundle_type: "Tauri's {{bundle_type}}",
};

function feedQuery(format: FeedFormat) {
  const names = feedQueryNames(format);
  return hotQuery(names, Object.fromEntries(names.map((n) => [n, MEANING[n] ?? n])));
}

function feedRoute(format: FeedFormat) {
  return describeRoute({
    face: 'feeds',
    method: 'get',
    path: `${FEED}/${format.path.template}`,
    tag: `Feeds: ${format.name}`,
    summary: format.path.summary,
    auth: [],
    input: { query: feedQuery(format) },
    responses: {
      200: { description: 'The feed document', contentType: format.path.contentType },
      204: { description: 'No update (formats that answer so)' },
    },
  });
}

export const FEED_ROUTES = FEED_FORMATS.map(feedRoute);

/** The feed doctor's answer (core/feeds/explain.ts): every version's verdict, then each feed's. */
const explanation = z.object({
  feed: z.object({
    owner: z.string(),
    app: z.string(),
    channel: z.string().nullable(),
    platform: z.string().nullable(),
    arch: z.string().nullable(),
    base: z.string().meta({ description: "The feed folder's URL" }),
  }),
  client: z.object({ version: z.string().nullable(), id: z.string().nullable() }),
  versions: z.array(
    z.object({
      version: z.string(),
      channel: z.string().nullable(),
      published: z.boolean(),
      critical: z.boolean(),
      intermediate: z.boolean(),
      rollout: z.object({
        percent: z.number(),
        bucket: z
          .number()
          .optional()
          .meta({ description: "The client's bucket (0-99), when its id was given" }),
        included: z.boolean().optional(),
      }),
      files: z
        .array(z.string())
        .meta({ description: "The version's files for the feed's platform and arch" }),
      eligible: z.boolean(),
      reason: z.string(),
    }),
  ),
  feeds: z.array(
    z.object({
      updater: z.string(),
      path: z
        .string()
        .meta({ description: 'The path asked, after the feed folder (latest.yml, 1.0.0/RELEASES…)' }),
      status: z.number().int(),
      offers: z.string().nullable().meta({ description: 'The version the client would update to' }),
      reason: z.string(),
    }),
  ),
  sentence: z.string(),
});

const velopack = FEED_FORMATS.find((f) => f.name === 'velopack') as FeedFormat;

const FILE_ANSWERS = {
  200: {
    description: "The file's bytes (Range requests are answered with 206)",
    contentType: 'application/octet-stream',
  },
};

export const FEED_FILE_ROUTES = {
  file: describeRoute({
    face: 'feeds',
    method: 'get',
    path: [`${FEED}/:version/:file`, `${FEED}/:file`],
    tag: 'Feeds: files',
    summary: 'A file a feed names, with Range support',
    auth: [],
    input: { params: feedParams.extend({ file: z.string() }) },
    responses: FILE_ANSWERS,
  }),
  doctor: describeRoute({
    face: 'feeds',
    method: 'get',
    path: `${FEED}/explain`,
    tag: 'Feeds: doctor',
    summary: 'The feed doctor: which release each feed gives a client, and why',
    auth: ['login', 'session'],
    input: {
      params: feedParams,
      query: z.object({
        version: z.string().optional().meta({ description: "The client's version" }),
        id: z.string().optional().meta({ description: "The client's staging or device id" }),
        updater: z.enum(UPDATER_TYPES).optional(),
      }),
    },
    responses: { 200: explanation },
  }),
  velopackFeed: describeRoute({
    face: 'feeds',
    method: 'get',
    path: '/velopack/:owner/:app/:platform/:arch/releases.{velopackChannel}.json',
    tag: 'Feeds: velopack',
    summary: "FaynoSync's Velopack feed URL: the /update/ feed of the channel in the file name",
    auth: [],
    input: { query: feedQuery(velopack) },
  }),
  velopackPackage: describeRoute({
    face: 'feeds',
    method: 'get',
    path: '/velopack/:owner/:app/:platform/:arch/:package',
    tag: 'Feeds: velopack',
    summary: "FaynoSync's Velopack package URL: 302 to the package's /update/ URL",
    auth: [],
    input: {},
    responses: { 302: { description: "Redirect to the package's /update/ URL" } },
  }),
};
