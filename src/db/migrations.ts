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
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
