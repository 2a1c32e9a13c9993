import { z } from 'zod';
import { FENFA_PLATFORMS } from '../../../core/fenfa/targets.js';
import { describeRoute, type RouteSpec } from '../../shared/validate.js';
import * as IOS from './ios-responses.js';
import { FENFA_ANSWERS as A } from './responses.js';

/**
 * Every route of the Fenfa face with its input schemas (shared/validate.ts): the face's route table. Field names
 * and meanings are Fenfa's (docs/fenfa.md); unknown fields are ignored, as Fenfa's Go structs do.
 */

const fenfa = <const I extends RouteSpec['input']>(spec: Omit<RouteSpec<I>, 'face'>) =>
  describeRoute({ face: 'fenfa', ...spec });

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .max(max, `${field} must be at most ${max} characters long`);

const required = (field: string, max: number) => text(field, max).trim().min(1, `${field} is required`);

const flag = (field: string) => z.boolean({ error: `${field} must be true or false` });

const count = (field: string, max: number, fallback: number) =>
  z
    .string({ error: `${field} must be a number` })
    .regex(/^\d{1,9}$/, `${field} must be a whole number`)
    .transform(Number)
    .pipe(z.number().max(max, `${field} must be at most ${max}`))
    .optional()
    .transform((v) => v ?? fallback);

const id = <K extends string>(field: K) =>
  z.object({ [field]: required(field, 100) } as Record<K, ReturnType<typeof required>>);

const platform = z.enum(FENFA_PLATFORMS, { error: `platform must be one of ${FENFA_PLATFORMS.join(', ')}` });

const variantFields = {
  identifier: text('identifier', 255).optional(),
  display_name: text('display_name', 255).optional(),
  arch: text('arch', 100).optional(),
  installer_type: text('installer_type', 32).optional(),
  min_os: text('min_os', 32).optional(),
  published: flag('published').optional(),
  sort_order: z
    .number({ error: 'sort_order must be a number' })
    .int('sort_order must be a whole number')
    .min(-1_000_000)
    .max(1_000_000)
    .optional(),
};

const productBody = {
  name: text('name', 255),
  slug: text('slug', 100).optional(),
  description: text('description', 4096).optional(),
  published: flag('published').optional(),
};

const domain = (field: string) =>
  text(field, 255).regex(
    /^(https?:\/\/)?[^\s/]+(\/)*$/i,
    `${field} must be a host name or URL such as https://dl.example.com`,
  );

/** Storage is Updraft's configuration, not a setting: a request to change it is told which variables do. */
const STORAGE_FIELDS = [
  'storage_type',
  'upload_domain',
  's3_endpoint',
  's3_bucket',
  's3_access_key',
  's3_secret_key',
  's3_public_url',
] as const;

export const STORAGE_MESSAGE =
  'storage is configured by environment variables, not settings: set STORAGE_DRIVER, S3_ENDPOINT, S3_BUCKET_PUBLIC, S3_BUCKET_PRIVATE, S3_ACCESS_KEY, S3_SECRET_KEY and S3_PUBLIC_URL and restart Updraft';

const settingsBody = z
  .object({
    primary_domain: z.union([z.literal(''), domain('primary_domain')], {
      error: 'primary_domain is required (a host name or URL; "" uses the request host)',
    }),
    organization: text('organization', 255),
    secondary_domains: z.array(domain('secondary_domains[]')).max(10).optional(),
    apple_key_id: text('apple_key_id', 64).optional(),
    apple_issuer_id: text('apple_issuer_id', 64).optional(),
    apple_team_id: text('apple_team_id', 64).optional(),
    apple_private_key: text('apple_private_key', 8192).optional(),
    ...Object.fromEntries(STORAGE_FIELDS.map((f) => [f, z.unknown().optional()])),
  })
  .superRefine((body, ctx) => {
    const record = body as Record<string, unknown>;
    if (STORAGE_FIELDS.some((f) => record[f] !== undefined && record[f] !== '' && record[f] !== null)) {
      ctx.addIssue({ code: 'custom', message: STORAGE_MESSAGE });
    }
  });

/**
 * The text fields of Fenfa's upload form (multipart; the file is `app_file`, or `upload_id` names a finished
 * resumable upload holding it).
 */
