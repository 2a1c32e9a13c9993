import { z } from 'zod';
import { describeRoute, type RouteSpec } from '../../shared/validate.js';
import {
  checkedByCore,
  dataObject,
  flag,
  jsonBody,
  objectId,
  queryInt,
  queryList,
  queryText,
  text,
} from './fields.js';
import { FAYNOSYNC_ANSWERS as A, archDoc, channelDoc, namedAnswers, platformDoc } from './responses.js';
import { uploadCreationHeaders, uploadIdParams, uploadPatchHeaders } from './tus.js';

/**
 * Every route of the FaynoSync face (except the hot path and the feeds, which parse their own queries for speed)
 * with its input schemas: the face's route table and the source of its API description.
 */

const faynosync = <const I extends RouteSpec['input']>(spec: Omit<RouteSpec<I>, 'face'>) =>
  describeRoute({ face: 'faynosync', ...spec });

const idQuery = z.object({ id: objectId() });

const credentials = {
  username: text('username', 'Letters, digits, "-", "_" and "."'),
  password: text('password', 'At least 8 characters'),
};

/** Team permissions: kinds and flags in any case, as FaynoSync's dashboard and API examples differ; core checks them. */
const permissions = checkedByCore(
  'object',
  'Per kind (apps, channels, platforms, archs): Create, Delete, Edit, (apps:) Download, Upload and Allowed (ids)',
);

const appData = dataObject(
  {
    id: text('id', 'The app to change (update only)'),
    app: text('app', 'The app name'),
    description: text('description'),
    private: flag('private'),
    tuf: flag('tuf'),
    cdn: flag('cdn'),
    reports: flag('reports'),
    download_mode: text('download_mode', 'Who may download a private app: "token" (default) or "unlisted"'),
  },
  '{"app":"myapp"}',
).meta({ description: 'The JSON of the "data" form field' });

const logo = { field: 'file', multiple: false, description: "The app's logo (an image)" };

const releaseFields = {
  app_name: text('app_name'),
  version: text('version', 'Semver, or four parts such as 1.2.3.4'),
  channel: text('channel'),
  publish: flag('publish'),
  critical: flag('critical'),
  intermediate: flag('intermediate'),
  rollout: checkedByCore(
    'integer',
    'Percentage of devices offered the version, 0 to 100 (a number or digits)',
  ),
  changelog: text('changelog', 'Markdown'),
  signature: text('signature', 'Updater signature of the file (Tauri, Sparkle)'),
  minimum_system_version: text('minimum_system_version', 'Sparkle: the oldest macOS the release runs on'),
};

/** Files sent beforehand with the resumable upload routes (POST /uploads), added to the release like "file" parts. */
const resumableUploads = checkedByCore(
  'array',
  'Completed resumable uploads to add as files: [{"id":"<upload id>","name":"app-1.0.0.exe"}] (name defaults to the upload\'s filename)',
);

const uploadData = dataObject(
  {
    ...releaseFields,
    uploads: resumableUploads,
    platform: text('platform'),
    arch: text('arch'),
    updater: text('updater', 'The updater the files are for, such as electron-builder or squirrel_windows'),
  },
  '{"app_name":"myapp","version":"1.0.0"}',
).meta({ description: 'The JSON of the "data" form field; "file" parts before or after it' });

const versionData = dataObject(
  {
    id: text('id', 'The version to change'),
    ...releaseFields,
    uploads: resumableUploads,
    platform: text('platform'),
    arch: text('arch'),
  },
  '{"id":"…","app_name":"myapp","version":"1.0.0","publish":true}',
).meta({ description: 'The JSON of the "data" form field; "file" parts add artifacts' });

const named = (
  path: string,
  label: string,
  tag: string,
  answers: ReturnType<typeof namedAnswers>,
  extra: z.ZodRawShape = {},
) => ({
  create: faynosync({
    method: 'post',
    path: `/${path}/create`,
    tag,
    summary: `Creates a ${label}`,
    responses: answers.create,
    input: { body: jsonBody({ [label]: text(label, `The ${label} name`), ...extra }) },
  }),
  list: faynosync({
    method: 'get',
    path: `/${path}/list`,
    tag,
    summary: `The ${label}s`,
    input: {},
    responses: answers.list,
  }),
  update: faynosync({
    method: 'post',
    path: `/${path}/update`,
    tag,
    summary: `Renames a ${label}`,
    responses: answers.update,
    input: { body: jsonBody({ id: text('id'), [label]: text(label, `The ${label} name`), ...extra }) },
  }),
  delete: faynosync({
    method: 'delete',
    path: `/${path}/delete`,
    tag,
    summary: `Deletes a ${label} nothing uses`,
    responses: answers.delete,
    input: { query: idQuery },
  }),
});

