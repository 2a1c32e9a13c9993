import type { Db } from '../../db/connect.js';
import {
  AppleConnectClient,
  type AppleCredentials,
  type AppleStatus,
  appleStatus,
} from '../apple/connect.js';
import { type SealingSecret, unseal } from '../auth/sealing.js';
import { IosError } from './ios-errors.js';

/** Where the tenant's Apple key is sealed (commands/update-fenfa-settings.ts seals it under this purpose). */
export const APPLE_KEY_PURPOSE = 'apple-private-key';

export interface AppleAccountOptions extends SealingSecret {
  /** APPLE_API_URL. */
  appleApiUrl: string;
}

const SET_THEM =
  'set apple_key_id, apple_issuer_id and apple_private_key (the .p8 file) with PUT /admin/api/settings';

/** The tenant's App Store Connect key from its settings, the .p8 unsealed; undefined fields when not set. */
async function credentialsOf(
  db: Db,
  tenantId: string,
  secret: SealingSecret,
): Promise<Partial<AppleCredentials> & { unreadable: boolean }> {
  const row = await db
    .selectFrom('tenant_settings')
    .select(['apple_key_id', 'apple_issuer_id', 'apple_private_key_sealed'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const sealed = row?.apple_private_key_sealed;
  const privateKey = sealed ? unseal(sealed, secret, APPLE_KEY_PURPOSE) : undefined;
  return {
    keyId: row?.apple_key_id ?? undefined,
    issuerId: row?.apple_issuer_id ?? undefined,
    privateKey,
    unreadable: Boolean(sealed) && privateKey === undefined,
  };
}

/** `GET /admin/api/apple/status`: configured, and whether Apple accepts the key. */
export async function tenantAppleStatus(
  db: Db,
  tenantId: string,
  options: AppleAccountOptions,
): Promise<AppleStatus> {
  const { unreadable, ...credentials } = await credentialsOf(db, tenantId, options);
  if (unreadable) return { configured: true, connected: false, message: unreadableMessage };
  const status = await appleStatus({ credentials, baseUrl: options.appleApiUrl });
  return status.configured
    ? status
    : { ...status, message: `Apple API credentials not configured: ${SET_THEM}` };
}

const unreadableMessage =
  'the stored Apple private key cannot be opened (JWT_SECRET changed since it was saved): set apple_private_key again with PUT /admin/api/settings';

/** A client of App Store Connect with the tenant's key; a clear 400 when the tenant has none. */
export async function tenantAppleClient(
  db: Db,
  tenantId: string,
  options: AppleAccountOptions,
): Promise<AppleConnectClient> {
  const { unreadable, keyId, issuerId, privateKey } = await credentialsOf(db, tenantId, options);
  if (unreadable) throw new IosError('invalid', 'APPLE_NOT_CONFIGURED', unreadableMessage);
  if (!keyId || !issuerId || !privateKey) {
    throw new IosError('invalid', 'APPLE_NOT_CONFIGURED', `the Apple API is not configured: ${SET_THEM}`);
  }
  return new AppleConnectClient({
    credentials: { keyId, issuerId, privateKey },
    baseUrl: options.appleApiUrl,
  });
}