const uploadForm = z.object({
  variant_id: required('variant_id', 100),
  upload_id: text('upload_id', 2048)
    .trim()
    .min(1, 'upload_id must be the id or the Location URL POST /uploads answered')
    .optional()
    .meta({
      description:
        'In place of app_file: a finished resumable upload (tus, POST /uploads with this X-Auth-Token), by its id or its Location URL',
    }),
  filename: text('filename', 255)
    .optional()
    .meta({ description: "With upload_id: the package's file name, when not the upload's own filename" }),
  version: required('version', 100).optional(),
  build: z
    .string({ error: 'build must be a number' })
    .regex(/^\d{1,9}$/, 'build must be a whole number such as 42')
    .transform(Number)
    .optional(),
  channel: text('channel', 100).optional(),
  min_os: text('min_os', 32).optional(),
  changelog: text('changelog', 64 * 1024).optional(),
  icon_base64: text('icon_base64', 8 * 1024 * 1024).optional(),
});

/** Smart upload's form: Fenfa's upload fields, each overriding what the package says; the variant may be chosen. */
const smartUploadForm = uploadForm.extend({
  variant_id: required('variant_id', 100)
    .optional()
    .meta({ description: 'The variant; without it, product_id and the package choose one' }),
  product_id: required('product_id', 100).optional().meta({
    description:
      "With no variant_id: the product's variant of the package's platform whose identifier is its bundle id (or its only one)",
  }),
});

const PACKAGE_FILE = {
  field: 'app_file',
  multiple: false,
  description: 'The .ipa or .apk (streamed to storage, read there, never held in memory)',
};

/** A release's package part, which a finished resumable upload may stand in for. */
const releaseFile = (description: string) => ({
  ...PACKAGE_FILE,
  description: `${description}; or send upload_id (a finished resumable upload) instead`,
});

const day = (field: string) =>
  z
    .string({ error: `${field} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date such as 2026-03-31`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), `${field} must be a real calendar day`)
    .optional();

const eventFilter = {
  type: z
    .enum(['visit', 'click', 'download', 'upload'], {
      error: 'type must be visit, click, download or upload',
    })
    .optional(),
  app_id: text('app_id', 100).optional(),
  variant_id: text('variant_id', 100).optional(),
  release_id: text('release_id', 100).optional(),
  from: day('from'),
  to: day('to'),
};

/** One rule of a retention policy: a whole number from 1, or null (or left out) for no rule of that kind. */
const keep = (field: string, max: number, what: string) =>
  z
    .number({ error: `${field} must be a number or null` })
    .int(`${field} must be a whole number`)
    .min(1, `${field} must be at least 1 (null turns it off)`)
    .max(max, `${field} must be at most ${max}`)
    .nullable()
    .optional()
    .transform((v) => v ?? null)
    .meta({ description: what });

const KEEP_LAST_MAX = 100_000;
const KEEP_DAYS_MAX = 36_500;
const KEEP_LAST = 'Keep the newest N releases';
const KEEP_DAYS = 'Keep the releases uploaded in the last D days';

