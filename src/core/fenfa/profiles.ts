import type { Db } from '../../db/connect.js';
import {
  type ProfileCertificate,
  type ProfileType,
  type ProvisioningProfile,
  timestamp,
} from '../packages/provisioning-profile.js';

/** Stores an iOS release's provisioning profile, in the caller's transaction (the upload's). */
export async function insertProfile(
  trx: Db,
  tenantId: string,
  artifactId: string,
  profile: ProvisioningProfile,
): Promise<void> {
  await trx
    .insertInto('fenfa_profiles')
    .values({
      artifact_id: artifactId,
      tenant_id: tenantId,
      uuid: profile.uuid,
      name: profile.name,
      team_id: profile.team_id,
      team_name: profile.team_name,
      app_id_name: profile.app_id_name,
      app_id_prefix: profile.app_id_prefix,
      bundle_id: profile.bundle_id,
      platform: profile.platform,
      profile_type: profile.profile_type,
      provisions_all_devices: profile.provisions_all_devices,
      created_at: profile.creation_date ? new Date(profile.creation_date) : null,
      expires_at: profile.expiration_date ? new Date(profile.expiration_date) : null,
      certificates: JSON.stringify(profile.certificates),
      provisioned_devices: JSON.stringify(profile.provisioned_devices),
      entitlements: JSON.stringify(profile.entitlements),
      signature_verified: profile.signature_verified,
    })
    .execute();
}

/** The stored profiles of these releases (artifact ids) of the tenant, by artifact id. */
export async function profilesOf(
  db: Db,
  tenantId: string,
  artifactIds: readonly string[],
): Promise<Map<string, ProvisioningProfile>> {
  const found = new Map<string, ProvisioningProfile>();
  if (artifactIds.length === 0) return found;
  const rows = await db
    .selectFrom('fenfa_profiles')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('artifact_id', 'in', [...artifactIds])
    .execute();
  for (const row of rows) {
    const devices = row.provisioned_devices;
    found.set(row.artifact_id, {
      uuid: row.uuid,
      name: row.name,
      team_id: row.team_id,
      team_name: row.team_name,
      app_id_name: row.app_id_name,
      app_id_prefix: row.app_id_prefix,
      bundle_id: row.bundle_id,
      platform: row.platform,
      profile_type: row.profile_type as ProfileType,
      provisions_all_devices: row.provisions_all_devices,
      ...(row.created_at ? { creation_date: timestamp(row.created_at) } : {}),
      ...(row.expires_at ? { expiration_date: timestamp(row.expires_at) } : {}),
      certificates: row.certificates as ProfileCertificate[],
      provisioned_devices: devices,
      device_count: devices.length,
      entitlements: row.entitlements as ProvisioningProfile['entitlements'],
      signature_verified: row.signature_verified,
    });
  }
  return found;
}
