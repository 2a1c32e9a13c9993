import { z } from 'zod';
import { parseApplicationId } from '../../../core/bindist/applications.js';
import { FILE_TYPES } from '../../../core/bindist/releases.js';
import { TIERS } from '../../../core/bindist/tiers.js';
import { checkBindistFileName } from '../../../core/bindist/uploads.js';
import { MAX_RELEASE_NOTES, parseBindistVersion } from '../../../core/bindist/version-rules.js';
import { describeRoute, type RouteSpec } from '../../shared/validate.js';
import {
  applicationId,
  bindistId,
  choice,
  clearableText,
  filterText,
  flag,
  integer,
  isoDate,
  jsonBody,
  paging,
  requiredText,
  versionText,
} from './fields.js';
import { BINDIST_ANSWERS as A } from './responses.js';

/**
 * Every /v1 route (paths below the /v1 mount) with its input schemas: the face's route table and the source of
 * its API description. Handlers parse through these (shared/validate.ts).
 */

const bindist = <const I extends RouteSpec['input']>(spec: Omit<RouteSpec<I>, 'face'>) =>
  describeRoute({ face: 'bindist', ...spec });

/** A version a write creates: BinDist's rule plus one Updraft can order, as core defines it. */
const newVersion = (field = 'version') =>
  requiredText(field, 50)
    .transform((v) => parseBindistVersion(v, field))
    .meta({ examples: ['1.2.0', '1.2.0-rc1'] });

/** A file name as stored and downloaded, by core's rule. */
const fileName = (field = 'fileName') =>
  z
    .string({ error: `"${field}" must be a string` })
    .transform((v) => (v === '' ? undefined : checkBindistFileName(v, field)))
    .optional()
    .meta({ examples: ['my-app-1.2.0-setup.exe'] });

const releaseNotes = clearableText('releaseNotes', MAX_RELEASE_NOTES).meta({
  description: 'Release notes (Markdown); null or "" clears them',
});

const tier = (field: string) =>
  z
    .union([z.literal(''), z.null(), z.string()], { error: `"${field}" must be one of ${TIERS.join(', ')}` })
    .transform((v, ctx) => {
      if (v === '' || v === null) return null;
      const found = TIERS.find((t) => t.toLowerCase() === v.toLowerCase());
      if (!found) {
        ctx.addIssue({ code: 'custom', message: `"${field}" must be one of ${TIERS.join(', ')}` });
        return z.NEVER;
      }
      return found;
    })
    .optional()
    .meta({ description: `One of ${TIERS.join(', ')} (any case); null or "" clears it` });

const customerIds = (field: string) =>
  z
    .array(bindistId(field), { error: `"${field}" must be an array of customer ids` })
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])]);

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 50;
const tags = z
  .array(z.string(), { error: '"tags" must be an array of strings, e.g. ["windows", "utility"]' })
  .max(MAX_TAGS, `"tags" must hold at most ${MAX_TAGS} tags`)
  .transform((list, ctx) => {
    const trimmed = list.map((t) => t.trim());
    if (trimmed.some((t) => t === '' || t.length > MAX_TAG_LENGTH)) {
      ctx.addIssue({ code: 'custom', message: `each tag must be 1 to ${MAX_TAG_LENGTH} characters long` });
      return z.NEVER;
    }
    return [...new Set(trimmed)];
  })
  .nullish()
  .transform((v) => v ?? undefined);

const customerFields = {
  email: clearableText('email', 254).refine((v) => !v || /^[^\s@]+@[^\s@]+$/.test(v), {
    message: '"email" must be an e-mail address such as ops@example.com',
  }),
  notes: clearableText('notes', 2000),
  reference: clearableText('reference', 200),
  license: clearableText('license', 200),
  tier: tier('tier'),
  isActive: flag('isActive'),
};

const uploadFields = {
  applicationId: applicationId(),
  version: newVersion(),
  fileName: fileName(),
  fileType: choice('fileType', FILE_TYPES),
  releaseNotes,
  description: clearableText('description', 2000),
};