/** The same rule in a query string (the preview tries a policy before it is set). */
const keepQuery = (field: string, max: number, what: string) =>
  z
    .string({ error: `${field} must be a number` })
    .regex(/^\d{1,9}$/, `${field} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(1, `${field} must be at least 1`).max(max, `${field} must be at most ${max}`))
    .optional()
    .meta({ description: what });

const policyFields = {
  variant_id: z.string(),
  keep_last: z.number().int().nullable().meta({ description: KEEP_LAST }),
  keep_days: z.number().int().nullable().meta({ description: KEEP_DAYS }),
  enabled: z.boolean().meta({ description: 'Whether either rule is set (off by default)' }),
};

const retainedRelease = z.object({
  id: z.string(),
  version: z.string(),
  build: z.number().int().nullable(),
  channel: z.string(),
  file_name: z.string(),
  size_bytes: z.number().int(),
  created_at: z.iso.datetime(),
});

const fenfaOk = <T extends z.ZodType>(data: T) => z.object({ ok: z.literal(true), data });

/** Page events are small: a type, an id or two and a few details. */
export const MAX_EVENT_BYTES = 4096;

export const FENFA_ROUTES = {
  createToken: fenfa({
    responses: A.createToken,
    method: 'post',
    path: '/admin/api/tokens',
    tag: 'Fenfa tokens',
    auth: ['login', 'session'],
    summary: "Create an X-Auth-Token, shown once (the tenant admin's login or console session)",
    input: {
      body: z.object({
        label: required('label', 100),
        scopes: z
          .array(z.enum(['upload', 'admin'], { error: 'scopes may hold "upload" and "admin"' }), {
            error: 'scopes must be a list such as ["admin"]',
          })
          .min(1, 'scopes must hold "upload" or "admin"'),
      }),
    },
  }),
  listTokens: fenfa({
    responses: A.listTokens,
    method: 'get',
    path: '/admin/api/tokens',
    tag: 'Fenfa tokens',
    auth: ['login', 'session'],
    summary: "List the tenant's X-Auth-Tokens (never their secrets)",
    input: {},
  }),
  deleteToken: fenfa({
    responses: A.deleted,
    method: 'delete',
    path: '/admin/api/tokens/:id',
    tag: 'Fenfa tokens',
    auth: ['login', 'session'],
    summary: 'Revoke an X-Auth-Token',
    input: { params: id('id') },
  }),
  listProducts: fenfa({
    responses: A.listProducts,
    method: 'get',
    path: '/admin/api/products',
    tag: 'Fenfa products',
    summary: 'List products, newest first',
    input: {
      query: z.object({
        q: text('q', 200).optional(),
        limit: count('limit', 1000, 200),
        offset: count('offset', 1_000_000_000, 0),
      }),
    },
  }),
  createProduct: fenfa({
    responses: A.createProduct,
    method: 'post',
    path: '/admin/api/products',
    tag: 'Fenfa products',
    summary: 'Create a product (an app); the slug is made from the name when missing and de-duplicated',
    input: { body: z.object({ ...productBody, name: required('name', 255) }) },
  }),
  getProduct: fenfa({
    responses: A.productTree,
    method: 'get',
    path: '/admin/api/products/:productID',
    tag: 'Fenfa products',
    summary: 'A product with its variants and their releases',
    input: { params: id('productID') },
  }),
  updateProduct: fenfa({
    responses: A.productTree,
    method: 'put',
    path: '/admin/api/products/:productID',
    tag: 'Fenfa products',
    summary: 'Change name, slug, description or published',
    input: {
      params: id('productID'),
      body: z.object({
        ...productBody,
        name: required('name', 255).optional(),
        slug: required('slug', 100).optional(),
      }),
    },
  }),
  deleteProduct: fenfa({
    responses: A.deleted,
    method: 'delete',
    path: '/admin/api/products/:productID',
    tag: 'Fenfa products',
    summary: 'Delete a product with its variants, releases and stored files',
    input: { params: id('productID') },
  }),
  createVariant: fenfa({
    responses: A.createVariant,
    method: 'post',
    path: '/admin/api/products/:productID/variants',
    tag: 'Fenfa variants',
    summary: 'Add a platform target to a product',
    input: { params: id('productID'), body: z.object({ platform, ...variantFields }) },
  }),
  updateVariant: fenfa({
    responses: A.updateVariant,
    method: 'put',
    path: '/admin/api/variants/:variantID',
    tag: 'Fenfa variants',
    summary: 'Change a variant (its platform and arch stay)',
    input: { params: id('variantID'), body: z.object({ platform: platform.optional(), ...variantFields }) },
  }),
  deleteVariant: fenfa({
    responses: A.deleted,
    method: 'delete',
    path: '/admin/api/variants/:variantID',
    tag: 'Fenfa variants',
    summary: 'Delete a variant with its releases and stored files',
    input: { params: id('variantID') },
  }),
  variantStats: fenfa({
    responses: A.variantStats,
    method: 'get',
    path: '/admin/api/variants/:variantID/stats',
    tag: 'Fenfa variants',
    summary: 'Download counts of a variant and its releases',
    input: { params: id('variantID') },
  }),
  getRetention: fenfa({
    method: 'get',
    path: '/admin/api/variants/:variantID/retention',
    tag: 'Fenfa variants',
    summary: "A variant's retention policy (off by default)",
    input: { params: id('variantID') },
    responses: { 200: fenfaOk(z.object(policyFields)) },
  }),
  updateRetention: fenfa({
    method: 'put',
    path: '/admin/api/variants/:variantID/retention',
    tag: 'Fenfa variants',
    summary:
      'Set the retention policy (both rules; null or left out turns one off) and apply it at once: older releases and their files are deleted, never the newest',
    input: {
      params: id('variantID'),
      body: z.object({
        keep_last: keep('keep_last', KEEP_LAST_MAX, KEEP_LAST),
        keep_days: keep('keep_days', KEEP_DAYS_MAX, KEEP_DAYS),
      }),
    },
    responses: {
      200: fenfaOk(
        z.object({
          ...policyFields,
          deleted: z.array(retainedRelease).meta({ description: 'The releases the policy deleted now' }),
        }),
      ),
    },
  }),
  previewRetention: fenfa({
    method: 'get',
    path: '/admin/api/variants/:variantID/retention/preview',
    tag: 'Fenfa variants',
    summary:
      'Dry run: the releases the policy would delete now (the stored policy, or the one in the query), deleting nothing',
    input: {
      params: id('variantID'),
      query: z.object({
        keep_last: keepQuery('keep_last', KEEP_LAST_MAX, KEEP_LAST),
        keep_days: keepQuery('keep_days', KEEP_DAYS_MAX, KEEP_DAYS),
      }),
    },
    responses: {
      200: fenfaOk(
        z.object({
          ...policyFields,
          keep: z.number().int().meta({ description: 'How many releases the policy keeps' }),
          remove: z.array(retainedRelease).meta({ description: 'The releases it would delete' }),
        }),
      ),
    },
  }),
  deleteRelease: fenfa({
    responses: A.deleted,
    method: 'delete',
    path: '/admin/api/releases/:releaseID',
    tag: 'Fenfa releases',
    summary: 'Delete a release and its stored file',
    input: { params: id('releaseID') },
  }),
  publish: fenfa({
    responses: A.publish,
    method: 'put',
    path: ['/admin/api/apps/:appID/publish', '/admin/api/apps/:appID/unpublish'],
    tag: 'Fenfa products',
    summary: 'Publish or unpublish a product (prd_…) or a variant (var_…)',
    input: { params: id('appID') },
  }),
  getSettings: fenfa({
    responses: A.settings,
    method: 'get',
    path: '/admin/api/settings',
    tag: 'Fenfa settings',
    summary: "The tenant's domains and organization, Updraft's storage, whether Apple is configured",
    input: {},
  }),
  updateSettings: fenfa({
    responses: A.settings,
    method: 'put',
    path: '/admin/api/settings',
    tag: 'Fenfa settings',
    summary: 'Change domains, organization and Apple credentials (storage is set by environment variables)',
    input: { body: settingsBody },
  }),
  uploadConfig: fenfa({
    responses: A.uploadConfig,
    method: 'get',
    path: '/admin/api/upload-config',
    tag: 'Fenfa settings',
    summary: 'Where and how large uploads go',
    input: {},
  }),
  upload: fenfa({
    responses: A.upload,
    method: 'post',
    path: '/upload',
    tag: 'Fenfa upload',
    summary:
      'Upload a release file to a variant (X-Auth-Token with upload or admin scope; the file is app_file, or upload_id names a finished resumable upload)',
    input: {
      form: uploadForm,
      files: releaseFile(
        "The package, of a type the variant's platform takes (streamed, never held in memory)",
      ),
    },
  }),
  smartUpload: fenfa({
    method: 'post',
    path: ['/smart-upload', '/admin/api/smart-upload'],
    tag: 'Fenfa upload',
    summary:
      'Upload an IPA or APK whose version, build, min OS, bundle id, profile and icon are read from it (form fields override all but the bundle id); /smart-upload takes an upload or admin token, /admin/api/smart-upload an admin token; upload_id may name a finished resumable upload in place of app_file',
    responses: A.upload,
    input: { form: smartUploadForm, files: releaseFile(PACKAGE_FILE.description) },
  }),
  parseApp: fenfa({
    method: 'post',
    path: '/admin/api/parse-app',
    tag: 'Fenfa upload',
    summary: 'Read an IPA or APK and answer what it holds; nothing is stored (admin token)',
    responses: A.parseApp,
    input: { files: PACKAGE_FILE },
  }),
  productJsonBySlug: fenfa({
    responses: A.productJson,
    method: 'get',
    path: '/api/products/slug/:slug',
    tag: 'Fenfa public',
    auth: [],
    summary: 'Product JSON of a published product by slug',
    input: { params: id('slug') },
  }),
  productJson: fenfa({
    responses: A.productJson,
    method: 'get',
    path: '/api/products/:idOrSlug',
    tag: 'Fenfa public',
    auth: [],
    summary: 'Product JSON of a published product by id or slug',
    input: { params: id('idOrSlug') },
  }),
  download: fenfa({
    responses: A.download,
    method: 'get',
    path: '/d/:releaseID',
    tag: 'Fenfa public',
    auth: [],
    summary: 'Download a release (Range supported), counted',
    input: { params: id('releaseID') },
  }),
  health: fenfa({
    responses: A.health,
    method: 'get',
    path: '/healthz',
    tag: 'Fenfa public',
    auth: [],
    summary: "Whether the database answers (Fenfa's health check)",
    input: {},
  }),
  icon: fenfa({
    responses: A.icon,
    method: 'get',
    path: '/icon/products/:productID',
    tag: 'Fenfa public',
    auth: [],
    summary: "A product's icon",
    input: { params: id('productID') },
  }),
  productPage: fenfa({
    responses: A.productPage,
    method: 'get',
    path: '/products/:idOrSlug',
    tag: 'Fenfa public',
    auth: [],
    summary: "A product's public download page",
    input: { params: id('idOrSlug') },
  }),
  postEvent: fenfa({
    responses: A.postEvent,
    method: 'post',
    path: '/events',
    tag: 'Fenfa public',
    auth: [],
    summary: 'Log a visit or click of a product page (rate limited per address)',
    input: {
      body: z
        .object({
          type: z.enum(['visit', 'click'], { error: 'type must be visit or click' }),
          release_id: text('release_id', 100).optional(),
          variant_id: text('variant_id', 100).optional(),
          app_id: text('app_id', 100).optional(),
          extra: z.record(z.string().max(64), z.unknown(), { error: 'extra must be an object' }).optional(),
        })
        .refine(
          (b) => b.release_id || b.variant_id || b.app_id,
          'send one of release_id, variant_id or app_id',
        ),
    },
  }),
  listEvents: fenfa({
    responses: A.listEvents,
    method: 'get',
    path: '/admin/api/events',
    tag: 'Fenfa events',
    summary: 'Visits, clicks, downloads and uploads, newest first',
    input: {
      query: z.object({
        ...eventFilter,
        limit: count('limit', 1000, 100),
        offset: count('offset', 1_000_000_000, 0),
      }),
    },
  }),
  exportReleases: fenfa({
    responses: A.csv,
    method: 'get',
    path: '/admin/exports/releases.csv',
    tag: 'Fenfa exports',
    summary: 'Every release as CSV (streamed)',
    input: {
      query: z.object({
        app_id: eventFilter.app_id,
        variant_id: eventFilter.variant_id,
        from: day('from'),
        to: day('to'),
      }),
    },
  }),
  exportEvents: fenfa({
    responses: A.csv,
    method: 'get',
    path: '/admin/exports/events.csv',
    tag: 'Fenfa exports',
    summary: 'Every event as CSV (streamed)',
    input: { query: z.object(eventFilter) },
  }),
  iosManifest: fenfa({
    method: 'get',
    path: '/ios/:releaseID/manifest.plist',
    tag: 'Fenfa iOS',
    auth: [],
    summary:
      'The over-the-air manifest of an iOS release, for iOS only (the user agent names iPhone, iPad, iPod, Darwin, CFNetwork or appstored); its URLs are on the primary and CDN domains, https in production',
    input: { params: id('releaseID') },
    responses: {
      200: { description: 'The manifest (itms-services)', contentType: 'application/xml' },
    },
  }),
  udidProfile: fenfa({
    method: 'get',
    path: '/udid/profile.mobileconfig',
    tag: 'Fenfa iOS',
    auth: [],
    summary:
      'The Profile Service profile that makes an iPhone or iPad send its UDID for an iOS variant; sets the cookie udid_nonce (10 minutes, one use)',
    input: { query: z.object({ variant: required('variant', 100) }) },
    responses: {
      200: { description: 'The unsigned profile', contentType: 'application/x-apple-aspen-config' },
    },
  }),
  udidCallback: fenfa({
    method: 'post',
    path: '/udid/callback',
    tag: 'Fenfa iOS',
    auth: [],
    summary:
      "Where iOS posts the device's signed attributes after the profile is installed: binds the device to the variant and answers 301 to the product page (a retry with the same nonce gets the same 301)",
    input: {
      query: z.object({ nonce: required('nonce', 64), variant: required('variant', 100) }),
      raw: {
        contentType: 'application/pkcs7-signature',
        description:
          'A CMS SignedData around an XML plist with UDID, PRODUCT, VERSION, DEVICE_NAME and CHALLENGE',
      },
    },
    responses: {
      301: {
        description: 'To <primary domain>/products/<slug>?udid_bound=1&variant=<id>; sets udid_bound=1',
      },
    },
  }),
  udidStatus: fenfa({
    method: 'get',
    path: '/udid/status',
    tag: 'Fenfa iOS',
    auth: [],
    summary:
      'Whether a device was bound: with variant, whether that nonce (or the udid_nonce cookie) bound one for it; without, whether the udid_bound cookie is set',
    input: {
      query: z.object({ variant: text('variant', 100).optional(), nonce: text('nonce', 64).optional() }),
    },
    responses: { 200: IOS.udidStatus },
  }),
  listIosDevices: fenfa({
    method: 'get',
    path: '/admin/api/ios_devices',
    tag: 'Fenfa iOS devices',
    summary: 'iOS devices that bound a UDID, newest first; variant_id and app_id filter through the bindings',
    input: {
      query: z.object({
        variant_id: text('variant_id', 100).optional(),
        app_id: text('app_id', 100).optional(),
        from: day('from'),
        to: day('to'),
        q: text('q', 200).optional(),
        limit: count('limit', 1000, 100),
        offset: count('offset', 1_000_000_000, 0),
      }),
    },
    responses: { 200: IOS.iosDeviceList },
  }),
  listIosVariants: fenfa({
    method: 'get',
    path: '/admin/api/ios_variants',
    tag: 'Fenfa iOS devices',
    summary: 'The iOS variants with their products, for the device filter',
    input: {},
    responses: { 200: IOS.iosVariantList },
  }),
  registerAppleDevice: fenfa({
    method: 'post',
    path: '/admin/api/devices/:deviceID/register-apple',
    tag: 'Fenfa iOS devices',
    summary: 'Register a device with the Apple developer account of the settings (found by UDID first)',
    input: { params: id('deviceID') },
    responses: { 200: IOS.appleRegistered },
  }),
  registerAppleDevices: fenfa({
    method: 'post',
    path: '/admin/api/devices/register-apple',
    tag: 'Fenfa iOS devices',
    summary: 'Register the devices named, or every unregistered device when the body is empty, with Apple',
    input: {
      body: z.object({
        device_ids: z
          .array(required('device_ids[]', 100), { error: 'device_ids must be a list of device ids' })
          .max(1000, 'device_ids may name at most 1000 devices')
          .optional(),
      }),
    },
    responses: { 200: IOS.appleBatch },
  }),
  appleStatus: fenfa({
    method: 'get',
    path: '/admin/api/apple/status',
    tag: 'Fenfa iOS devices',
    summary: 'Whether the Apple API key is configured and Apple accepts it (lists one device)',
    input: {},
    responses: { 200: IOS.appleStatus },
  }),
  appleDevices: fenfa({
    method: 'get',
    path: '/admin/api/apple/devices',
    tag: 'Fenfa iOS devices',
    summary: 'The devices of the Apple developer account, as App Store Connect lists them (every page)',
    input: {},
    responses: { 200: IOS.appleDevices },
  }),
  exportIosDevices: fenfa({
    method: 'get',
    path: '/admin/exports/ios_devices.csv',
    tag: 'Fenfa exports',
    summary: 'Every iOS device as CSV (streamed)',
    input: {
      query: z.object({
        app_id: text('app_id', 100).optional(),
        variant_id: text('variant_id', 100).optional(),
        from: day('from'),
        to: day('to'),
      }),
    },
    responses: {
      200: {
        description: 'udid, device_name, model, os_version, created_at, verified_at',
        contentType: 'text/csv',
      },
    },
  }),
} as const;
