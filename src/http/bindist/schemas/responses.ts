import { z } from 'zod';
import { FILE_TYPES } from '../../../core/bindist/releases.js';

/**
 * The JSON the /v1 face answers, as zod schemas: every success is BinDist's envelope around `data`. The route
 * specs list them per status (the API description; the test suite checks every answer against it).
 */

const time = () => z.iso.datetime();

const pagination = z.object({
  page: z.number(),
  limit: z.number(),
  total: z.number(),
  hasNext: z.boolean(),
  hasPrevious: z.boolean(),
});

/** `{success: true, data, meta}`; `meta.pagination` on paged lists. */
export function envelope(data: z.ZodType) {
  return z.object({
    success: z.literal(true),
    data,
    meta: z.object({ requestId: z.string(), version: z.string(), pagination: pagination.optional() }),
  });
}

const application = z.object({
  applicationId: z.string(),
  name: z.string(),
  description: z.string(),
  isActive: z.boolean(),
  tags: z.array(z.string()),
  createdAt: time(),
  updatedAt: time(),
});

const version = z.object({
  versionId: z.string(),
  applicationId: z.string(),
  version: z.string(),
  releaseNotes: z.string().nullable(),
  isActive: z.boolean(),
  isEnabled: z.boolean(),
  requiredTier: z.string().nullable(),
  fileSize: z.number(),
  checksum: z.string().nullable(),
  downloadCount: z.number(),
  createdAt: time(),
  updatedAt: time(),
});

const file = z.object({
  fileId: z.string(),
  fileName: z.string(),
  fileType: z.enum(FILE_TYPES),
  fileSize: z.number(),
  checksum: z.string(),
  checksumAlgorithm: z.literal('sha256'),
  order: z.number(),
  description: z.string().nullable(),
});

const settings = z.object({
  defaultChannel: z
    .string()
    .nullable()
    .meta({ description: 'The channel customers see, or null when there is none' }),
  defaultChannelPicked: z.boolean().meta({ description: 'false: the "stable" fallback' }),
});

const customerRef = z.object({ customerId: z.string(), name: z.string() });

const customerFields = {
  customerId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  reference: z.string().nullable(),
  license: z.string().nullable(),
  tier: z.string().nullable(),
  isActive: z.boolean(),
  parentCustomerId: z.string().nullable(),
  createdAt: time(),
  updatedAt: time(),
  lastUsedAt: time().nullable(),
};

const customer = z.object({
  ...customerFields,
  keyPrefix: z.string().meta({ description: "The start of the customer's key, to tell keys apart" }),
});

/** A customer just created: the only answer that carries its key. */
const createdCustomer = z.object({
  ...customerFields,
  apiKey: z.string().meta({ description: 'Shown once' }),
});

/** A key just issued (a customer's, or the admin's with customerId "admin"). */
const issuedKey = (customerId: z.ZodType) =>
  z.object({
    customerId,
    apiKey: z.string().meta({ description: 'Shown once' }),
    apiSecret: z.string().meta({ description: 'The part of apiKey after its dot (older SDKs read it)' }),
    regeneratedAt: time(),
  });

/** What a small upload or large-complete stored: BinDist's fields plus the file's. */
const uploaded = z.object({
  message: z.string(),
  versionId: z.string(),
  applicationId: z.string(),
  version: z.string(),
  isEnabled: z.literal(false),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  fileType: z.enum(FILE_TYPES).nullable(),
  fileSize: z.number(),
  checksum: z.string().nullable(),
});

