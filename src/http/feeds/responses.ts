import { z } from 'zod';

/**
 * The JSON the feeds answer, as zod schemas: each JSON feed document by its format's path template (core/feeds/*
 * renders them; the updaters read these field names) and the feed doctor's explanation.
 */

/** What Squirrel.Mac installs (core/feeds/squirrel-mac.ts). */
const squirrelMacUpdate = z.object({
  url: z.string(),
  name: z.string(),
  notes: z.string().meta({ description: 'The changelog, as uploaded' }),
  pub_date: z.iso.datetime().meta({ description: 'Whole seconds, the only form Squirrel parses' }),
});

const velopackAsset = z.object({
  PackageId: z.string(),
  Version: z.string(),
  Type: z.enum(['Full', 'Delta']),
  FileName: z.string(),
  SHA1: z.string().meta({ description: 'Upper-case hex' }),
  SHA256: z.string().meta({ description: 'Upper-case hex' }),
  Size: z.number().int(),
  NotesMarkdown: z.string(),
  NotesHtml: z.string(),
});

/** The JSON feed documents by their format's path template; a format missing here is not JSON. */
export const FEED_DOCUMENTS: Readonly<Record<string, z.ZodType>> = {
  '{version}/squirrel-mac': squirrelMacUpdate,
  'RELEASES.json': z.object({
    currentRelease: z.string().meta({ description: 'The newest release with a zip' }),
    releases: z.array(
      z.object({ version: z.string(), updateTo: squirrelMacUpdate.extend({ version: z.string() }) }),
    ),
  }),
  '{version}/tauri': z.object({
    version: z.string(),
    notes: z.string(),
    pub_date: z.iso.datetime(),
    url: z.string(),
    signature: z.string(),
  }),
  'releases.{velopackChannel}.json': z.object({
    Assets: z
      .array(velopackAsset)
      .meta({ description: "Newest release first, each release's full package first" }),
  }),
};

const verdict = z.object({
  version: z.string(),
  channel: z.string().nullable(),
  published: z.boolean(),
  critical: z.boolean(),
  intermediate: z.boolean(),
  rollout: z.object({
    percent: z.number(),
    bucket: z.number().optional().meta({ description: "The client's bucket, when an id was given" }),
    included: z.boolean().optional(),
  }),
  files: z.array(z.string()).meta({ description: "The version's files for this platform and arch" }),
  eligible: z.boolean(),
  reason: z.string(),
});

/** The feed doctor's answer (core/feeds/explain.ts). */
export const explanation = z.object({
  feed: z.object({
    owner: z.string(),
    app: z.string(),
    channel: z.string().nullable(),
    platform: z.string().nullable(),
    arch: z.string().nullable(),
    base: z.string().meta({ description: "The feed folder's URL" }),
  }),
  client: z.object({ version: z.string().nullable(), id: z.string().nullable() }),
  versions: z.array(verdict).meta({ description: 'Every version of the app, newest first' }),
  feeds: z.array(
    z.object({
      updater: z.string(),
      path: z.string().meta({ description: 'The path after the feed folder that was asked' }),
      status: z.number().int(),
      offers: z.string().nullable().meta({ description: 'The version the client would update to' }),
      reason: z.string(),
    }),
  ),
  sentence: z.string().meta({ description: 'The answer in one sentence' }),
});
