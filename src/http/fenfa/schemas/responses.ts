import { z } from 'zod';

/**
 * The JSON the Fenfa face answers, as zod schemas, for the routes that declare their answers: `{ok: true, data}`
 * around each. The route specs list them per status; the test suite checks every answer against them.
 */

const ok = (data: z.ZodType) => z.object({ ok: z.literal(true), data });

const time = () => z.iso.datetime();

/** `POST /upload` and the smart uploads (§B.6): the variant, the release and its links. */
export const uploaded = ok(
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
export const parsedApp = ok(
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
