import { sql } from 'kysely';
import {
  appleDeviceName,
  type BatchRegistration,
  type DeviceRegistration,
  type DeviceToRegister,
} from '../apple/connect.js';
import type { Actor } from '../auth/actor.js';
import { type AppleAccountOptions, tenantAppleClient } from '../fenfa/apple-account.js';
import { type IosDevice, iosDevicesById, unregisteredIosDevices } from '../fenfa/ios-devices.js';
import { IosError } from '../fenfa/ios-errors.js';
import { requireAdmin } from '../permissions.js';
import type { CommandDeps } from './deps.js';

type Deps = CommandDeps & { config: AppleAccountOptions };

const ALREADY = 'Already registered with Apple';

/** Records what Apple answered for the devices it registered (or already knew), in one transaction. */
async function recordRegistered(deps: Deps, tenantId: string, results: readonly DeviceRegistration[]) {
  const done = results.filter((r) => r.success && r.apple_device_id);
  if (done.length === 0) return;
  await deps.database.db.transaction().execute(async (trx) => {
    for (const r of done) {
      await trx
        .updateTable('ios_devices')
        .set({
          apple_registered: true,
          apple_registered_at: sql`now()`,
          apple_device_id: r.apple_device_id ?? null,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', r.device_id)
        .execute();
    }
  });
}

const toRegister = (d: IosDevice): DeviceToRegister => ({
  device_id: d.id,
  udid: d.udid,
  name: appleDeviceName(d),
});

/**
 * Registers one device of the admin's tenant with Apple (`POST /admin/api/devices/:id/register-apple`): nothing to
 * do when it already is; else Apple is asked for the UDID first and only registers it when it does not know it.
 * Apple's refusal is the caller's error (AppleApiError). Devices are in no cached answer: nothing is bumped.
 */
export async function registerAppleDevice(
  deps: Deps,
  actor: Actor,
  deviceId: string,
): Promise<{ message: string; apple_device_id: string }> {
  requireAdmin(actor);
  const [device] = await iosDevicesById(deps.database.db, actor.tenantId, [deviceId]);
  if (!device) throw new IosError('not_found', 'DEVICE_NOT_FOUND', `device ${deviceId} not found`);
  if (device.apple_registered && device.apple_device_id) {
    return { message: ALREADY, apple_device_id: device.apple_device_id };
  }
  const client = await tenantAppleClient(deps.database.db, actor.tenantId, deps.config);
  const existing = await client.findDeviceByUdid(device.udid);
  const apple =
    existing ?? (await client.registerDevice({ name: appleDeviceName(device), udid: device.udid }));
  await recordRegistered(deps, actor.tenantId, [
    { device_id: device.id, success: true, apple_device_id: apple.id },
  ]);
  return {
    message: existing ? 'Device was already known to Apple: recorded' : 'Registered successfully',
    apple_device_id: apple.id,
  };
}

/**
 * Registers a batch (`POST /admin/api/devices/register-apple`): the devices named, or every unregistered device of
 * the tenant when none are named. Each device gets its result (an unknown id or Apple's refusal fails that device
 * only); those Apple registered or already knew are recorded. Devices are in no cached answer: nothing is bumped.
 */
export async function registerAppleDevices(
  deps: Deps,
  actor: Actor,
  deviceIds: readonly string[] | undefined,
): Promise<BatchRegistration> {
  requireAdmin(actor);
  const { db } = deps.database;
  const named = deviceIds?.length ? [...new Set(deviceIds)] : undefined;
  const devices = named
    ? await iosDevicesById(db, actor.tenantId, named)
    : await unregisteredIosDevices(db, actor.tenantId);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const order = named ?? devices.map((d) => d.id);
  const pending = devices.filter((d) => !(d.apple_registered && d.apple_device_id));
  const answered = new Map<string, DeviceRegistration>();
  if (pending.length > 0) {
    const client = await tenantAppleClient(db, actor.tenantId, deps.config);
    const batch = await client.registerDevices(pending.map(toRegister));
    for (const r of batch.results) answered.set(r.device_id, r);
    await recordRegistered(deps, actor.tenantId, batch.results);
  }
  const results = order.map((id): DeviceRegistration => {
    const device = byId.get(id);
    if (!device) return { device_id: id, success: false, error: `device ${id} not found` };
    if (device.apple_registered && device.apple_device_id) {
      return { device_id: id, success: true, message: ALREADY, apple_device_id: device.apple_device_id };
    }
    return (
      answered.get(id) ?? {
        device_id: id,
        success: false,
        error: 'App Store Connect gave no answer for this device',
      }
    );
  });
  const success_count = results.filter((r) => r.success).length;
  return { success_count, fail_count: results.length - success_count, results };
}
