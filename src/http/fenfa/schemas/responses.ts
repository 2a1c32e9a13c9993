import { z } from 'zod';

/**
 * The JSON the Fenfa face answers (docs/fenfa.md), as zod schemas: every success is Fenfa's envelope around `data`.
 * The route specs list them per status (the API description; the test suite checks every answer against it).
 */

const time = () => z.iso.datetime();

/** `{ok: true, data}`. */
function envelope(data: z.ZodType) {
  return z.object({ ok: z.literal(true), data });
}

/** `POST /upload` and the smart uploads (§B.6): the variant, the release and its links. */
export const uploaded = envelope(
  z.object({
    app: z.object({
      id: z.string().meta({ description: "The variant's id (Fenfa's legacy app id)" }),
      name: z.string(),
      platform: z.string(),
      bundle_id: z.string().meta({ description: "The package's bundle id or package name" }),
      product_id: z.string(),
      variant_id: z.string(),
    }),
    release: z.object({
      id: z.string(),
      version: z.string(),
      build: z.number().int().nullable(),
      created_at: time(),
    }),
    urls: z.object({
      page: z.string(),
      release_page: z.string(),
      download: z.string(),
      ios_manifest: z.string().meta({ description: '"" for other platforms' }),
      ios_install: z.string().meta({ description: 'The itms-services:// link; "" for other platforms' }),
    }),
  }),
);

const certificate = z.object({
  name: z.string(),
  serial_number: z.string(),
  sha1: z.string(),
  creation_date: time(),
  expiry_date: time(),
});

/** An IPA's embedded.mobileprovision as Fenfa gives it, and whether its CMS signature checked out. */
export const provisioningProfile = z.object({
  uuid: z.string(),
  name: z.string(),
  team_id: z.string(),
  team_name: z.string(),
  app_id_name: z.string(),
  app_id_prefix: z.string(),
  bundle_id: z.string(),
  platform: z.string(),
  profile_type: z.enum(['enterprise', 'development', 'app-store', 'ad-hoc', 'distribution']),
  provisions_all_devices: z.boolean(),
  creation_date: time().optional(),
  expiration_date: time().optional(),
  certificates: z.array(certificate),
  provisioned_devices: z.array(z.string()),
  device_count: z.number().int(),
  entitlements: z.record(z.string(), z.unknown()),
  signature_verified: z.boolean(),
});

const icon = {
  icon_base64: z.string().optional().meta({ description: 'The app icon as a PNG (or WebP) data URL' }),
  icon_note: z.string().optional().meta({ description: 'Why there is no icon' }),
};

/** `POST /admin/api/parse-app` (§B.6): what the package says, per platform. */
export const parsedApp = envelope(
  z.discriminatedUnion('platform', [
    z.object({
      platform: z.literal('ios'),
      bundle_id: z.string(),
      version: z.string(),
      build: z.string(),
      app_name: z.string(),
      min_os: z.string().optional().meta({ description: 'e.g. "iOS 15.0"' }),
      ...icon,
      provisioning_profile: provisioningProfile.optional(),
      file_size: z.number().int(),
      file_name: z.string(),
    }),
    z.object({
      platform: z.literal('android'),
      package_name: z.string(),
      version_name: z.string(),
      version_code: z.number().int(),
      app_name: z.string(),
      min_sdk: z.string().optional().meta({ description: 'e.g. "Android 24"' }),
      target_sdk: z.string().optional(),
      ...icon,
      file_size: z.number().int(),
      file_name: z.string(),
    }),
  ]),
);

const deleted = envelope(z.object({ deleted: z.literal(true) }));

const product = z.object({
  id: z.string().meta({ description: 'prd_…' }),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  icon_url: z.string().meta({ description: "The icon's URL, or '' when the product has none" }),
  published: z.boolean(),
  created_at: time(),
  updated_at: time(),
});

const variant = z.object({
  id: z.string().meta({ description: 'var_…' }),
  product_id: z.string(),
  platform: z.string(),
  identifier: z.string(),
  legacy_app_id: z.null(),
  display_name: z.string(),
  arch: z.string(),
  installer_type: z.string(),
  min_os: z.string(),
  published: z.boolean(),
  sort_order: z.number().int(),
  created_at: time(),
  updated_at: time(),
});

/** What the public product JSON shows of a profile: no device UDIDs, certificates or entitlements. */
const publicProfile = provisioningProfile.pick({
  uuid: true,
  name: true,
  team_name: true,
  bundle_id: true,
  platform: true,
  profile_type: true,
  provisions_all_devices: true,
  device_count: true,
  creation_date: true,
  expiration_date: true,
});

