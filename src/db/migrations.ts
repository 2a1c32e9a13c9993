import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

/** A migration written as plain SQL, run one statement at a time (PGlite's extended protocol takes one). */
function statements(script: string): (db: Kysely<unknown>) => Promise<void> {
  const parts = script
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
  return async (db) => {
    for (const part of parts) await sql.raw(part).execute(db);
  };
}

/** Migrations live in code so that `npm start` and `updraft migrate` need no files beside the build. */
const migrations: Record<string, Migration> = {
  '0001_foundation': {
    up: statements(`
        CREATE TABLE users (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          username text NOT NULL,
          password_hash text NOT NULL,
          role text NOT NULL CHECK (role IN ('admin', 'team')),
          permissions jsonb,
          token_version integer NOT NULL DEFAULT 0,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        );
        -- One namespace for admins and team users: a login name means one account.
        CREATE UNIQUE INDEX users_username ON users (username);
        CREATE INDEX users_tenant ON users (tenant_id);

        CREATE TABLE apps (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          name text NOT NULL,
          description text NOT NULL DEFAULT '',
          private boolean NOT NULL DEFAULT false,
          logo_key text,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (tenant_id, name)
        );
        CREATE TABLE channels (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          name text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (tenant_id, name)
        );
        CREATE TABLE platforms (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          name text NOT NULL,
          updaters jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (tenant_id, name)
        );
        CREATE TABLE archs (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          name text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (tenant_id, name)
        );

        CREATE TABLE user_grants (
          tenant_id text NOT NULL,
          user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          kind text NOT NULL CHECK (kind IN ('apps', 'channels', 'platforms', 'archs')),
          resource_id text NOT NULL,
          PRIMARY KEY (user_id, kind, resource_id)
        );
        CREATE INDEX user_grants_resource ON user_grants (tenant_id, kind, resource_id);

        CREATE TABLE versions (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE RESTRICT,
          channel_id text REFERENCES channels(id) ON DELETE RESTRICT,
          version text NOT NULL,
          published boolean NOT NULL DEFAULT false,
          critical boolean NOT NULL DEFAULT false,
          intermediate boolean NOT NULL DEFAULT false,
          rollout_percent integer NOT NULL DEFAULT 100 CHECK (rollout_percent BETWEEN 0 AND 100),
          rollout_seed text NOT NULL,
          changelog text NOT NULL DEFAULT '',
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX versions_unique ON versions (tenant_id, app_id, channel_id, version) NULLS NOT DISTINCT;

        CREATE TABLE artifacts (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          version_id text NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
          platform_id text REFERENCES platforms(id) ON DELETE RESTRICT,
          arch_id text REFERENCES archs(id) ON DELETE RESTRICT,
          file_name text NOT NULL,
          storage_key text NOT NULL,
          visibility text NOT NULL CHECK (visibility IN ('public', 'private')),
          package text NOT NULL,
          size bigint NOT NULL,
          sha256 text NOT NULL,
          sha512 text NOT NULL,
          signature text,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX artifacts_unique ON artifacts (tenant_id, version_id, platform_id, arch_id, file_name) NULLS NOT DISTINCT;
        CREATE INDEX artifacts_version ON artifacts (version_id);
        CREATE INDEX artifacts_platform ON artifacts (platform_id);
        CREATE INDEX artifacts_arch ON artifacts (arch_id);
        CREATE INDEX versions_channel ON versions (channel_id);
    `),
  },
  '0002_releases': {
    up: statements(`
        -- Objects written to their final key but not yet owned by a committed artifact row. A crash between
        -- the two leaves a row here, and start-up removes the object: no orphan survives a restart.
        CREATE TABLE pending_objects (
          storage_key text NOT NULL,
          visibility text NOT NULL CHECK (visibility IN ('public', 'private')),
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (storage_key, visibility)
        );

        CREATE TABLE api_tokens (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          name text NOT NULL,
          token_hash text NOT NULL UNIQUE,
          token_prefix text NOT NULL,
          expires_at timestamptz,
          created_at timestamptz NOT NULL DEFAULT now(),
          last_used_at timestamptz
        );
        CREATE INDEX api_tokens_tenant ON api_tokens (tenant_id);
        CREATE TABLE api_token_apps (
          token_id text NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          PRIMARY KEY (token_id, app_id)
        );

        -- One row per device, app and day: the device's last check of that day and how many it made.
        CREATE TABLE telemetry_checks (
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          -- UTC 'YYYY-MM-DD' as text: the pg driver would turn a date into a local-time Date.
          day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          device_id text NOT NULL,
          version text NOT NULL,
          channel text NOT NULL DEFAULT '',
          platform text NOT NULL DEFAULT '',
          arch text NOT NULL DEFAULT '',
          is_latest boolean NOT NULL,
          requests integer NOT NULL DEFAULT 1,
          PRIMARY KEY (tenant_id, app_id, day, device_id)
        );
        CREATE INDEX telemetry_checks_day ON telemetry_checks (day);
    `),
  },
  '0003_feeds': {
    up: statements(`
        -- Squirrel.Windows' RELEASES and Velopack's feed name each package by its SHA-1. Computed while the
        -- file streams in; NULL only for files uploaded before this migration (feeds then hash them on demand).
        ALTER TABLE artifacts ADD COLUMN sha1 text;
        -- When a version was first published: every feed's release date (pubDate, pub_date, releaseDate).
        ALTER TABLE versions ADD COLUMN published_at timestamptz;
        -- The oldest OS version the release runs on (electron-builder's and Sparkle's minimumSystemVersion).
        ALTER TABLE versions ADD COLUMN min_system_version text;
        UPDATE versions SET published_at = updated_at WHERE published;
        -- One line: statements() splits the script at a semicolon that ends a line.
        CREATE FUNCTION versions_stamp_published() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.published AND NEW.published_at IS NULL THEN NEW.published_at := now(); END IF; RETURN NEW; END $$;
        CREATE TRIGGER versions_stamp_published BEFORE INSERT OR UPDATE ON versions
          FOR EACH ROW EXECUTE FUNCTION versions_stamp_published();
    `),
  },
  '0004_bindist': {
    up: statements(`
        -- The BinDist-compatible /v1 face over the same catalog as the FaynoSync face:
        --   * a BinDist application IS an apps row: applicationId = apps.name (so FaynoSync clients' app_name
        --     names the same app), name = apps.display_name (NULL: apps.name), description = apps.description.
        --     Soft delete sets apps.deleted_at and keeps the row, so UNIQUE (tenant_id, name) keeps the id
        --     from ever being reused; /v1 hides deleted apps.
        --   * a BinDist version IS a versions row of that app with channel_id NULL (a channel-less release):
        --     isEnabled = published, releaseNotes = changelog, isActive = is_active, requiredTier = min_tier,
        --     versionId = "{applicationId}-{version}" (computed, not stored).
        --   * a BinDist file IS an artifacts row of that version, platform and arch NULL: fileId = artifacts.id,
        --     checksum = sha256, fileType/order/description in the bindist_* columns (NULL for files uploaded
        --     through the FaynoSync face: MAIN by extension, ordered by creation).
        ALTER TABLE apps ADD COLUMN display_name text;
        ALTER TABLE apps ADD COLUMN tags jsonb NOT NULL DEFAULT '[]';
        ALTER TABLE apps ADD COLUMN deleted_at timestamptz;
        ALTER TABLE versions ADD COLUMN is_active boolean NOT NULL DEFAULT true;
        ALTER TABLE versions ADD COLUMN min_tier text;
        ALTER TABLE versions ADD COLUMN download_count integer NOT NULL DEFAULT 0;
        ALTER TABLE artifacts ADD COLUMN bindist_file_type text
          CHECK (bindist_file_type IN ('MAIN', 'DEPENDENCY', 'DOCUMENTATION', 'CONFIGURATION'));
        ALTER TABLE artifacts ADD COLUMN bindist_order integer;
        ALTER TABLE artifacts ADD COLUMN bindist_description text;

        -- A tenant's BinDist admin key (one per tenant; rotating replaces it). Only the SHA-256 of the secret.
        CREATE TABLE bindist_admin_keys (
          id text PRIMARY KEY,
          tenant_id text NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
          key_hash text NOT NULL UNIQUE,
          key_prefix text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          last_used_at timestamptz
        );

        -- B2B customers: each holds one API key (SHA-256 of the secret) and sees only the apps it is linked to.
        CREATE TABLE bindist_customers (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          name text NOT NULL,
          email text,
          notes text,
          reference text,
          license text,
          parent_customer_id text,
          active boolean NOT NULL DEFAULT true,
          tier text,
          key_hash text NOT NULL UNIQUE,
          key_prefix text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          last_used_at timestamptz
        );
        CREATE INDEX bindist_customers_tenant ON bindist_customers (tenant_id, name);

        CREATE TABLE bindist_customer_apps (
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          customer_id text NOT NULL REFERENCES bindist_customers(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          granted_at timestamptz NOT NULL DEFAULT now(),
          granted_by text NOT NULL,
          PRIMARY KEY (customer_id, app_id)
        );
        CREATE INDEX bindist_customer_apps_app ON bindist_customer_apps (app_id);

        -- Public, time-limited links; the token is a credential, so only its hash is kept (and a prefix to name it).
        CREATE TABLE bindist_share_links (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          token_hash text NOT NULL UNIQUE,
          token_prefix text NOT NULL,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          version_id text NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
          artifact_id text NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
          customer_id text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          expires_at timestamptz NOT NULL
        );
        CREATE INDEX bindist_share_links_expiry ON bindist_share_links (expires_at);

        -- Uploads and downloads (a download is recorded when a URL or share link is issued). The version and
        -- file are copied, not referenced, so that history outlives a deleted version.
        CREATE TABLE bindist_activity (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          type text NOT NULL CHECK (type IN ('upload', 'download')),
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          version text NOT NULL,
          file_id text,
          file_name text,
          file_size bigint,
          customer_id text NOT NULL,
          -- upload: 'direct' | 'large'; download: 'api' | 'share'.
          method text NOT NULL,
          share_token_prefix text,
          client_ip text,
          user_agent text,
          ip_changed boolean,
          previous_ip text,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX bindist_activity_tenant ON bindist_activity (tenant_id, created_at DESC, id DESC);
        CREATE INDEX bindist_activity_app ON bindist_activity (app_id, created_at);

        -- Administrative actions (BinDist's audit log): who did what, from where, and whether it succeeded.
        CREATE TABLE bindist_audit_events (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          event_type text NOT NULL,
          actor text NOT NULL,
          outcome text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILED', 'PENDING')),
          client_ip text,
          user_agent text,
          details jsonb NOT NULL DEFAULT '{}',
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX bindist_audit_events_tenant ON bindist_audit_events (tenant_id, created_at DESC, id DESC);
    `),
  },
  '0005_bindist_uploads': {
    up: statements(`
        -- BinDist's three-step large upload: large-url opens a session (what the client declared and where its PUT
        -- goes), the client PUTs the bytes to storage_key, large-complete checks them and creates the version.
        -- The id is BinDist's uploadId; completed_at is set once, so a session cannot be completed twice.
        CREATE TABLE bindist_upload_sessions (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          version text NOT NULL,
          file_name text NOT NULL,
          file_size bigint NOT NULL CHECK (file_size > 0),
          content_type text NOT NULL,
          -- Lower-case hex SHA-256, when the client declared it with large-url.
          checksum text,
          -- Private object the PUT writes; never an artifact's key, so removing it never touches a release.
          storage_key text NOT NULL,
          created_by text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          -- The upload URL stops working at this time.
          expires_at timestamptz NOT NULL,
          completed_at timestamptz
        );
        CREATE INDEX bindist_upload_sessions_tenant ON bindist_upload_sessions (tenant_id, expires_at);
    `),
  },
  '0006_reports': {
    up: statements(`
        -- Crash and event reports (FaynoSync's v2.1 reports). The per-app switch; enabling it mints a report key.
        ALTER TABLE apps ADD COLUMN reports boolean NOT NULL DEFAULT false;

        -- One ingest key per app, embedded in the shipped app. Looked up by its SHA-256; the plaintext is kept only
        -- sealed (AES-256-GCM under a key derived from the server secret) because FaynoSync's dashboard shows it.
        CREATE TABLE report_keys (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          app_id text NOT NULL UNIQUE REFERENCES apps(id) ON DELETE CASCADE,
          key_hash text NOT NULL UNIQUE,
          key_sealed text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        );

        -- Events counted per app and grouping hash (FaynoSync's hash of name|version|channel|platform|arch|type|
        -- reason). The dimensions are copied from the first report, so a group outlives renames.
        CREATE TABLE report_groups (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          group_hash text NOT NULL,
          app_name text NOT NULL,
          version text NOT NULL,
          channel text NOT NULL,
          platform text NOT NULL,
          arch text NOT NULL,
          event_type text NOT NULL,
          reason text NOT NULL,
          count integer NOT NULL DEFAULT 1,
          details_stored integer NOT NULL DEFAULT 0,
          details_rejected integer NOT NULL DEFAULT 0,
          first_seen timestamptz NOT NULL DEFAULT now(),
          last_seen timestamptz NOT NULL DEFAULT now(),
          status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'muted')),
          tags jsonb NOT NULL DEFAULT '[]',
          note text NOT NULL DEFAULT '',
          resolved_at timestamptz,
          resolved_by text,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          UNIQUE (app_id, group_hash)
        );
        CREATE INDEX report_groups_tenant ON report_groups (tenant_id, last_seen DESC);
        CREATE INDEX report_groups_hash ON report_groups (tenant_id, group_hash);

        -- Detail blobs: gzip objects in private storage. The row is written before the object, so an object never
        -- exists without a row (a crash leaves at worst a row whose object is missing, pruned with it).
        CREATE TABLE report_blobs (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          group_id text NOT NULL REFERENCES report_groups(id) ON DELETE CASCADE,
          storage_key text NOT NULL UNIQUE,
          compressed_size integer NOT NULL,
          decompressed_size integer NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          expires_at timestamptz NOT NULL
        );
        CREATE INDEX report_blobs_group ON report_blobs (group_id, created_at DESC, id DESC);
        CREATE INDEX report_blobs_expiry ON report_blobs (expires_at);

        -- Fixed-window rate-limit counters for ingest (FaynoSync keeps them in Redis). A bucket names a key, a group
        -- or a device's group, never a secret or a raw device id; expired windows are pruned hourly.
        CREATE TABLE report_rate_windows (
          bucket text NOT NULL,
          window_end timestamptz NOT NULL,
          hits integer NOT NULL DEFAULT 1,
          PRIMARY KEY (bucket, window_end)
        );
        CREATE INDEX report_rate_windows_end ON report_rate_windows (window_end);
    `),
  },
  '0007_edge': {
    up: statements(`
        -- FaynoSync's per-app flags: tuf is stored and listed (signing is not implemented); cdn publishes the app's
        -- check answers as public objects for its SDK's edgeURL. A private app never has cdn on.
        ALTER TABLE apps ADD COLUMN tuf boolean NOT NULL DEFAULT false;
        ALTER TABLE apps ADD COLUMN cdn boolean NOT NULL DEFAULT false;
        ALTER TABLE apps ADD CONSTRAINT apps_cdn_public CHECK (NOT (cdn AND private));

        -- The edge objects written to the public storage, with the SHA-256 of their bytes: each reconcile puts only
        -- what differs and deletes what is no longer wanted. No reference to apps: the rows of a deleted app are
        -- what tells the publisher which objects to remove.
        CREATE TABLE edge_objects (
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          key text NOT NULL,
          sha256 text NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, key)
        );
    `),
  },
  '0008_download_tokens': {
    up: statements(`
        -- FaynoSync's private-app access model: 'strict' downloads need a login or a download token, 'unlisted'
        -- ones only the link. It matters only while the app is private; 'strict' is what private apps did before.
        ALTER TABLE apps ADD COLUMN download_mode text NOT NULL DEFAULT 'strict'
          CHECK (download_mode IN ('strict', 'unlisted'));

        -- Download tokens (fnd_…) let a shipped app fetch its private app's files. One per app and channel, or one
        -- for the whole app (channel_id NULL); regenerating replaces the secret in place. Only the SHA-256 is kept.
        CREATE TABLE download_tokens (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          channel_id text REFERENCES channels(id) ON DELETE CASCADE,
          token_hash text NOT NULL UNIQUE,
          token_prefix text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX download_tokens_scope ON download_tokens (app_id, channel_id) NULLS NOT DISTINCT;
        CREATE INDEX download_tokens_tenant ON download_tokens (tenant_id);

        -- /download finds an artifact by its key alone when the caller shows a token or nothing at all.
        CREATE INDEX artifacts_storage_key ON artifacts (storage_key);
    `),
  },
  '0009_default_channel': {
    up: statements(`
        -- Per-tenant settings. default_channel_id is the channel /v1 customers see beside channel-less versions;
        -- NULL (or no row) means the tenant's channel named 'stable'. Deleting the channel falls back to that.
        CREATE TABLE tenant_settings (
          tenant_id text PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
          default_channel_id text REFERENCES channels(id) ON DELETE SET NULL,
          updated_at timestamptz NOT NULL DEFAULT now()
        );
    `),
  },
  '0010_page_events': {
    up: statements(`
        -- Visits of the public download pages and clicks on their download links, counted per app, day, kind and
        -- the visitor's platform family ('' when unknown): counters, not a log, so a busy page stays one row a day.
        CREATE TABLE page_events (
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          -- UTC 'YYYY-MM-DD' as text, as telemetry_checks keeps it.
          day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
          kind text NOT NULL CHECK (kind IN ('visit', 'download')),
          platform text NOT NULL,
          count integer NOT NULL DEFAULT 0,
          PRIMARY KEY (app_id, day, kind, platform)
        );
        CREATE INDEX page_events_tenant ON page_events (tenant_id, day);
    `),
  },
  '0011_fenfa': {
    up: statements(`
        -- The Fenfa face over the same catalog (docs/fenfa.md): a product IS an apps row (slug, published), a
        -- variant is a platform target of it on the tenant's catalog platforms and archs, a release IS an artifact
        -- of a version (fenfa_releases holds what Fenfa adds: build, min OS, its download count).
        ALTER TABLE apps ADD COLUMN slug text;
        -- Fenfa's publish switch: an unpublished product is hidden from update clients and public pages.
        ALTER TABLE apps ADD COLUMN published boolean NOT NULL DEFAULT true;
        CREATE UNIQUE INDEX apps_slug ON apps (tenant_id, slug);
        CREATE INDEX apps_slug_any ON apps (slug);

        CREATE TABLE fenfa_variants (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          app_id text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
          platform_id text NOT NULL REFERENCES platforms(id) ON DELETE RESTRICT,
          arch_id text REFERENCES archs(id) ON DELETE RESTRICT,
          identifier text NOT NULL DEFAULT '',
          display_name text NOT NULL DEFAULT '',
          installer_type text NOT NULL DEFAULT '',
          min_os text NOT NULL DEFAULT '',
          published boolean NOT NULL DEFAULT true,
          sort_order integer NOT NULL DEFAULT 0,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        );
        -- A variant owns the product's files of its platform and arch, so two variants cannot share a target.
        CREATE UNIQUE INDEX fenfa_variants_target ON fenfa_variants (app_id, platform_id, arch_id) NULLS NOT DISTINCT;
        CREATE INDEX fenfa_variants_tenant ON fenfa_variants (tenant_id);
        CREATE INDEX fenfa_variants_platform ON fenfa_variants (platform_id);
        CREATE INDEX fenfa_variants_arch ON fenfa_variants (arch_id);

        CREATE TABLE fenfa_releases (
          artifact_id text PRIMARY KEY REFERENCES artifacts(id) ON DELETE CASCADE,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          build integer,
          min_os text,
          download_count integer NOT NULL DEFAULT 0
        );

        CREATE TABLE fenfa_tokens (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          label text NOT NULL,
          scopes jsonb NOT NULL,
          token_hash text NOT NULL UNIQUE,
          token_prefix text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          last_used_at timestamptz
        );
        CREATE INDEX fenfa_tokens_tenant ON fenfa_tokens (tenant_id);

        -- Fenfa's event log; ids of products, variants and releases as Fenfa shows them, kept after a delete.
        CREATE TABLE fenfa_events (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          ts timestamptz NOT NULL DEFAULT now(),
          type text NOT NULL CHECK (type IN ('visit', 'click', 'download', 'upload')),
          app_id text,
          variant_id text,
          release_id text,
          ip text,
          ua text,
          extra jsonb NOT NULL DEFAULT '{}'
        );
        CREATE INDEX fenfa_events_tenant ON fenfa_events (tenant_id, ts);

        ALTER TABLE tenant_settings ADD COLUMN primary_domain text NOT NULL DEFAULT '';
        ALTER TABLE tenant_settings ADD COLUMN secondary_domains jsonb NOT NULL DEFAULT '[]';
        ALTER TABLE tenant_settings ADD COLUMN organization text NOT NULL DEFAULT '';
        ALTER TABLE tenant_settings ADD COLUMN apple_key_id text;
        ALTER TABLE tenant_settings ADD COLUMN apple_issuer_id text;
        ALTER TABLE tenant_settings ADD COLUMN apple_team_id text;
        -- The .p8 key sealed (AES-256-GCM under a key derived from JWT_SECRET), never returned.
        ALTER TABLE tenant_settings ADD COLUMN apple_private_key_sealed text;
    `),
  },
  '0012_upload_sessions': {
    up: statements(`
        -- Resumable uploads (tus 1.0): one row per session. Its bytes are private objects of the artifact store, one
        -- per PATCH (upload_session_parts), so any instance can continue a session and a restart loses nothing
        -- recorded; a release write takes them over. owner_id is the user or API token that opened it: nobody else
        -- sees the session.
        CREATE TABLE upload_sessions (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          owner_id text NOT NULL,
          file_name text NOT NULL,
          -- Upload-Metadata exactly as the client sent it, answered again by HEAD.
          metadata text NOT NULL,
          upload_length bigint NOT NULL CHECK (upload_length >= 0),
          upload_offset bigint NOT NULL DEFAULT 0 CHECK (upload_offset >= 0 AND upload_offset <= upload_length),
          created_at timestamptz NOT NULL DEFAULT now(),
          -- Pushed forward by every PATCH: a session nobody writes to for UPLOAD_SESSION_TTL is abandoned.
          expires_at timestamptz NOT NULL
        );
        CREATE INDEX upload_sessions_tenant ON upload_sessions (tenant_id, owner_id);
        CREATE INDEX upload_sessions_expires ON upload_sessions (expires_at);

        -- The bytes [start_offset, end_offset) of a session, stored at storage_key (private). A part is written in
        -- the transaction that moves the session's offset to its end, so every recorded byte is in some part.
        CREATE TABLE upload_session_parts (
          session_id text NOT NULL REFERENCES upload_sessions(id) ON DELETE CASCADE,
          start_offset bigint NOT NULL,
          end_offset bigint NOT NULL CHECK (end_offset > start_offset),
          storage_key text NOT NULL,
          PRIMARY KEY (session_id, end_offset)
        );
    `),
  },
  '0013_ios_devices': {
    up: statements(`
        -- UDID binding (docs/ios.md): the one-use challenges of the Profile Service profiles handed out, the devices
        -- that answered one and which variant each was bound for. Devices belong to a tenant: two tenants binding the
        -- same iPhone get a row each, and neither sees the other's (Fenfa keeps one global row per UDID).
        CREATE TABLE udid_nonces (
          nonce text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          variant_id text NOT NULL REFERENCES fenfa_variants(id) ON DELETE CASCADE,
          created_at timestamptz NOT NULL DEFAULT now(),
          expires_at timestamptz NOT NULL,
          -- Set by the callback that used it; a second callback with it is a retry and gets the same answer.
          used_at timestamptz
        );
        CREATE INDEX udid_nonces_expires ON udid_nonces (expires_at);
        CREATE INDEX udid_nonces_variant ON udid_nonces (variant_id);

        CREATE TABLE ios_devices (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          udid text NOT NULL,
          device_name text NOT NULL DEFAULT '',
          model text NOT NULL DEFAULT '',
          os_version text NOT NULL DEFAULT '',
          created_at timestamptz NOT NULL DEFAULT now(),
          -- When the device last answered a profile, and whether that answer's CMS signature checked out.
          verified_at timestamptz NOT NULL DEFAULT now(),
          signature_verified boolean NOT NULL DEFAULT false,
          last_ip text,
          apple_registered boolean NOT NULL DEFAULT false,
          apple_registered_at timestamptz,
          apple_device_id text
        );
        CREATE UNIQUE INDEX ios_devices_udid ON ios_devices (tenant_id, udid);

        CREATE TABLE ios_device_bindings (
          id text PRIMARY KEY,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          device_id text NOT NULL REFERENCES ios_devices(id) ON DELETE CASCADE,
          variant_id text NOT NULL REFERENCES fenfa_variants(id) ON DELETE CASCADE,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX ios_device_bindings_pair ON ios_device_bindings (device_id, variant_id);
        CREATE INDEX ios_device_bindings_variant ON ios_device_bindings (variant_id);
        CREATE INDEX ios_device_bindings_tenant ON ios_device_bindings (tenant_id);
    `),
  },
  '0014_fenfa_profiles': {
    up: statements(`
        -- The bundle id (package name) read from a smart upload's package: the one the release installs as, whatever
        -- the variant says. NULL for files whose package was never read (plain /upload, the other faces).
        ALTER TABLE fenfa_releases ADD COLUMN bundle_id text;

        -- The provisioning profile of an iOS release (Payload/*.app/embedded.mobileprovision), one per release; it
        -- goes with the release's artifact.
        CREATE TABLE fenfa_profiles (
          artifact_id text PRIMARY KEY REFERENCES artifacts(id) ON DELETE CASCADE,
          tenant_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          uuid text NOT NULL,
          name text NOT NULL,
          team_id text NOT NULL,
          team_name text NOT NULL,
          app_id_name text NOT NULL,
          app_id_prefix text NOT NULL,
          bundle_id text NOT NULL,
          platform text NOT NULL,
          -- Fenfa's rule: enterprise, development, app-store, ad-hoc or distribution.
          profile_type text NOT NULL,
          provisions_all_devices boolean NOT NULL,
          created_at timestamptz,
          expires_at timestamptz,
          certificates jsonb NOT NULL,
          provisioned_devices jsonb NOT NULL,
          entitlements jsonb NOT NULL,
          -- The CMS signature over the profile checked out with the certificate it carries.
          signature_verified boolean NOT NULL
        );
        CREATE INDEX fenfa_profiles_tenant ON fenfa_profiles (tenant_id);
    `),
  },
  '0015_retention': {
    up: statements(`
        -- A Fenfa variant's retention policy (docs/fenfa.md), off while both are null: keep the newest keep_last
        -- releases and those uploaded in the last keep_days days; the newest release is never deleted.
        ALTER TABLE fenfa_variants ADD COLUMN keep_last integer CHECK (keep_last >= 1);
        ALTER TABLE fenfa_variants ADD COLUMN keep_days integer CHECK (keep_days >= 1);
        -- The hourly pass reads only the variants that have a policy.
        CREATE INDEX fenfa_variants_retention ON fenfa_variants (tenant_id)
          WHERE keep_last IS NOT NULL OR keep_days IS NOT NULL;
    `),
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Every migration this build knows, oldest first (a backup made by a newer build may hold more). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
