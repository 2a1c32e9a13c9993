import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from './config-error.js';
import type { ConfiguredFenfaTokens } from './core/fenfa/tokens.js';
import type { ReportsOptions } from './core/reports/ingest.js';
import type { S3Options } from './storage/s3.js';

/** App Store Connect's own address; APPLE_API_URL points the client elsewhere (a test double, a proxy). */
export const APPLE_API_URL = 'https://api.appstoreconnect.apple.com';

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Unset: embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  storageDriver: 'local' | 's3';
  s3: S3Options | undefined;
  apiUrl: string;
  /** App Store Connect's base URL (APPLE_API_URL): Apple's by default, a test double or proxy otherwise. */
  appleApiUrl: string;
  jwtSecret: string;
  /** Sign-up key from the environment; unset means a one-time key may be minted at start-up. */
  apiKey: string | undefined;
  tokenTtlSeconds: number;
  uploadMaxBytes: number;
  /** A resumable upload session nobody has written to for this long is abandoned and removed. */
  uploadSessionTtlSeconds: number;
  jsonMaxBytes: number;
  signedUrlTtlSeconds: number;
  loginLimitPerIp: number;
  /** Failed logins per client address and username. */
  loginLimitPerUser: number;
  /** Failed logins per username from addresses it never signed in from, all together. */
  loginLimitPerAccount: number;
  loginWindowSeconds: number;
  allowedCors: string[];
  /** Express `trust proxy`: how client IPs are read behind a reverse proxy (for rate limits). */
  trustProxy: boolean | number | string;
  bcryptCost: number;
  /** Record update checks that carry X-Device-ID (TELEMETRY=off disables). */
  telemetry: boolean;
  telemetryRetentionDays: number;
  /**
   * How long the hot paths (update checks, feeds, feed files) may answer from their last known state, marked
   * X-Updraft-Stale, while the database or the change listener is away (STALE_IF_ERROR_SECONDS; 0 turns it off).
   */
  staleIfErrorSeconds: number;
  logLevel: string;
  /** A request whose headers have not all arrived after this long is closed. */
  headersTimeoutSeconds: number;
  /**
   * A request body that sends nothing for this long is closed. Inactivity, not total time: a 2 GB upload on a slow
   * link that keeps sending finishes however long it takes.
   */
  bodyIdleTimeoutSeconds: number;
  /** An idle keep-alive connection between requests is closed after this long. */
  keepAliveTimeoutSeconds: number;
  reports: ReportsOptions;
  metrics: MetricsConfig;
  /** Fenfa's configured X-Auth-Tokens (FENFA_ADMIN_TOKEN, FENFA_UPLOAD_TOKEN) and the admin they act for. */
  fenfa: ConfiguredFenfaTokens;
}

/** `GET /metrics` (Prometheus text format): off unless asked for, and behind a bearer token when one is set. */
export interface MetricsConfig {
  enabled: boolean;
  /** METRICS_TOKEN: when set, scrapes must send `Authorization: Bearer <token>`. */
  token: string | undefined;
}

export { ConfigError } from './config-error.js';

/**
 * Secrets that appear in examples and old versions of the compose file. In production they would let anyone who
 * read the example sign up or forge sessions, so they are refused.
 */
const PLACEHOLDER_SECRETS = new Set([
  'change-me-to-a-long-random-string',
  'change-me-signup-key',
  'updraft-minio-secret',
]);

function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_SECRETS.has(value) || /^(change|replace)[-_ ]?me/i.test(value);
}

/** Refuses a placeholder secret in production; elsewhere the examples keep working. */
function rejectPlaceholder(nodeEnv: string, name: string, value: string | undefined, fix: string): void {
  if (nodeEnv === 'production' && value !== undefined && isPlaceholder(value)) {
    throw new ConfigError(`${name} is still a placeholder from the examples: ${fix}`);
  }
}

/**
 * Reads `.env` from the working directory into process.env when it exists; variables already in the environment
 * win. Answers the file's path, or undefined when there is none.
 */