const updaters = {
  updaters: checkedByCore(
    'array',
    'The updaters of the platform, such as [{"type":"electron-builder","default":true}]',
  ),
};

export const FAYNOSYNC_NAMED = {
  channel: named('channel', 'channel', 'Catalog', namedAnswers('Channel', 'channels', channelDoc)),
  platform: named(
    'platform',
    'platform',
    'Catalog',
    namedAnswers('Platform', 'platforms', platformDoc),
    updaters,
  ),
  arch: named('arch', 'arch', 'Catalog', namedAnswers('Arch', 'archs', archDoc)),
};

/** The resumable uploads take FaynoSync's upload credentials and Fenfa's X-Auth-Token (upload or admin scope). */
const RESUMABLE_AUTH = ['login', 'ciToken', 'session', 'fenfaToken'] as const;

export const FAYNOSYNC_ROUTES = {
  health: faynosync({
    method: 'get',
    path: '/health',
    tag: 'Operations',
    summary: 'Health: 200 healthy or 503 degraded',
    auth: [],
    responses: A.health,
    input: {},
  }),
  metrics: faynosync({
    method: 'get',
    path: '/metrics',
    tag: 'Operations',
    summary: 'Prometheus metrics (when METRICS_ENABLED; Bearer METRICS_TOKEN when set)',
    auth: [],
    input: {},
    responses: { 200: { description: 'Prometheus text format', contentType: 'text/plain' } },
  }),
  storedFile: faynosync({
    method: 'get',
    path: ['/files/public/*key', '/files/private/*key'],
    tag: 'Downloads',
    summary: "The local storage driver's files: public ones to anyone, private ones by a signed URL",
    auth: [],
    input: {
      query: z.object({
        name: z.string().optional().meta({ description: 'The file name to download as, as signed' }),
        expires: z.string().optional().meta({ description: 'Unix seconds, as signed (private files)' }),
        signature: z.string().optional().meta({ description: 'The signature (private files)' }),
      }),
    },
    responses: {
      200: { description: "The file's bytes (Range supported)", contentType: 'application/octet-stream' },
    },
  }),
  signup: faynosync({
    method: 'post',
    path: '/signup',
    tag: 'Accounts',
    summary: 'Creates an admin (a tenant) with the sign-up key',
    auth: [],
    responses: A.signup,
    input: { body: jsonBody({ ...credentials, api_key: text('api_key', 'The sign-up key (API_KEY)') }) },
  }),
  login: faynosync({
    method: 'post',
    path: '/login',
    tag: 'Accounts',
    summary: 'Answers a token for an admin or team user',
    auth: [],
    responses: A.login,
    input: { body: jsonBody(credentials) },
  }),
  whoami: faynosync({
    method: 'get',
    path: '/whoami',
    tag: 'Accounts',
    summary: 'The caller and its permissions',
    responses: A.whoami,
    input: {},
  }),
  updateAdmin: faynosync({
    method: 'post',
    path: '/admin/update',
    tag: 'Accounts',
    summary: "Changes the admin's name or password (older tokens stop working)",
    responses: A.updateAdmin,
    input: { body: jsonBody({ id: text('id'), ...credentials }) },
  }),
  createUser: faynosync({
    method: 'post',
    path: '/user/create',
    tag: 'Accounts',
    summary: 'Creates a team user',
    responses: A.message,
    input: { body: jsonBody({ ...credentials, permissions }) },
  }),
  updateUser: faynosync({
    method: 'post',
    path: '/user/update',
    tag: 'Accounts',
    summary: "Changes a team user's name, password or permissions",
    responses: A.message,
    input: { body: jsonBody({ id: text('id'), ...credentials, permissions }) },
  }),
  listUsers: faynosync({
    method: 'get',
    path: '/users/list',
    tag: 'Accounts',
    summary: 'The team users',
    responses: A.listUsers,
    input: {},
  }),
  deleteUser: faynosync({
    method: 'delete',
    path: '/user/delete',
    tag: 'Accounts',
    summary: 'Deletes a team user',
    responses: A.message,
    input: { body: jsonBody({ id: text('id') }) },
  }),
  createApp: faynosync({
    method: 'post',
    path: '/app/create',
    tag: 'Catalog',
    summary: 'Creates an app (multipart: "data" JSON, optional logo as "file")',
    responses: A.createApp,
    input: { data: appData, files: logo },
  }),
  updateApp: faynosync({
    method: 'post',
    path: '/app/update',
    tag: 'Catalog',
    summary: 'Changes an app (multipart: "data" JSON, optional logo as "file")',
    responses: A.updateApp,
    input: { data: appData, files: logo },
  }),
  listApps: faynosync({
    method: 'get',
    path: '/app/list',
    tag: 'Catalog',
    summary: 'The apps',
    input: {},
    responses: A.listApps,
  }),
  deleteApp: faynosync({
    method: 'delete',
    path: '/app/delete',
    tag: 'Catalog',
    summary: 'Deletes an app with its versions and files',
    responses: A.deleteApp,
    input: { query: idQuery },
  }),
  upload: faynosync({
    method: 'post',
    path: '/upload',
    tag: 'Releases',
    summary: 'Uploads a version: multipart "data" JSON and "file" parts, in any order',
    auth: ['login', 'ciToken', 'session'],
    responses: A.upload,
    input: {
      data: uploadData,
      files: { field: 'file', multiple: true, description: "The version's files, one part each" },
    },
  }),
  createUpload: faynosync({
    auth: RESUMABLE_AUTH,
    sharedWith: ['fenfa'],
    method: 'post',
    path: '/uploads',
    tag: 'Resumable uploads',
    summary: 'tus 1.0 creation: opens a resumable upload of Upload-Length bytes; 201 with its Location',
    responses: A.createUpload,
    input: { headers: uploadCreationHeaders },
  }),
  uploadOffset: faynosync({
    auth: RESUMABLE_AUTH,
    sharedWith: ['fenfa'],
    method: 'head',
    path: '/uploads/:id',
    tag: 'Resumable uploads',
    summary: 'tus 1.0: how many bytes the upload has (Upload-Offset) of Upload-Length',
    responses: A.uploadOffset,
    input: { params: uploadIdParams },
  }),
  appendUpload: faynosync({
    auth: RESUMABLE_AUTH,
    sharedWith: ['fenfa'],
    method: 'patch',
    path: '/uploads/:id',
    tag: 'Resumable uploads',
    summary: 'tus 1.0: appends the body (application/offset+octet-stream) at Upload-Offset; 204',
    responses: A.appendUpload,
    input: { params: uploadIdParams, headers: uploadPatchHeaders },
  }),
  deleteUpload: faynosync({
    auth: RESUMABLE_AUTH,
    sharedWith: ['fenfa'],
    method: 'delete',
    path: '/uploads/:id',
    tag: 'Resumable uploads',
    summary: 'tus 1.0 termination: ends the upload and removes its bytes; 204',
    responses: A.deleteUpload,
    input: { params: uploadIdParams },
  }),
  updateVersion: faynosync({
    method: 'post',
    path: '/apps/update',
    tag: 'Releases',
    summary: 'Changes a version (flags, rollout, changelog) and may add files',
    responses: A.updateVersion,
    input: {
      data: versionData,
      files: { field: 'file', multiple: true, description: 'Files to add to the version' },
    },
  }),
  deleteVersion: faynosync({
    method: 'delete',
    path: '/apps/delete',
    tag: 'Releases',
    summary: 'Deletes a version with its files',
    responses: A.deleteVersion,
    input: { query: idQuery },
  }),
  deleteArtifacts: faynosync({
    method: 'post',
    path: '/artifact/delete',
    tag: 'Releases',
    summary: 'Deletes artifacts of a version (multipart "data" JSON)',
    responses: A.deleteArtifacts,
    input: {
      data: dataObject(
        {
          id: text('id', 'The version'),
          app_name: text('app_name'),
          version: text('version'),
          artifacts_to_delete: checkedByCore('array', 'Artifact ids or indexes'),
        },
        '{"id":"…","app_name":"myapp","version":"1.0.0","artifacts_to_delete":["0"]}',
      ),
    },
  }),
  search: faynosync({
    method: 'get',
    path: '/search',
    tag: 'Releases',
    summary: 'The versions of one app, filtered, newest first',
    responses: A.search,
    input: {
      query: z.object({
        app_name: queryText('app_name', 'The app (required)'),
        channel: queryText('channel'),
        platform: queryText('platform'),
        arch: queryText('arch'),
        published: flag('published'),
        critical: flag('critical'),
        page: queryInt('page', 1, 1_000_000),
        limit: queryInt('limit', 9, 100),
      }),
    },
  }),
  listReleases: faynosync({
    method: 'get',
    path: '/',
    tag: 'Releases',
    summary: "FaynoSync's deprecated listing: the tenant's versions, newest first",
    responses: A.listReleases,
    input: { query: z.object({ limit: queryInt('limit', 100, 1000) }) },
  }),
  download: faynosync({
    method: 'get',
    path: '/download',
    tag: 'Downloads',
    summary:
      'A download URL for an artifact (JSON, or a 302 with redirect=1); without a login, by download token',
    auth: ['login', 'session', 'downloadToken'],
    responses: A.download,
    input: {
      query: z.object({
        key: checkedByCore('string', "The artifact's storage key, as in its download link (required)"),
        redirect: z
          .enum(['0', '1', 'true', 'false'], {
            error: 'redirect must be 1 (answer with a redirect) or 0 (answer with JSON)',
          })
          .transform((v) => v === '1' || v === 'true')
          .optional(),
      }),
    },
  }),
  regenerateDownloadToken: faynosync({
    method: 'post',
    path: '/download-tokens/regenerate',
    tag: 'Downloads',
    summary: "Mints a private app's download token (replacing the old one)",
    responses: A.regenerateDownloadToken,
    input: { body: jsonBody({ app_id: text('app_id'), channel_id: text('channel_id') }) },
  }),
  listDownloadTokens: faynosync({
    method: 'get',
    path: '/download-tokens/list',
    tag: 'Downloads',
    summary: 'The download tokens (prefixes only)',
    responses: A.listDownloadTokens,
    input: {},
  }),
  revokeDownloadToken: faynosync({
    method: 'delete',
    path: '/download-tokens/delete',
    tag: 'Downloads',
    summary: 'Revokes a download token',
    responses: A.message,
    input: { query: idQuery },
  }),
  createToken: faynosync({
    method: 'post',
    path: '/token/create',
    tag: 'Tokens',
    summary: 'Creates a CI token (shown once)',
    responses: A.createToken,
    input: {
      body: jsonBody({
        name: text('name'),
        allowed_apps: checkedByCore('array', 'The app ids the token may upload to; all when absent'),
        expires_at: text('expires_at', 'ISO 8601 date-time; never when absent'),
      }),
    },
  }),
  listTokens: faynosync({
    method: 'get',
    path: '/token/list',
    tag: 'Tokens',
    summary: 'The CI tokens',
    responses: A.listTokens,
    input: {},
  }),
  revokeToken: faynosync({
    method: 'delete',
    path: '/token/delete',
    tag: 'Tokens',
    summary: 'Revokes a CI token',
    responses: A.message,
    input: { body: jsonBody({ id: text('id') }) },
  }),
  telemetry: faynosync({
    method: 'get',
    path: '/telemetry',
    tag: 'Telemetry',
    summary: 'Update-check statistics of a day or a range',
    responses: A.telemetry,
    input: {
      query: z.object({
        date: queryText('date', 'YYYY-MM-DD (default today)'),
        range: queryText('range', '"week" or "month"; wins over date'),
        apps: queryList('Comma-separated app names'),
        channels: queryList('Comma-separated'),
        platforms: queryList('Comma-separated'),
        architectures: queryList('Comma-separated'),
      }),
    },
  }),
  listReportKeys: faynosync({
    method: 'get',
    path: '/report-keys/list',
    tag: 'Reports',
    summary: 'The report keys',
    responses: A.listReportKeys,
    input: {},
  }),
  regenerateReportKey: faynosync({
    method: 'post',
    path: '/report-keys/regenerate',
    tag: 'Reports',
    summary: "Mints an app's report key",
    responses: A.regenerateReportKey,
    input: { body: jsonBody({ app_id: text('app_id') }) },
  }),
  ingestReport: faynosync({
    method: 'post',
    path: '/reports/ingest',
    tag: 'Reports',
    summary: 'A crash or event report from a shipped app (report key and X-Device-ID)',
    auth: ['reportKey'],
    responses: A.ingestReport,
    input: { body: jsonBody({}).loose() },
  }),
  listGroups: faynosync({
    method: 'get',
    path: '/reports/groups',
    tag: 'Reports',
    summary: 'Report groups, newest first',
    responses: A.listGroups,
    input: {
      query: z
        .object({
          app: queryText('app'),
          status: queryText('status'),
          from: queryText('from', 'ISO 8601'),
          to: queryText('to', 'ISO 8601'),
          page: queryText('page'),
          limit: queryText('limit'),
        })
        .loose(),
    },
  }),
  groupBlobs: faynosync({
    method: 'get',
    path: '/reports/groups/:hash/blobs',
    tag: 'Reports',
    summary: "A group's stored details, with signed URLs",
    responses: A.groupBlobs,
    input: { params: z.object({ hash: z.string() }) },
  }),
  updateGroup: faynosync({
    method: 'patch',
    path: '/reports/groups/:hash',
    tag: 'Reports',
    summary: "Changes a group's status, note or tags",
    responses: A.updateGroup,
    input: {
      params: z.object({ hash: z.string() }),
      body: jsonBody({
        status: text('status', 'open, resolved or ignored'),
        note: text('note'),
        tags: checkedByCore('array', 'Tags (strings)'),
      }),
    },
  }),
  deleteGroup: faynosync({
    method: 'delete',
    path: '/reports/groups/:hash',
    tag: 'Reports',
    summary: 'Deletes a group and its stored details',
    responses: A.deleteGroup,
    input: { params: z.object({ hash: z.string() }) },
  }),
  tuf: faynosync({
    method: 'all',
    path: '/tuf/v1/{*rest}',
    tag: 'TUF',
    summary: 'Not implemented: 501',
    auth: [],
    responses: A.tuf,
    input: {},
  }),
};