const activity = z.object({
  type: z.enum(['upload', 'download']),
  id: z.string(),
  applicationId: z.string(),
  applicationName: z.string(),
  version: z.string(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  fileSize: z.number().nullable(),
  customerId: z.string().meta({ description: 'A customer id, or "admin"' }),
  customerName: z.string().nullable(),
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  timestamp: time(),
  uploadMethod: z.string().optional().meta({ description: 'Uploads: direct or large' }),
  ipChanged: z.boolean().nullable().optional().meta({ description: 'Uploads' }),
  previousIp: z.string().nullable().optional().meta({ description: 'Uploads' }),
  downloadSource: z.string().optional().meta({ description: 'Downloads: how the file was fetched' }),
  shareToken: z.string().nullable().optional().meta({ description: "Downloads: the share link's prefix" }),
});

export const BINDIST_ANSWERS = {
  uploadTarget: { 200: { description: 'Stored: the body is empty, as from a pre-signed S3 URL' } },
  upload: { 201: envelope(uploaded) },
  largeUrl: {
    200: envelope(
      z.object({
        uploadId: z.string(),
        uploadUrl: z.string().meta({ description: 'PUT the file here, with the headers below' }),
        expiresAt: time(),
        method: z.literal('PUT'),
        headers: z.object({ 'Content-Type': z.string() }),
      }),
    ),
  },
  largeComplete: { 201: envelope(uploaded) },
  regenerateAdminKey: { 200: envelope(issuedKey(z.literal('admin'))) },
  appStats: {
    200: envelope(
      z.object({
        applicationId: z.string(),
        version: z.string().optional().meta({ description: 'When the query named one' }),
        totalDownloads: z.number(),
        uniqueCustomers: z.number(),
        downloadsByVersion: z.record(z.string(), z.number()),
        downloadsByDate: z.record(z.string(), z.number()).meta({ description: 'By UTC day, YYYY-MM-DD' }),
        downloadsByDay: z.array(z.object({ date: z.string(), count: z.number() })).meta({
          description: 'The same, newest day first',
        }),
        recentDownloads: z.array(
          z.object({ downloadedAt: time(), version: z.string(), customerId: z.string() }),
        ),
      }),
    ),
  },
  listCustomers: { 200: envelope(z.object({ customers: z.array(customer) })) },
  createCustomer: { 201: envelope(createdCustomer) },
  getCustomer: { 200: envelope(customer.extend({ applicationIds: z.array(z.string()) })) },
  updateCustomer: { 200: envelope(customer) },
  regenerateCustomerKey: { 200: envelope(issuedKey(z.string())) },
  customerApiKeys: {
    201: envelope(
      z.union([createdCustomer, z.object({ customerId: z.string(), apiKey: z.string(), createdAt: time() })]),
    ).meta({
      description: 'With a "name": the customer created; without: the new key of the customer',
    }),
  },
  activity: {
    200: envelope(
      z.object({
        activities: z.array(activity),
        count: z.number(),
        filters: z.object({
          type: z.enum(['all', 'upload', 'download']),
          applicationId: z.string().optional(),
          customerId: z.string().optional(),
          startDate: time().optional(),
          endDate: time().optional(),
        }),
        pagination: z.object({ hasMore: z.boolean(), nextCursor: z.string().nullable() }),
      }),
    ),
  },
  audit: {
    200: envelope(
      z.object({
        events: z.array(
          z.object({
            eventId: z.string(),
            eventType: z.string(),
            timestamp: time(),
            actor: z.string(),
            outcome: z.string(),
            clientIp: z.string().nullable(),
            userAgent: z.string().nullable(),
            details: z.record(z.string(), z.unknown()),
          }),
        ),
        pagination: z.object({ hasMore: z.boolean(), lastEventId: z.string().nullable() }),
      }),
    ),
  },
  updateVersion: {
    200: envelope(
      z.object({
        message: z.string(),
        applicationId: z.string(),
        version: z.string(),
        releaseNotes: z.string().nullable(),
        isActive: z.boolean(),
        isEnabled: z.boolean(),
        requiredTier: z.string().nullable(),
        updatedAt: time(),
      }),
    ),
  },
  listApplications: {
    200: envelope(
      z.object({
        applications: z.array(application.extend({ customers: z.array(customerRef).optional() })),
        isAdmin: z.boolean(),
        isFinancialAdmin: z.boolean(),
      }),
    ),
  },
  getApplication: { 200: envelope(application) },
  listVersions: { 200: envelope(z.object({ applicationId: z.string(), versions: z.array(version) })) },
  versionFiles: {
    200: envelope(z.object({ applicationId: z.string(), version: z.string(), files: z.array(file) })),
  },
  downloadUrl: {
    200: envelope(
      z.object({
        downloadId: z.string(),
        url: z.string(),
        downloadUrl: z.string(),
        expiresAt: time(),
        applicationId: z.string(),
        version: z.string(),
        fileId: z.string(),
        fileName: z.string(),
        fileSize: z.number(),
        checksum: z.string(),
        checksumAlgorithm: z.literal('sha256'),
      }),
    ),
  },
  createShareLink: {
    200: envelope(
      z.object({
        shareUrl: z.string(),
        token: z.string(),
        expiresAt: time(),
        expiresInMinutes: z.number(),
        applicationId: z.string(),
        version: z.string(),
        fileId: z.string(),
        fileName: z.string(),
      }),
    ),
  },
  followShareLink: { 302: { description: 'Redirect to a fresh download URL' } },
  createApplication: { 201: envelope(application.extend({ customerIds: z.array(z.string()) })) },
  updateApplication: { 200: envelope(application) },
  deleteApplication: {
    200: envelope(z.object({ message: z.string(), applicationId: z.string(), deletedAt: time() })),
  },
  applicationCustomers: {
    200: envelope(
      z.object({
        applicationId: z.string(),
        customerIds: z.array(z.string()),
        added: z.array(z.string()),
        removed: z.array(z.string()),
      }),
    ),
  },
  listShareLinks: {
    200: envelope(
      z.object({
        shareLinks: z.array(
          z.object({
            shareLinkId: z.string(),
            tokenPrefix: z.string(),
            applicationId: z.string(),
            version: z.string(),
            fileId: z.string(),
            customerId: z.string().meta({ description: 'Who made it: a customer id, or "admin"' }),
            createdAt: time(),
            expiresAt: time(),
            expired: z.boolean(),
          }),
        ),
      }),
    ),
  },
  readSettings: { 200: envelope(settings) },
  updateSettings: { 200: envelope(settings) },
  revokeShareLink: {
    200: envelope(z.object({ message: z.string(), shareLinkId: z.string(), revokedAt: time() })),
  },
};
