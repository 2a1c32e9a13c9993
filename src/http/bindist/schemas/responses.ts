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

export const BINDIST_ANSWERS = {
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
