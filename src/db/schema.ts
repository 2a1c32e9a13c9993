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

export interface ApiTokenAppsTable {
  token_id: string;
  app_id: string;
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
  telemetry_checks: TelemetryChecksTable;
}

export type User = Selectable<UsersTable>;
export type App = Selectable<AppsTable>;
export type Channel = Selectable<ChannelsTable>;
export type Platform = Selectable<PlatformsTable>;
export type Arch = Selectable<ArchsTable>;