/** The fields of the multipart small upload (form fields, so all text). */
export const uploadFormFields = jsonBody(uploadFields);

const fileSize = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(/^\d{1,16}$/)
        .transform(Number),
    ],
    {
      error: "fileSize is required: the file's size in bytes, a whole number of at least 1",
    },
  )
  .pipe(
    z
      .number()
      .int()
      .min(1, "fileSize is required: the file's size in bytes, a whole number of at least 1")
      .max(Number.MAX_SAFE_INTEGER),
  );

const checksum = z
  .union([z.literal(''), z.null(), z.string()], {
    error: 'checksum must be the SHA-256 of the file as 64 hexadecimal characters',
  })
  .transform((v, ctx) => {
    if (v === '' || v === null) return undefined;
    const hex = v
      .trim()
      .replace(/^sha256:/i, '')
      .toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      ctx.addIssue({
        code: 'custom',
        message: 'checksum must be the SHA-256 of the file as 64 hexadecimal characters',
      });
      return z.NEVER;
    }
    return hex;
  })
  .optional()
  .meta({ description: 'SHA-256 of the file, 64 hex characters ("sha256:" in front is accepted)' });

const CONTENT_TYPE = /^[A-Za-z0-9][\w.+-]*\/[A-Za-z0-9][\w.+-]*(?:\s*;.*)?$/;
const contentType = z
  .union([z.literal(''), z.null(), z.string().max(255).regex(CONTENT_TYPE)], {
    error: 'contentType must be a MIME type such as application/octet-stream',
  })
  .optional()
  .transform((v) => v || 'application/octet-stream');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uploadId = z
  .string({
    error: (iss) =>
      iss.input === undefined || iss.input === null
        ? 'uploadId is required: the uploadId that large-url returned'
        : 'uploadId is not an upload id: send the uploadId that large-url returned',
  })
  .regex(UUID, 'uploadId is not an upload id: send the uploadId that large-url returned');

const appParams = z.object({ applicationId: applicationId() });
const versionParams = z.object({ applicationId: applicationId(), version: versionText() });
const customerParams = z.object({ customerId: bindistId('customerId') });

const SHARE_MINUTES = 'Minutes the link stays valid, 5 to 1440 (default 30)';