export function loadDotEnv(dir: string = process.cwd()): string | undefined {
  const path = join(dir, '.env');
  if (!existsSync(path)) return undefined;
  try {
    process.loadEnvFile(path);
  } catch (err) {
    throw new ConfigError(`${path} could not be read (${(err as Error).message}): fix or remove it`);
  }
  return path;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${raw} is not valid: set it to a whole number from ${min} to ${max}`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}=${env[name]} is not valid: set it to on or off (true or false also work)`);
}

function required(env: Env, name: string, why: string): string {
  const v = env[name];
  if (v === undefined || v === '') throw new ConfigError(`${name} is required ${why}`);
  return v;
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

function size(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const m = /^(\d+)\s*([a-z]*)$/i.exec(raw.trim());
  const unit = m ? SIZE_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) {
    throw new ConfigError(`${name}=${raw} is not valid: give a size such as 2GB, 500MB or 1048576`);
  }
  return Number(m[1]) * unit;
}

const DURATION_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds, written as a number of seconds or with a unit: 90s, 30m, 24h, 7d. */
function duration(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const m = /^(\d{1,9})\s*([a-z]?)$/i.exec(raw.trim());
  const unit = m ? DURATION_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  const seconds = m && unit !== undefined ? Number(m[1]) * unit : Number.NaN;
  if (!(seconds >= min && seconds <= max)) {
    throw new ConfigError(
      `${name}=${raw} is not valid: give a duration from ${min} seconds to ${max / 86400} days, such as 24h, 30m or 3600`,
    );
  }
  return seconds;
}

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(
      `${name}=${raw} is not valid: give an absolute http(s) URL such as https://updates.example.com`,
    );
  }
  return raw.replace(/\/+$/, '');
}

/** S3's bucket naming rules (the strictest of the services Updraft supports), checked before anything is sent. */
function bucket(env: Env, name: string, why: string): string {
  const value = required(env, name, why);
  if (
    !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) ||
    value.includes('..') ||
    /^\d+\.\d+\.\d+\.\d+$/.test(value)
  ) {
    throw new ConfigError(
      `${name}=${value} is not a valid bucket name: use 3 to 63 lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit`,
    );
  }
  return value;
}

/**
 * S3_PRIVATE_URL: the S3 endpoint as clients reach it (scheme, host and port). A path is allowed only when it is the
 * private bucket (a path-style URL of it), since a signed URL cannot carry any other path.
 */
function presignEndpoint(env: Env, privateBucket: string): S3Options['presignEndpoint'] {
  const raw = env.S3_PRIVATE_URL;
  if (!raw) return undefined;
  const hint =
    'give the S3 endpoint as clients reach it, e.g. https://s3.example.com or http://localhost:9100';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(`S3_PRIVATE_URL=${raw} is not valid: ${hint}`);
  }
  const path = u.pathname.replace(/\/+$/, '');
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.search || u.hash || u.username) {
    throw new ConfigError(`S3_PRIVATE_URL=${raw} is not valid: ${hint}`);
  }
  if (path !== '' && path !== `/${privateBucket}`) {
    throw new ConfigError(
      `S3_PRIVATE_URL=${raw} has a path: signed URLs are built on the endpoint itself; ${hint}`,
    );
  }
  return {
    endPoint: u.hostname,
    port: u.port ? Number(u.port) : undefined,
    useSSL: u.protocol === 'https:',
  };
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** A secret kept in DATA_DIR so that restarts of an embedded install keep their sessions. */
export function persistentSecret(dataDir: string, file: string): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return secret;
}

/** METRICS is on or off; setting only METRICS_TOKEN turns it on (a token nobody could use would be a mistake). */
function metricsConfig(env: Env): MetricsConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) {
    throw new ConfigError(
      'METRICS_TOKEN is too short: use at least 16 characters, e.g. `openssl rand -base64 24`',
    );
  }
  const raw = (env.METRICS ?? '').toLowerCase();
  if (raw === '') return { enabled: token !== undefined, token };
  if (raw !== 'on' && raw !== 'off') {
    throw new ConfigError(`METRICS=${env.METRICS} is not valid: use on (serve GET /metrics) or off`);
  }
  return { enabled: raw === 'on', token };
}

/**
 * Fenfa's configured tokens, for a drop-in move from Fenfa: each needs FENFA_TOKEN_OWNER (whose tenant they act for),
 * and Fenfa's development defaults are refused, as is any short token: there are no default tokens.
 */
