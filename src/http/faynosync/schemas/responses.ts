import { z } from 'zod';

/**
 * The JSON the FaynoSync face answers, as zod schemas: the route specs list them per status (the API description,
 * and the test suite checks every answer against it), and the presenters are typed by them.
 */

const time = () => z.iso.datetime();
const id = () => z.string().meta({ description: 'A 24-character hex id' });

export const message = z.object({ message: z.string() });

/** What a commit of resumable uploads (`data.uploads`) stored, so the client can check each file's SHA-256. */
const committedUploads = z
  .array(z.object({ file_name: z.string(), size: z.number().int(), sha256: z.string() }))
  .optional()
  .meta({
    description: 'Only when data.uploads named resumable uploads: each stored file, size and SHA-256',
  });

const section = z.object({
  Create: z.boolean(),
  Delete: z.boolean(),
  Edit: z.boolean(),
  Allowed: z.array(z.string()),
});

export const permissionsDoc = z.object({
  Apps: section.extend({ Download: z.boolean(), Upload: z.boolean() }),
  Channels: section,
  Platforms: section,
  Archs: section,
});
export type PermissionsDoc = z.infer<typeof permissionsDoc>;

export const whoamiDoc = z.union([
  z.object({ id: id(), username: z.string(), is_admin: z.literal(true) }),
  z.object({
    id: id(),
    username: z.string(),
    is_admin: z.literal(false),
    owner: z.string().meta({ description: "The admin's username" }),
    permissions: permissionsDoc,
  }),
]);

export const usersDoc = z.object({
  users: z.array(
    z.object({ id: id(), username: z.string(), permissions: permissionsDoc, updated_at: time() }),
  ),
});

export const appDoc = z.object({
  ID: id(),
  AppName: z.string(),
  Logo: z.string().meta({ description: "The logo's URL, or ''" }),
  Private: z.boolean(),
  DownloadMode: z.enum(['strict', 'unlisted']).optional().meta({ description: 'Private apps only' }),
  Tuf: z.boolean(),
  CdnEdge: z.boolean(),
  Description: z.string(),
  Owner: z.string(),
  Updated_at: time(),
  Reports: z.boolean(),
});
export type AppDoc = z.infer<typeof appDoc>;

export const channelDoc = z.object({
  ID: id(),
  ChannelName: z.string(),
  Owner: z.string(),
  Updated_at: time(),
});
export const platformDoc = z.object({
  ID: id(),
  PlatformName: z.string(),
  Updaters: z.array(z.object({ type: z.string(), default: z.boolean() })),
  Owner: z.string(),
  Updated_at: time(),
});
export const archDoc = z.object({ ID: id(), ArchID: z.string(), Owner: z.string(), Updated_at: time() });
export type ChannelDoc = z.infer<typeof channelDoc>;
export type PlatformDoc = z.infer<typeof platformDoc>;
export type ArchDoc = z.infer<typeof archDoc>;

export const releaseDoc = z.object({
  ID: id(),
  AppName: z.string(),
  Version: z.string(),
  Channel: z.string(),
  Published: z.boolean(),
  Critical: z.boolean(),
  Intermediate: z.boolean(),
  Artifacts: z.array(
    z.object({
      id: z.string(),
      link: z.string(),
      platform: z.string(),
      arch: z.string(),
      package: z.string(),
      file_name: z.string(),
      size: z.number(),
      sha256: z.string(),
      sha512: z.string(),
      signature: z.string().optional(),
    }),
  ),
  Changelog: z.array(z.object({ Version: z.string(), Changes: z.string(), Date: z.string() })),
  Updated_at: time(),
  RolloutPercent: z.number(),
});
export type ReleaseDoc = z.infer<typeof releaseDoc>;

const dayFigures = {
  total_requests: z.number(),
  unique_clients: z.number(),
  clients_using_latest_version: z.number(),
  clients_outdated: z.number(),
};
const usage = (key: string) => z.array(z.object({ [key]: z.string(), client_count: z.number() }));

export const telemetryDoc = z.object({
  date: z.string(),
  date_range: z.array(z.string()),
  admin: z.string(),
  summary: z.object({ ...dayFigures, total_active_apps: z.number() }),
  versions: z.object({
    used_versions_count: z.number(),
    known_versions: z.array(z.string()),
    usage: usage('version'),
  }),
  platforms: usage('platform'),
  architectures: usage('arch'),
  channels: usage('channel'),
  daily_stats: z.array(z.object({ date: z.string(), ...dayFigures })),
});

const groupFields = {
  group_hash: z.string(),
  app_id: z.string(),
  application: z.object({ name: z.string(), version: z.string(), channel: z.string() }),
  system: z.object({ platform: z.string(), arch: z.string() }),
  event: z.object({ type: z.string(), reason: z.string() }),
};

export const reportGroupDoc = z.object({
  id: z.string(),
  ...groupFields,
  stats: z.object({
    count: z.number(),
    first_seen: time(),
    last_seen: time(),
    details_stored: z.number(),
    details_rejected: z.number(),
  }),
  status: z.string(),
  tags: z.array(z.string()).optional(),
  note: z.string().optional(),
  resolved_at: time().optional(),
  resolved_by: z.string().optional(),
  created_at: time(),
  updated_at: time(),
});
export type ReportGroupDoc = z.infer<typeof reportGroupDoc>;