export const BINDIST_ROUTES = {
  uploadTarget: bindist({
    method: 'put',
    path: '/uploads/:tenantId/:uploadId',
    tag: 'BinDist uploads',
    summary: "The local driver's signed upload URL: PUT the file's bytes (the signature is the credential)",
    auth: [],
    responses: A.uploadTarget,
    input: {
      raw: { contentType: 'application/octet-stream', description: "The file's bytes" },
      params: z.object({ tenantId: z.string(), uploadId: z.string() }),
      // A URL that is not as large-url signed it is refused as forbidden by core (verifyUploadUrl), not as a 400.
      query: z.object({
        expires: z.string().optional().meta({ description: 'Unix seconds, as signed' }),
        signature: z.string().optional(),
      }),
    },
  }),
  upload: bindist({
    method: 'post',
    path: '/management/upload',
    tag: 'BinDist uploads',
    summary:
      'Small upload (up to 10 MB): JSON with base64 fileContent, or multipart with the fields before "file"; the version starts disabled',
    responses: A.upload,
    input: {
      body: jsonBody({
        ...uploadFields,
        fileContent: z
          .string({ error: "fileContent must be the file's bytes as a base64 string" })
          .nullish()
          .meta({ description: "The file's bytes, base64" }),
      }),
      form: uploadFormFields,
      files: { field: 'file', multiple: false, description: 'The file, after the other fields' },
    },
  }),
  largeUrl: bindist({
    method: 'post',
    path: '/management/upload/large-url',
    tag: 'BinDist uploads',
    summary: 'Opens a large upload: answers a URL to PUT the file to, valid 30 minutes',
    responses: A.largeUrl,
    input: {
      body: jsonBody({
        applicationId: applicationId(),
        version: newVersion(),
        fileName: z
          .string({ error: 'fileName is required: the name the file will be downloaded as' })
          .min(1, 'fileName is required: the name the file will be downloaded as')
          .transform((v) => checkBindistFileName(v)),
        fileSize,
        contentType,
        checksum,
      }),
    },
  }),
  largeComplete: bindist({
    method: 'post',
    path: '/management/upload/large-complete',
    tag: 'BinDist uploads',
    summary: 'Completes a large upload: checks size and SHA-256, then creates the (disabled) version',
    responses: A.largeComplete,
    input: {
      body: jsonBody({
        uploadId,
        applicationId: applicationId(),
        version: newVersion(),
        fileName: requiredText('fileName', 255).transform((v) => checkBindistFileName(v)),
        fileSize,
        checksum,
        releaseNotes,
      }),
    },
  }),
  followShareLink: bindist({
    method: 'get',
    path: ['/downloads/d/:token', '/downloads/share/:token'],
    tag: 'BinDist downloads',
    summary: 'Follows a share link (no credentials): 302 to a fresh download URL, 410 once expired',
    auth: [],
    responses: A.followShareLink,
    input: { params: z.object({ token: z.string().max(200) }) },
  }),
  regenerateAdminKey: bindist({
    method: 'post',
    path: '/management/admin/regenerate-key',
    tag: 'BinDist management',
    summary: "Creates or rotates the tenant admin's key (with the admin's Updraft JWT or the current key)",
    auth: ['bindistKey', 'login'],
    responses: A.regenerateAdminKey,
    input: {},
  }),
  listApplications: bindist({
    method: 'get',
    path: '/applications',
    tag: 'BinDist catalog',
    summary: 'The applications the key may see (an admin key sees all, with their customers)',
    responses: A.listApplications,
    input: {
      query: z.object({
        search: filterText('search', 200).transform((v) => v?.trim() || undefined),
        tags: filterText('tags', 2000)
          .transform((v) => {
            const list = v
              ?.split(',')
              .map((t) => t.trim())
              .filter(Boolean);
            return list && list.length > 0 ? list : undefined;
          })
          .meta({ description: 'Comma-separated tags; an application with any of them matches' }),
        isActive: flag('isActive'),
        sortBy: choice('sortBy', ['name', 'createdAt', 'updatedAt'] as const).transform((v) => v ?? 'name'),
        sortOrder: choice('sortOrder', ['asc', 'desc'] as const).transform((v) => v ?? 'asc'),
        ...paging(20),
      }),
    },
  }),
  getApplication: bindist({
    method: 'get',
    path: '/applications/:applicationId',
    tag: 'BinDist catalog',
    summary: 'One application',
    responses: A.getApplication,
    input: { params: appParams },
  }),
  listVersions: bindist({
    method: 'get',
    path: '/applications/:applicationId/versions',
    tag: 'BinDist catalog',
    summary: "An application's versions (X-Channel: Test also lists disabled ones)",
    responses: A.listVersions,
    input: {
      params: appParams,
      query: z.object({
        changelog: filterText('changelog', 200).meta({
          description: 'Only versions whose notes contain this',
        }),
      }),
    },
  }),
  versionFiles: bindist({
    method: 'get',
    path: '/applications/:applicationId/versions/:version/files',
    tag: 'BinDist catalog',
    summary: "A version's files",
    responses: A.versionFiles,
    input: { params: versionParams },
  }),
  appStats: bindist({
    method: 'get',
    path: '/applications/:applicationId/stats',
    tag: 'BinDist reporting',
    summary: "An application's download statistics (a customer key sees its own downloads)",
    responses: A.appStats,
    input: {
      params: appParams,
      query: z.object({
        version: z
          .union([z.literal('').transform(() => undefined), versionText()])
          .optional()
          .meta({ description: 'Only this version' }),
      }),
    },
  }),
  downloadUrl: bindist({
    method: 'get',
    path: '/downloads/url',
    tag: 'BinDist downloads',
    summary: 'A pre-signed download URL for a file of an entitled version, valid 30 minutes',
    responses: A.downloadUrl,
    input: {
      query: z.object({
        applicationId: applicationId(),
        version: versionText(),
        fileId: z
          .union([z.literal('').transform(() => undefined), bindistId('fileId')])
          .optional()
          .meta({ description: "The file; the version's main file when absent" }),
      }),
    },
  }),
  createShareLink: bindist({
    method: 'post',
    path: '/downloads/share',
    tag: 'BinDist downloads',
    summary: 'A public link to one file, valid 5 to 1440 minutes',
    responses: A.createShareLink,
    input: {
      body: jsonBody({
        applicationId: applicationId(),
        version: versionText(),
        fileId: bindistId('fileId')
          .nullish()
          .transform((v) => v ?? undefined),
        expiresInMinutes: integer('expiresInMinutes', 5, 1440).meta({ description: SHARE_MINUTES }),
        expiresMinutes: integer('expiresMinutes', 5, 1440).meta({
          description: `${SHARE_MINUTES} (the SDKs' name)`,
        }),
      }).refine(
        (b) =>
          b.expiresInMinutes === undefined ||
          b.expiresMinutes === undefined ||
          b.expiresInMinutes === b.expiresMinutes,
        { message: 'send either "expiresInMinutes" or "expiresMinutes", not two different values' },
      ),
    },
  }),
  listCustomers: bindist({
    method: 'get',
    path: '/management/customers',
    tag: 'BinDist management',
    summary: 'The customers (paged when page, limit or pageSize is given)',
    responses: A.listCustomers,
    input: { query: z.object(paging(20)) },
  }),
  createCustomer: bindist({
    method: 'post',
    path: '/management/customers',
    tag: 'BinDist management',
    summary: 'Creates a customer; the answer carries its API key, shown once',
    responses: A.createCustomer,
    input: { body: jsonBody({ name: requiredText('name', 200), ...customerFields }) },
  }),
  getCustomer: bindist({
    method: 'get',
    path: '/management/customers/:customerId',
    tag: 'BinDist management',
    summary: 'One customer',
    responses: A.getCustomer,
    input: { params: customerParams },
  }),
  updateCustomer: bindist({
    method: 'patch',
    path: '/management/customers/:customerId',
    tag: 'BinDist management',
    summary: "Changes a customer's name, state, notes, e-mail, reference, license or tier",
    responses: A.updateCustomer,
    input: {
      params: customerParams,
      body: jsonBody({ name: requiredText('name', 200).optional(), ...customerFields }),
    },
  }),
  regenerateCustomerKey: bindist({
    method: 'post',
    path: '/management/customers/:customerId/regenerate-key',
    tag: 'BinDist management',
    summary: "Replaces a customer's API key (the old one stops working)",
    responses: A.regenerateCustomerKey,
    input: { params: customerParams },
  }),
  customerApiKeys: bindist({
    method: 'post',
    path: '/management/customers/:customerId/apikeys',
    tag: 'BinDist management',
    summary:
      'With a "name": creates a customer under this parent (the SDKs); without: a new key for this customer',
    responses: A.customerApiKeys,
    input: {
      params: customerParams,
      body: jsonBody({ name: requiredText('name', 200).optional(), ...customerFields }),
    },
  }),
  listShareLinks: bindist({
    method: 'get',
    path: '/management/share-links',
    tag: 'BinDist management',
    summary: 'The share links, newest first',
    responses: A.listShareLinks,
    input: {
      query: z.object({
        customerId: bindistId('customerId').optional(),
        applicationId: applicationId().optional(),
        includeExpired: flag('includeExpired').transform((v) => v ?? false),
        ...paging(50),
      }),
    },
  }),
  revokeShareLink: bindist({
    method: 'delete',
    path: '/management/share-links/:shareLinkId',
    tag: 'BinDist management',
    summary: 'Revokes a share link',
    responses: A.revokeShareLink,
    input: { params: z.object({ shareLinkId: bindistId('shareLinkId') }) },
  }),
  activity: bindist({
    method: 'get',
    path: '/activity',
    tag: 'BinDist reporting',
    summary: 'Uploads and downloads, newest first; paged by cursor or page',
    responses: A.activity,
    input: {
      query: z.object({
        type: choice('type', ['all', 'upload', 'uploads', 'download', 'downloads'] as const),
        applicationId: filterText('applicationId', 100),
        customerId: filterText('customerId', 100),
        startDate: isoDate('startDate'),
        endDate: isoDate('endDate'),
        cursor: filterText('cursor', 200).meta({ description: 'nextCursor of the previous page' }),
        ...paging(50),
      }),
    },
  }),
  audit: bindist({
    method: 'get',
    path: '/audit',
    tag: 'BinDist reporting',
    summary: 'The audit log, newest first; the next page starts after lastEventId',
    responses: A.audit,
    input: {
      query: z.object({
        eventType: filterText('eventType', 100),
        startDate: isoDate('startDate'),
        endDate: isoDate('endDate'),
        limit: integer('limit', 1, 100).transform((v) => v ?? 50),
        lastEventId: filterText('lastEventId', 24),
      }),
    },
  }),
  createApplication: bindist({
    method: 'post',
    path: '/management/applications',
    tag: 'BinDist management',
    summary: 'Creates an application (an Updraft app, private) and links customers to it',
    responses: A.createApplication,
    input: {
      body: jsonBody({
        applicationId: requiredText('applicationId', 100)
          .transform(parseApplicationId)
          .meta({ examples: ['my-app'] }),
        name: requiredText('name', 200),
        description: clearableText('description', 2000).transform((v) => v ?? ''),
        tags: tags.transform((v) => v ?? []),
        customerIds: customerIds('customerIds'),
      }),
    },
  }),
  updateApplication: bindist({
    method: 'patch',
    path: '/management/applications/:applicationId',
    tag: 'BinDist management',
    summary: "Changes an application's name, description or tags",
    responses: A.updateApplication,
    input: {
      params: appParams,
      body: jsonBody({
        name: requiredText('name', 200).optional(),
        description: clearableText('description', 2000),
        tags,
      }),
    },
  }),
  readSettings: bindist({
    method: 'get',
    path: '/management/settings',
    tag: 'BinDist management',
    summary:
      "The tenant's settings: the default channel whose releases customers see beside channel-less ones",
    responses: A.readSettings,
    input: {},
  }),
  updateSettings: bindist({
    method: 'patch',
    path: '/management/settings',
    tag: 'BinDist management',
    summary: 'Picks the default channel customers see (null or "" goes back to the channel named stable)',
    responses: A.updateSettings,
    input: {
      body: jsonBody({
        defaultChannel: z
          .union([z.string().max(64, '"defaultChannel" must be at most 64 characters long'), z.null()], {
            error: 'send "defaultChannel": a channel name, or null for the channel "stable"',
          })
          .transform((v) => (v === '' ? null : v))
          .meta({ description: 'A channel name of the tenant, or null', examples: ['beta', null] }),
      }),
    },
  }),
  deleteApplication: bindist({
    method: 'delete',
    path: '/management/applications/:applicationId',
    tag: 'BinDist management',
    summary: 'Deletes an application (soft: its id is never reused)',
    responses: A.deleteApplication,
    input: { params: appParams },
  }),
  applicationCustomers: bindist({
    method: 'put',
    path: '/management/applications/:applicationId/customers',
    tag: 'BinDist management',
    summary: 'Links and unlinks customers',
    responses: A.applicationCustomers,
    input: {
      params: appParams,
      body: jsonBody({
        addCustomerIds: customerIds('addCustomerIds'),
        removeCustomerIds: customerIds('removeCustomerIds'),
      }),
    },
  }),
  updateVersion: bindist({
    method: 'patch',
    path: [
      '/applications/:applicationId/versions/:version',
      '/management/applications/:applicationId/versions/:version',
    ],
    tag: 'BinDist management',
    summary: 'Enables, disables, (de)activates a version, or changes its notes or required tier',
    responses: A.updateVersion,
    input: {
      params: versionParams,
      body: jsonBody({
        isEnabled: flag('isEnabled'),
        isActive: flag('isActive'),
        releaseNotes,
        requiredTier: tier('requiredTier'),
      }),
    },
  }),
};