/** A release as the admin API (the whole profile) or the public product JSON (`publicProfile`) gives it. */
function releaseWith(profile: z.ZodType) {
  return z.object({
    id: z.string().meta({ description: 'rel_…' }),
    variant_id: z.string(),
    version: z.string(),
    build: z.number().int().nullable(),
    created_at: time(),
    download_count: z.number().int(),
    channel: z.string(),
    min_os: z.string(),
    changelog: z.string(),
    file_name: z.string(),
    file_ext: z.string(),
    size_bytes: z.number().int(),
    sha256: z.string(),
    bundle_id: z
      .string()
      .meta({ description: "The bundle id read from the package; '' when it was never read" }),
    provisioning_profile: profile
      .optional()
      .meta({ description: "An iOS release's embedded.mobileprovision" }),
    actions: z.object({
      download: z.string(),
      release_page: z.string(),
      ios_manifest: z.string().optional().meta({ description: 'iOS releases only' }),
      ios_install: z.string().optional().meta({ description: 'iOS releases only: the itms-services link' }),
    }),
  });
}

const adminRelease = releaseWith(provisioningProfile);
const publicRelease = releaseWith(publicProfile);

function variantsWith(release: z.ZodType) {
  return z.array(
    variant.extend({
      latest_release: release.nullable(),
      releases: z.array(release).meta({ description: 'Newest first' }),
    }),
  );
}

/** A product with its variants and their releases, as the admin API gives it. */
const productTree = envelope(z.object({ product, variants: variantsWith(adminRelease) }));

const settings = envelope(
  z.object({
    primary_domain: z.string(),
    secondary_domains: z.array(z.string()),
    organization: z.string(),
    apple_key_id: z.string().nullable(),
    apple_team_id: z.string().nullable(),
    apple_configured: z.boolean(),
    updated_at: time().nullable(),
    storage_type: z.enum(['local', 's3']).meta({ description: "Updraft's STORAGE_DRIVER" }),
    upload_domain: z.literal(''),
    s3_configured: z.boolean(),
    s3_endpoint: z.string(),
    s3_bucket: z.string(),
    s3_public_url: z.string(),
  }),
);

const token = {
  id: z.string(),
  label: z.string(),
  scopes: z.array(z.enum(['upload', 'admin'])),
  created_at: time(),
};

const FILE = {
  description: "The file's bytes (Range requests are answered with 206)",
  contentType: 'application/octet-stream',
};
const CSV = { description: 'CSV, a header line first', contentType: 'text/csv' };

export const FENFA_ANSWERS = {
  createToken: {
    201: envelope(z.object({ ...token, token: z.string().meta({ description: 'fft_…, shown once' }) })),
  },
  listTokens: {
    200: envelope(
      z.object({
        items: z.array(z.object({ ...token, token_prefix: z.string(), last_used_at: time().nullable() })),
        total: z.number().int(),
      }),
    ),
  },
  deleted: { 200: deleted },
  listProducts: {
    200: envelope(
      z.object({
        items: z.array(
          product
            .pick({ id: true, slug: true, name: true, published: true, created_at: true, updated_at: true })
            .extend({ variant_count: z.number().int() }),
        ),
        total: z.number().int(),
      }),
    ),
  },
  createProduct: { 201: productTree },
  productTree: { 200: productTree },
  createVariant: { 201: envelope(z.object({ variant })) },
  updateVariant: { 200: envelope(z.object({ variant })) },
  variantStats: {
    200: envelope(
      z.object({
        product: product.pick({ id: true, slug: true, name: true }),
        variant,
        total_downloads: z.number().int(),
        releases: z.array(adminRelease),
      }),
    ),
  },
  publish: { 200: envelope(z.object({ id: z.string(), published: z.boolean() })) },
  settings: { 200: settings },
  uploadConfig: {
    200: envelope(
      z.object({
        storage_type: z.enum(['local', 's3']),
        upload_domain: z.literal(''),
        max_upload_bytes: z.number().int().meta({ description: "Updraft's UPLOAD_MAX_BYTES" }),
      }),
    ),
  },
  upload: { 201: uploaded },
  parseApp: { 200: parsedApp },
  productJson: {
    200: envelope(
      z.object({
        product: product.pick({ id: true, slug: true, name: true, icon_url: true, published: true }),
        variants: variantsWith(publicRelease).meta({
          description: 'Published variants, with the releases clients may see',
        }),
      }),
    ),
  },
  download: {
    200: FILE,
    206: { description: 'The requested range', contentType: 'application/octet-stream' },
    302: { description: 'Redirect to the file in the public S3 bucket (S3 storage)' },
  },
  health: { 200: envelope(z.object({ status: z.literal('ok') })) },
  icon: { 200: { description: "The icon's bytes", contentType: 'image/*' } },
  productPage: { 200: { description: 'The page', contentType: 'text/html' } },
  postEvent: { 201: z.object({ ok: z.literal(true) }) },
  listEvents: {
    200: envelope(
      z.object({
        items: z.array(
          z.object({
            ts: time(),
            type: z.enum(['visit', 'click', 'download', 'upload']),
            app_id: z.string().nullable(),
            variant_id: z.string().nullable(),
            release_id: z.string().nullable(),
            ip: z.string().nullable(),
            ua: z.string().nullable(),
            extra: z.record(z.string(), z.unknown()),
          }),
        ),
        total: z.number().int(),
      }),
    ),
  },
  csv: { 200: CSV },
};
