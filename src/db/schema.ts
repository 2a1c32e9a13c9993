import type { ColumnType, Generated, Selectable } from 'kysely';

/** Optional on insert (the columns default to now()); Generated<> around it would hide Date on select. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Team-user rights; `allowed` lists live in `user_grants`. */
export interface PermissionFlags {
  apps: { create: boolean; delete: boolean; edit: boolean; download: boolean; upload: boolean };
  channels: { create: boolean; delete: boolean; edit: boolean };
  platforms: { create: boolean; delete: boolean; edit: boolean };
  archs: { create: boolean; delete: boolean; edit: boolean };
}

export type ResourceKind = 'apps' | 'channels' | 'platforms' | 'archs';

export interface UpdaterEntry {
  type: string;
  default: boolean;
}

export interface UsersTable {
  id: string;
  /** The admin's own id for an admin; the owning admin's id for a team user. */
  tenant_id: string;
  username: string;
  password_hash: string;
  role: 'admin' | 'team';
  permissions: ColumnType<PermissionFlags | null, string | null, string | null>;
  token_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserGrantsTable {
  tenant_id: string;
  user_id: string;
  kind: ResourceKind;
  resource_id: string;
}

export interface AppsTable {
  id: string;
  tenant_id: string;
  name: string;
  description: Generated<string>;
  private: Generated<boolean>;
  logo_key: string | null;
  /** BinDist's display `name`; NULL means the app's name (which is BinDist's `applicationId`). */
  display_name: string | null;
  /** BinDist tags, a JSON array of strings. */
  tags: ColumnType<string[], string | undefined, string>;
  /** BinDist soft delete: the row stays so the name is never reused; /v1 hides it. */
  deleted_at: Date | null;
  /** Who may download a private app's files: 'strict' (a login or a download token) or 'unlisted' (the link). */
  download_mode: Generated<DownloadMode>;
  /** FaynoSync's per-app crash/event reports switch. */
  reports: Generated<boolean>;
  /** FaynoSync's `tuf` flag: stored and listed; signing is not implemented. */
  tuf: Generated<boolean>;
  /** FaynoSync's `cdn` flag: the app's check answers are published for SDKs' edgeURL (never for a private app). */
  cdn: Generated<boolean>;
  /** Fenfa's product slug, unique per tenant; NULL until the app is given one. */
  slug: string | null;
  /** Fenfa's publish switch: false hides the app's releases from update clients and public pages. */
  published: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface NamedTable {
  id: string;
  tenant_id: string;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ChannelsTable = NamedTable;
export type ArchsTable = NamedTable;
export interface PlatformsTable extends NamedTable {
  updaters: ColumnType<UpdaterEntry[], string, string>;
}

export interface VersionsTable {
  id: string;
  tenant_id: string;
  app_id: string;
  channel_id: string | null;
  version: string;
  published: Generated<boolean>;
  critical: Generated<boolean>;
  intermediate: Generated<boolean>;
  rollout_percent: Generated<number>;
  rollout_seed: string;
  changelog: Generated<string>;
  /** Set by a trigger when the version is first published; never cleared. */
  published_at: Generated<Date | null>;
  min_system_version: string | null;
  /** BinDist `isActive`: false hides the version from /v1 everywhere. */
  is_active: Generated<boolean>;
  /** BinDist's optional minimum customer tier (Basic < Premium < Enterprise). */
  min_tier: string | null;
  /** BinDist `downloadCount`: bumped each time a download URL or share link is issued. */
  download_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ArtifactsTable {
  id: string;
  tenant_id: string;
  version_id: string;
  platform_id: string | null;
  arch_id: string | null;
  file_name: string;
  storage_key: string;
  visibility: 'public' | 'private';
  package: string;
  /** int8: pg returns it as a string. */
  size: ColumnType<string, number | string, number | string>;
  /** NULL only for files stored before SHA-1 was recorded. */
  sha1: string | null;
  sha256: string;
  sha512: string;
  signature: string | null;
  /** BinDist fileType; NULL for files uploaded through the FaynoSync face (then detected from the name). */
  bindist_file_type: 'MAIN' | 'DEPENDENCY' | 'DOCUMENTATION' | 'CONFIGURATION' | null;
  /** BinDist `order` (1-based); NULL: creation order. */
  bindist_order: number | null;
  bindist_description: string | null;
  created_at: Timestamp;
}

export interface PendingObjectsTable {
  storage_key: string;
  visibility: 'public' | 'private';
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  tenant_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  expires_at: Date | null;
  created_at: Timestamp;
  last_used_at: Date | null;
}

export type DownloadMode = 'strict' | 'unlisted';

export interface DownloadTokensTable {
  id: string;
  tenant_id: string;
  app_id: string;
  /** NULL: the token is good for every channel of the app. */
  channel_id: string | null;
  token_hash: string;
  token_prefix: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApiTokenAppsTable {
  token_id: string;
  app_id: string;
}

export interface UploadSessionsTable {
  /** The tus upload id: 32 random hex characters. */
  id: string;
  tenant_id: string;
  /** The user or API token that opened the session. */
  owner_id: string;
  file_name: string;
  /** Upload-Metadata as the client sent it. */
  metadata: string;
  /** int8: pg returns it as a string. */
  upload_length: ColumnType<string, number | string, number | string>;
  upload_offset: ColumnType<string, number | string | undefined, number | string>;
  created_at: Timestamp;
  expires_at: Date;
}

export interface UploadSessionPartsTable {
  session_id: string;
  /** int8: pg returns it as a string. */
  start_offset: ColumnType<string, number | string, number | string>;
  end_offset: ColumnType<string, number | string, number | string>;
  /** A private object of the artifact store. */
  storage_key: string;
}

export interface PageEventsTable {
  tenant_id: string;
  app_id: string;
  /** A calendar day (UTC), `YYYY-MM-DD`. */
  day: ColumnType<string, string, string>;
  kind: 'visit' | 'download';
  platform: string;
  count: ColumnType<number, number | undefined, number>;
}

export interface TelemetryChecksTable {
  tenant_id: string;
  app_id: string;
  /** A calendar day (UTC), `YYYY-MM-DD`. */
  day: ColumnType<string, string, string>;
  device_id: string;
  version: string;
  channel: string;
  platform: string;
  arch: string;
  is_latest: boolean;
  requests: Generated<number>;
}

export interface BindistAdminKeysTable {
  id: string;
  tenant_id: string;
  key_hash: string;
  key_prefix: string;
  created_at: Timestamp;
  last_used_at: Date | null;
}

export interface BindistCustomersTable {
  /** A UUID, as BinDist issues them. */
  id: string;
  tenant_id: string;
  name: string;
  email: string | null;
  notes: string | null;
  reference: string | null;
  license: string | null;
  parent_customer_id: string | null;
  active: Generated<boolean>;
  tier: string | null;
  key_hash: string;
  key_prefix: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_used_at: Date | null;
}

export interface BindistCustomerAppsTable {
  tenant_id: string;
  customer_id: string;
  app_id: string;
  granted_at: Timestamp;
  /** The granting caller: `admin` or a customer id. */
  granted_by: string;
}

export interface BindistShareLinksTable {
  id: string;
  tenant_id: string;
  token_hash: string;
  token_prefix: string;
  app_id: string;
  version_id: string;
  artifact_id: string;
  /** The customer that created the link, or `admin`. */
  customer_id: string;
  created_at: Timestamp;
  expires_at: Date;
}

export interface BindistActivityTable {
  id: string;
  tenant_id: string;
  type: 'upload' | 'download';
  app_id: string;
  version: string;
  file_id: string | null;
  file_name: string | null;
  /** int8: pg returns it as a string. */
  file_size: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  /** A customer id, or `admin` for the tenant's admin key. */
  customer_id: string;
  /** Upload: `direct` | `large`; download: `api` | `share`. */
  method: string;
  share_token_prefix: string | null;
  client_ip: string | null;
  user_agent: string | null;
  ip_changed: boolean | null;
  previous_ip: string | null;
  created_at: Timestamp;
}

export interface BindistAuditEventsTable {
  id: string;
  tenant_id: string;
  event_type: string;
  /** `user:{customerId}`, `user:admin` or `user:{updraftUserId}` (JWT). */
  actor: string;
  outcome: 'SUCCESS' | 'FAILED' | 'PENDING';
  client_ip: string | null;
  user_agent: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
}

/** A BinDist large upload between large-url and large-complete. */
export interface BindistUploadSessionsTable {
  /** BinDist's `uploadId` (a UUID). */
  id: string;
  tenant_id: string;
  app_id: string;
  /** The normalised version text. */
  version: string;
  file_name: string;
  /** int8: pg returns it as a string. */
  file_size: ColumnType<string, number | string, number | string>;
  content_type: string;
  checksum: string | null;
  storage_key: string;
  /** `admin` or a customer id, as in activity rows. */
  created_by: string;
  created_at: Timestamp;
  expires_at: Date;
  completed_at: Date | null;
}

export interface ReportKeysTable {
  id: string;
  tenant_id: string;
  app_id: string;
  key_hash: string;
  /** The plaintext key sealed with AES-256-GCM: `iv.tag.ciphertext`, each base64url. */
  key_sealed: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ReportGroupStatus = 'open' | 'resolved' | 'muted';

export interface ReportGroupsTable {
  id: string;
  tenant_id: string;
  app_id: string;
  group_hash: string;
  app_name: string;
  version: string;
  channel: string;
  platform: string;
  arch: string;
  event_type: string;
  reason: string;
  count: Generated<number>;
  details_stored: Generated<number>;
  details_rejected: Generated<number>;
  first_seen: Timestamp;
  last_seen: Timestamp;
  status: ColumnType<ReportGroupStatus, ReportGroupStatus | undefined, ReportGroupStatus>;
  tags: ColumnType<string[], string | undefined, string>;
  note: Generated<string>;
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportBlobsTable {
  id: string;
  tenant_id: string;
  group_id: string;
  storage_key: string;
  compressed_size: number;
  decompressed_size: number;
  created_at: Timestamp;
  expires_at: Date;
}

export interface ReportRateWindowsTable {
  bucket: string;
  window_end: Date;
  hits: Generated<number>;
}

/** Per-tenant settings (one row, once the admin changes one). */
export interface TenantSettingsTable {
  tenant_id: string;
  /** The channel /v1 customers see beside channel-less versions; NULL: the channel named `stable`. */
  default_channel_id: string | null;
  /** Fenfa: the public URL of pages and manifests ('' = the request's host). */
  primary_domain: Generated<string>;
  /** Fenfa: download (CDN) domains, a JSON array; the first is used. */
  secondary_domains: ColumnType<string[], string | undefined, string>;
  organization: Generated<string>;
  apple_key_id: string | null;
  apple_issuer_id: string | null;
  apple_team_id: string | null;
  apple_private_key_sealed: string | null;
  updated_at: Timestamp;
}

/** A Fenfa variant: one platform target (platform and arch of the tenant's catalog) of a product (an app). */
export interface FenfaVariantsTable {
  id: string;
  tenant_id: string;
  app_id: string;
  platform_id: string;
  arch_id: string | null;
  identifier: Generated<string>;
  display_name: Generated<string>;
  installer_type: Generated<string>;
  min_os: Generated<string>;
  published: Generated<boolean>;
  sort_order: Generated<number>;
  /** The retention policy (core/fenfa/retention.ts); null is no limit of that kind. */
  keep_last: number | null;
  keep_days: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** What Fenfa adds to an artifact it calls a release; an artifact without a row has no build and no downloads yet. */
export interface FenfaReleasesTable {
  artifact_id: string;
  tenant_id: string;
  build: number | null;
  min_os: string | null;
  download_count: Generated<number>;
  /** The bundle id or package name read from the package (smart upload); null when it was never read. */
  bundle_id: string | null;
}

/** The provisioning profile of an iOS release (its artifact), as read from embedded.mobileprovision. */
export interface FenfaProfilesTable {
  artifact_id: string;
  tenant_id: string;
  uuid: string;
  name: string;
  team_id: string;
  team_name: string;
  app_id_name: string;
  app_id_prefix: string;
  bundle_id: string;
  platform: string;
  profile_type: string;
  provisions_all_devices: boolean;
  created_at: Date | null;
  expires_at: Date | null;
  /** JSON written by core (core/fenfa/profiles.ts reads it back as the profile's certificates, UDIDs, entitlements). */
  certificates: ColumnType<unknown, string, string>;
  provisioned_devices: ColumnType<string[], string, string>;
  entitlements: ColumnType<unknown, string, string>;
  signature_verified: boolean;
}

export type FenfaScope = 'upload' | 'admin';

export interface FenfaTokensTable {
  id: string;
  tenant_id: string;
  label: string;
  scopes: ColumnType<FenfaScope[], string, string>;
  token_hash: string;
  token_prefix: string;
  created_at: Timestamp;
  last_used_at: Date | null;
}

export type FenfaEventType = 'visit' | 'click' | 'download' | 'upload';

export interface FenfaEventsTable {
  id: Generated<string>;
  tenant_id: string;
  ts: Timestamp;
  type: FenfaEventType;
  app_id: string | null;
  variant_id: string | null;
  release_id: string | null;
  ip: string | null;
  ua: string | null;
  extra: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** A one-use challenge of a UDID Profile Service profile, for one variant (10 minutes). */
export interface UdidNoncesTable {
  nonce: string;
  tenant_id: string;
  variant_id: string;
  created_at: Timestamp;
  expires_at: Date | string;
  used_at: Date | null;
}

/** An iOS device that answered a UDID profile of the tenant (one row per tenant and UDID). */
export interface IosDevicesTable {
  id: string;
  tenant_id: string;
  udid: string;
  device_name: Generated<string>;
  model: Generated<string>;
  os_version: Generated<string>;
  created_at: Timestamp;
  verified_at: Timestamp;
  /** The device's CMS signature over its answer checked out (signed-data.ts). */
  signature_verified: Generated<boolean>;
  last_ip: string | null;
  apple_registered: Generated<boolean>;
  apple_registered_at: Date | null;
  apple_device_id: string | null;
}

/** Which variant a device was bound for. */
export interface IosDeviceBindingsTable {
  id: string;
  tenant_id: string;
  device_id: string;
  variant_id: string;
  created_at: Timestamp;
}

/** An edge response object the publisher wrote to the public storage (see core/releases/edge.ts). */
export interface EdgeObjectsTable {
  tenant_id: string;
  key: string;
  /** Lower-case hex SHA-256 of the bytes written. */
  sha256: string;
  updated_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  user_grants: UserGrantsTable;
  apps: AppsTable;
  channels: ChannelsTable;
  platforms: PlatformsTable;
  archs: ArchsTable;
  versions: VersionsTable;
  artifacts: ArtifactsTable;
  pending_objects: PendingObjectsTable;
  api_tokens: ApiTokensTable;
  api_token_apps: ApiTokenAppsTable;
  download_tokens: DownloadTokensTable;
  telemetry_checks: TelemetryChecksTable;
  page_events: PageEventsTable;
  upload_sessions: UploadSessionsTable;
  upload_session_parts: UploadSessionPartsTable;
  bindist_admin_keys: BindistAdminKeysTable;
  bindist_customers: BindistCustomersTable;
  bindist_customer_apps: BindistCustomerAppsTable;
  bindist_share_links: BindistShareLinksTable;
  bindist_activity: BindistActivityTable;
  bindist_audit_events: BindistAuditEventsTable;
  bindist_upload_sessions: BindistUploadSessionsTable;
  report_keys: ReportKeysTable;
  report_groups: ReportGroupsTable;
  report_blobs: ReportBlobsTable;
  report_rate_windows: ReportRateWindowsTable;
  edge_objects: EdgeObjectsTable;
  tenant_settings: TenantSettingsTable;
  fenfa_variants: FenfaVariantsTable;
  fenfa_releases: FenfaReleasesTable;
  fenfa_profiles: FenfaProfilesTable;
  fenfa_tokens: FenfaTokensTable;
  fenfa_events: FenfaEventsTable;
  udid_nonces: UdidNoncesTable;
  ios_devices: IosDevicesTable;
  ios_device_bindings: IosDeviceBindingsTable;
}

export type User = Selectable<UsersTable>;
export type App = Selectable<AppsTable>;
export type Channel = Selectable<ChannelsTable>;
export type Platform = Selectable<PlatformsTable>;
export type Arch = Selectable<ArchsTable>;