function fenfaConfig(env: Env): ConfiguredFenfaTokens {
  const adminToken = env.FENFA_ADMIN_TOKEN || undefined;
  const uploadToken = env.FENFA_UPLOAD_TOKEN || undefined;
  const owner = env.FENFA_TOKEN_OWNER || undefined;
  for (const [name, value] of [
    ['FENFA_ADMIN_TOKEN', adminToken],
    ['FENFA_UPLOAD_TOKEN', uploadToken],
  ] as const) {
    if (value === undefined) continue;
    if (value.length < 16 || /^dev-(admin|upload)-token$/.test(value)) {
      throw new ConfigError(
        `${name} is too short or a default: use at least 16 characters, e.g. \`openssl rand -hex 24\``,
      );
    }
    if (owner === undefined) {
      throw new ConfigError(
        `${name} needs FENFA_TOKEN_OWNER: the username of the admin whose apps the token manages`,
      );
    }
  }
  if (adminToken !== undefined && adminToken === uploadToken) {
    throw new ConfigError('FENFA_ADMIN_TOKEN and FENFA_UPLOAD_TOKEN must differ');
  }
  if (owner !== undefined && adminToken === undefined && uploadToken === undefined) {
    throw new ConfigError(
      'FENFA_TOKEN_OWNER is set without FENFA_ADMIN_TOKEN or FENFA_UPLOAD_TOKEN: set one or unset it',
    );
  }
  return { adminToken, uploadToken, owner };
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = int(env, 'PORT', 9000, 0, 65535);
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL is not valid: use postgres://user:password@host:5432/dbname, or unset it for the embedded database',
    );
  }
  const driver = (env.STORAGE_DRIVER || 'local').toLowerCase();
  if (driver !== 'local' && driver !== 's3') {
    throw new ConfigError(`STORAGE_DRIVER=${env.STORAGE_DRIVER} is not valid: use local or s3`);
  }
  let s3: S3Options | undefined;
  if (driver === 's3') {
    const why = 'when STORAGE_DRIVER=s3';
    const useSSL = bool(env, 'S3_USE_SSL', true);
    const endPoint = required(env, 'S3_ENDPOINT', `${why} (host name only, e.g. s3.amazonaws.com or minio)`);
    if (endPoint.includes('://')) {
      throw new ConfigError(
        'S3_ENDPOINT must be a host name without scheme: set S3_USE_SSL for TLS and S3_PORT for the port',
      );
    }
    const s3Port = env.S3_PORT ? int(env, 'S3_PORT', 443, 1, 65535) : undefined;
    const publicBucket = bucket(env, 'S3_BUCKET_PUBLIC', why);
    const privateBucket = bucket(env, 'S3_BUCKET_PRIVATE', why);
    const secretKey = required(env, 'S3_SECRET_KEY', why);
    rejectPlaceholder(nodeEnv, 'S3_SECRET_KEY', secretKey, "set the storage service's real secret key");
    const defaultPublicBase = `${useSSL ? 'https' : 'http'}://${endPoint}${s3Port ? `:${s3Port}` : ''}/${publicBucket}`;
    s3 = {
      endPoint,
      port: s3Port,
      useSSL,
      accessKey: required(env, 'S3_ACCESS_KEY', why),
      secretKey,
      region: env.S3_REGION || 'us-east-1',
      publicBucket,
      privateBucket,
      publicUrlBase: url(env, 'S3_PUBLIC_URL', defaultPublicBase),
      pathStyle: bool(env, 'S3_PATH_STYLE', true),
    };
    const presign = presignEndpoint(env, privateBucket);
    if (presign) s3.presignEndpoint = presign;
  }
  const apiUrl = url(env, 'API_URL', `http://localhost:${port || 9000}`);
  rejectPlaceholder(
    nodeEnv,
    'JWT_SECRET',
    env.JWT_SECRET,
    'anyone who read the example could forge sessions; set a random string, e.g. `openssl rand -base64 32`',
  );
  let jwtSecret = env.JWT_SECRET || '';
  if (!jwtSecret) {
    if (nodeEnv === 'production') {
      throw new ConfigError(
        'JWT_SECRET is required in production: set it to a random string, e.g. `openssl rand -base64 32`',
      );
    }
    jwtSecret = persistentSecret(dataDir, 'jwt-secret');
  } else if (jwtSecret.length < 16) {
    throw new ConfigError(
      'JWT_SECRET is too short: use at least 16 characters, e.g. `openssl rand -base64 32`',
    );
  }
  const apiKey = env.API_KEY || undefined;
  rejectPlaceholder(
    nodeEnv,
    'API_KEY',
    apiKey,
    'anyone who read the example could sign up; set a random string, e.g. `openssl rand -base64 24`, or unset it for a one-time key',
  );
  if (apiKey !== undefined && apiKey.length < 12) {
    throw new ConfigError('API_KEY is too short: use at least 12 characters, e.g. `openssl rand -base64 16`');
  }
  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(
      `LOG_LEVEL=${logLevel} is not valid: use fatal, error, warn, info, debug, trace or silent`,
    );
  }
  return {
    env: nodeEnv,
    metrics: metricsConfig(env),
    fenfa: fenfaConfig(env),
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    storageDriver: driver,
    s3,
    apiUrl,
    appleApiUrl: url(env, 'APPLE_API_URL', APPLE_API_URL),
    jwtSecret,
    apiKey,
    tokenTtlSeconds: int(env, 'TOKEN_TTL_SECONDS', 24 * 3600, 60, 365 * 24 * 3600),
    uploadMaxBytes: size(env, 'UPLOAD_MAX_BYTES', 2 * 1024 ** 3),
    uploadSessionTtlSeconds: duration(env, 'UPLOAD_SESSION_TTL', 24 * 3600, 60, 30 * 86400),
    jsonMaxBytes: size(env, 'JSON_MAX_BYTES', 1024 ** 2),
    signedUrlTtlSeconds: int(env, 'SIGNED_URL_TTL_SECONDS', 900, 10, 7 * 24 * 3600),
    loginLimitPerIp: int(env, 'LOGIN_LIMIT_PER_IP', 10, 1, 100000),
    loginLimitPerUser: int(env, 'LOGIN_LIMIT_PER_USER', 5, 1, 100000),
    loginLimitPerAccount: int(env, 'LOGIN_LIMIT_PER_ACCOUNT', 20, 1, 100000),
    loginWindowSeconds: int(env, 'LOGIN_WINDOW_SECONDS', 60, 1, 86400),
    allowedCors: (env.ALLOWED_CORS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: trustProxy(env.TRUST_PROXY),
    bcryptCost: int(env, 'BCRYPT_COST', 10, 4, 15),
    telemetry: bool(env, 'TELEMETRY', true),
    telemetryRetentionDays: int(env, 'TELEMETRY_RETENTION_DAYS', 30, 1, 3650),
    staleIfErrorSeconds: int(env, 'STALE_IF_ERROR_SECONDS', 6 * 3600, 0, 7 * 24 * 3600),
    logLevel,
    headersTimeoutSeconds: int(env, 'HEADERS_TIMEOUT_SECONDS', 20, 1, 600),
    bodyIdleTimeoutSeconds: int(env, 'BODY_IDLE_TIMEOUT_SECONDS', 60, 1, 3600),
    keepAliveTimeoutSeconds: int(env, 'KEEP_ALIVE_TIMEOUT_SECONDS', 5, 1, 600),
    reports: {
      enabled: bool(env, 'REPORTS_ENABLED', true),
      maxBodyBytes: size(env, 'REPORTS_MAX_BODY_BYTES', 256 * 1024),
      maxDetailsCompressedBytes: size(env, 'REPORTS_MAX_DETAILS_COMPRESSED_BYTES', 128 * 1024),
      maxDetailsDecompressedBytes: size(env, 'REPORTS_MAX_DETAILS_DECOMPRESSED_BYTES', 1024 ** 2),
      perKeyPerMinute: int(env, 'REPORTS_RATE_LIMIT_PER_KEY_PER_MINUTE', 100, 1, 1_000_000),
      blobRetentionDays: int(env, 'REPORTS_BLOB_RETENTION_DAYS', 30, 1, 3650),
      maxBlobsPerGroup: int(env, 'REPORTS_MAX_BLOBS_PER_GROUP', 10, 1, 1000),
    },
  };
}
