import { z } from 'zod';

/**
 * The JSON the iOS routes of the Fenfa face answer (docs/ios.md), as zod schemas: the route specs list them per
 * status, and the test suite checks every answer against them.
 */

const time = () => z.iso.datetime();
const okData = <T extends z.ZodType>(data: T) => z.object({ ok: z.literal(true), data });

export const iosDevice = z.object({
  id: z.string().meta({ description: 'dev_… id' }),
  udid: z.string(),
  device_name: z.string(),
  model: z.string().meta({ description: 'The model identifier the device reported, e.g. iPhone14,2' }),
  os_version: z.string(),
  created_at: time(),
  verified_at: time().meta({ description: 'When the device last answered a UDID profile' }),
  signature_verified: z.boolean().meta({
    description:
      "Whether that answer's CMS signature checked out with the certificate it carried (no chain to Apple's CA is checked)",
  }),
  last_ip: z.string().nullable(),
  apple_registered: z.boolean(),
  apple_registered_at: time().nullable(),
  apple_device_id: z.string().nullable(),
});

export const udidStatus = okData(z.object({ bound: z.boolean() }));

export const iosDeviceList = okData(z.object({ items: z.array(iosDevice), total: z.number().int() }));

export const iosVariantList = okData(
  z.object({
    items: z.array(
      z.object({
        id: z.string(),
        product_id: z.string(),
        product_name: z.string(),
        display_name: z.string(),
        identifier: z.string(),
        published: z.boolean(),
        device_count: z.number().int(),
      }),
    ),
    total: z.number().int(),
  }),
);

export const appleRegistered = okData(z.object({ message: z.string(), apple_device_id: z.string() }));

export const appleBatch = okData(
  z.object({
    success_count: z.number().int(),
    fail_count: z.number().int(),
    results: z.array(
      z.object({
        device_id: z.string(),
        success: z.boolean(),
        message: z.string().optional(),
        error: z.string().optional(),
        apple_device_id: z.string().optional(),
      }),
    ),
  }),
);

export const appleStatus = okData(
  z.object({ configured: z.boolean(), connected: z.boolean(), message: z.string() }),
);

export const appleDevices = okData(
  z.object({
    items: z.array(
      z.object({
        type: z.literal('devices'),
        id: z.string(),
        attributes: z.looseObject({
          name: z.string(),
          udid: z.string(),
          platform: z.string(),
          status: z.string().optional(),
          deviceClass: z.string().optional(),
          model: z.string().nullable().optional(),
          addedDate: z.string().optional(),
        }),
      }),
    ),
    total: z.number().int(),
  }),
);