export const reportBlobDoc = z.object({
  id: z.string(),
  ...groupFields,
  storage: z.object({
    driver: z.string(),
    key: z.string(),
    compressed_size: z.number(),
    decompressed_size: z.number(),
    content_type: z.literal('application/json'),
    encoding: z.literal('gzip'),
  }),
  created_at: time(),
  expires_at: time(),
  url: z.string(),
});
export type ReportBlobDoc = z.infer<typeof reportBlobDoc>;

const page = { total: z.number(), page: z.number(), limit: z.number() };

export const FAYNOSYNC_ANSWERS = {
  health: {
    200: z.object({ status: z.literal('healthy') }),
    503: z.object({ status: z.literal('degraded'), reason: z.string() }),
  },
  signup: { 200: z.object({ result: z.string() }) },
  login: { 200: z.object({ token: z.string().meta({ description: 'A JWT for Authorization: Bearer' }) }) },
  whoami: { 200: whoamiDoc },
  updateAdmin: { 200: z.object({ message: z.string(), token: z.string() }) },
  message: { 200: message },
  listUsers: { 200: usersDoc },
  createApp: { 200: z.object({ 'createAppResult.Created': id() }) },
  updateApp: { 200: z.object({ 'updateAppResult.Updated': z.literal(true) }) },
  listApps: { 200: z.object({ apps: z.array(appDoc) }) },
  deleteApp: { 200: z.object({ 'deleteAppResult.DeletedCount': z.number() }) },
  upload: { 200: z.object({ 'uploadResult.Uploaded': id(), artifacts: committedUploads }) },
  updateVersion: { 200: z.object({ 'updatedResult.Updated': z.literal(true), artifacts: committedUploads }) },
  deleteVersion: { 200: z.object({ 'deleteSpecificAppResult.DeletedCount': z.number() }) },
  deleteArtifacts: { 200: z.object({ deleteSpecificArtifactResult: z.literal(true) }) },
  search: { 200: z.object({ items: z.array(releaseDoc), ...page }) },
  listReleases: { 200: z.object({ apps: z.array(releaseDoc) }) },
  download: {
    200: z.object({ download_url: z.string() }),
    302: { description: 'Redirect to the download URL (redirect=1, or a download token)' },
  },
  regenerateDownloadToken: {
    200: z.object({
      app_id: z.string(),
      channel_id: z.string(),
      token: z.string().meta({ description: 'Shown once' }),
    }),
  },
  listDownloadTokens: {
    200: z.object({
      download_tokens: z.array(
        z.object({
          id: z.string(),
          app_id: z.string(),
          app_name: z.string(),
          channel_id: z.string(),
          channel_name: z.string(),
          token_prefix: z.string(),
          updated_at: time(),
        }),
      ),
    }),
  },
  createToken: {
    201: z.object({
      id: z.string(),
      name: z.string(),
      token: z.string().meta({ description: 'The fns_ token, shown once' }),
      token_prefix: z.string(),
      allowed_apps: z.array(z.string()).nullable(),
      expires_at: time().nullable(),
      created_at: time(),
    }),
  },
  listTokens: {
    200: z.object({
      tokens: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          token_prefix: z.string(),
          allowed_apps: z.array(z.string()).nullable(),
          expires_at: time().optional(),
          created_at: time(),
          last_used_at: time().optional(),
        }),
      ),
    }),
  },
  telemetry: { 200: telemetryDoc },
  listReportKeys: {
    200: z.object({
      report_keys: z.array(
        z.object({
          id: z.string(),
          app_id: z.string(),
          app_name: z.string(),
          key_value: z.string(),
          updated_at: time(),
        }),
      ),
    }),
  },
  regenerateReportKey: { 200: z.object({ app_id: z.string(), key_value: z.string() }) },
  ingestReport: {
    202: z.object({ status: z.literal('accepted'), group_hash: z.string(), stored_details: z.boolean() }),
  },
  listGroups: { 200: z.object({ items: z.array(reportGroupDoc), ...page }) },
  groupBlobs: { 200: z.object({ items: z.array(reportBlobDoc) }) },
  updateGroup: { 200: z.object({ group_hash: z.string(), updated: z.literal(true) }) },
  deleteGroup: { 200: z.object({ group_hash: z.string(), deleted: z.literal(true) }) },
  createUpload: { 201: { description: 'Opened: Location names the upload, Upload-Offset is 0' } },
  uploadOffset: { 200: { description: 'Upload-Offset and Upload-Length say how far the upload is' } },
  appendUpload: { 204: { description: 'Appended: Upload-Offset is the new offset' } },
  deleteUpload: { 204: { description: 'Ended: its bytes are removed' } },
  tuf: { 501: z.object({ error: z.string() }).meta({ description: 'TUF metadata is not published' }) },
};

/** The answers of a catalog kind's routes: `createChannelResult.Created`, `{"channels": […]}`, … */
export function namedAnswers(result: string, listKey: string, item: z.ZodType) {
  return {
    create: { 200: z.object({ [`create${result}Result.Created`]: id() }) },
    list: { 200: z.object({ [listKey]: z.array(item) }) },
    update: { 200: z.object({ [`update${result}Result.Updated`]: z.literal(true) }) },
    delete: { 200: z.object({ [`delete${result}Result.DeletedCount`]: z.number() }) },
  };
}
