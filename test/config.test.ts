import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

// A JWT secret given up front keeps loadConfig from writing one into ./data.
const SECRET = 'a-test-secret-of-enough-length';

const S3 = {
  STORAGE_DRIVER: 's3',
  S3_ENDPOINT: 'minio.internal',
  S3_ACCESS_KEY: 'access',
  S3_SECRET_KEY: 'secret',
  S3_BUCKET_PUBLIC: 'public-bucket',
  S3_BUCKET_PRIVATE: 'private-bucket',
};

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'updraft-config-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('has working defaults: port 9000, ./data, local storage, embedded database', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config.port).toBe(9000);
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.storageDriver).toBe('local');
    expect(config.s3).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.apiUrl).toBe('http://localhost:9000');
    expect(config.apiKey).toBeUndefined();
    expect(config.env).toBe('development');
    expect(config.loginLimitPerIp).toBeGreaterThan(0);
    expect(config.loginLimitPerUser).toBeGreaterThan(0);
    expect(config.uploadMaxBytes).toBe(2 * 1024 ** 3);
    expect(config.uploadSessionTtlSeconds).toBe(24 * 3600);
  });

  it('reads UPLOAD_SESSION_TTL as seconds or with a unit', () => {
    const ttl = (value: string) =>
      loadConfig({ JWT_SECRET: SECRET, UPLOAD_SESSION_TTL: value }).uploadSessionTtlSeconds;
    expect(ttl('3600')).toBe(3600);
    expect(ttl('90s')).toBe(90);
    expect(ttl('30m')).toBe(1800);
    expect(ttl('48h')).toBe(48 * 3600);
    expect(ttl('7d')).toBe(7 * 86400);
  });

  it("talks to Apple's App Store Connect unless APPLE_API_URL points elsewhere", () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).appleApiUrl).toBe('https://api.appstoreconnect.apple.com');
    expect(loadConfig({ JWT_SECRET: SECRET, APPLE_API_URL: 'http://127.0.0.1:4010/' }).appleApiUrl).toBe(
      'http://127.0.0.1:4010',
    );
  });

  it('reads sizes with units and a complete S3 set-up', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, UPLOAD_MAX_BYTES: '500MB' }).uploadMaxBytes).toBe(
      500 * 1024 ** 2,
    );
    expect(loadConfig({ JWT_SECRET: SECRET, UPLOAD_MAX_BYTES: '1048576' }).uploadMaxBytes).toBe(1048576);
    const config = loadConfig({ JWT_SECRET: SECRET, ...S3 });
    expect(config.storageDriver).toBe('s3');
    expect(config.s3).toMatchObject({
      endPoint: 'minio.internal',
      publicBucket: 'public-bucket',
      useSSL: true,
    });
    expect(
      loadConfig({ JWT_SECRET: SECRET, DATABASE_URL: 'postgres://u:p@db:5432/updraft' }).databaseUrl,
    ).toBe('postgres://u:p@db:5432/updraft');
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['STORAGE_DRIVER', { STORAGE_DRIVER: 'ftp' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['API_URL', { API_URL: 'not-a-url' }],
    ['API_URL', { API_URL: 'ftp://example.com' }],
    ['APPLE_API_URL', { APPLE_API_URL: 'api.appstoreconnect.apple.com' }],
    ['UPLOAD_MAX_BYTES', { UPLOAD_MAX_BYTES: 'lots' }],
    ['UPLOAD_MAX_BYTES', { UPLOAD_MAX_BYTES: '0' }],
    ['UPLOAD_SESSION_TTL', { UPLOAD_SESSION_TTL: 'a day' }],
    ['UPLOAD_SESSION_TTL', { UPLOAD_SESSION_TTL: '10s' }],
    ['UPLOAD_SESSION_TTL', { UPLOAD_SESSION_TTL: '400d' }],
    ['S3_ENDPOINT', { ...S3, S3_ENDPOINT: undefined }],
    ['S3_ENDPOINT', { ...S3, S3_ENDPOINT: 'https://minio.internal' }],
    ['S3_ACCESS_KEY', { ...S3, S3_ACCESS_KEY: undefined }],
    ['S3_SECRET_KEY', { ...S3, S3_SECRET_KEY: '' }],
    ['S3_BUCKET_PUBLIC', { ...S3, S3_BUCKET_PUBLIC: undefined }],
    ['S3_BUCKET_PRIVATE', { ...S3, S3_BUCKET_PRIVATE: undefined }],
    ['JWT_SECRET', { JWT_SECRET: 'too-short' }],
    ['API_KEY', { API_KEY: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['TELEMETRY', { TELEMETRY: 'maybe' }],
    ['S3_BUCKET_PUBLIC', { ...S3, S3_BUCKET_PUBLIC: 'Public_Bucket' }],
    ['S3_BUCKET_PRIVATE', { ...S3, S3_BUCKET_PRIVATE: 'ab' }],
    ['S3_BUCKET_PRIVATE', { ...S3, S3_BUCKET_PRIVATE: 'a..b' }],
    ['S3_BUCKET_PRIVATE', { ...S3, S3_BUCKET_PRIVATE: '192.168.1.10' }],
    ['S3_PRIVATE_URL', { ...S3, S3_PRIVATE_URL: 's3.example.com' }],
    ['S3_PRIVATE_URL', { ...S3, S3_PRIVATE_URL: 'ftp://s3.example.com' }],
    ['S3_PRIVATE_URL', { ...S3, S3_PRIVATE_URL: 'https://s3.example.com/another-bucket' }],
  ] as [string, Record<string, string | undefined>][])('names %s when it is wrong (%j)', (name, env) => {
    expect(configError({ JWT_SECRET: SECRET, ...env }).message).toContain(name);
  });

  it('requires JWT_SECRET in production', () => {
    const dataDir = tempDir();
    const err = configError({ NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(err.message).toContain('JWT_SECRET');
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, JWT_SECRET: SECRET }).env).toBe(
      'production',
    );
  });

  it('keeps a generated JWT secret in DATA_DIR, readable only by the owner', () => {
    const dataDir = join(tempDir(), 'nested');
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'jwt-secret');
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first.jwtSecret);
    expect(loadConfig({ DATA_DIR: tempDir() }).jwtSecret).not.toBe(first.jwtSecret);
  });

  it('TELEMETRY takes on/off and true/false, and says so when it is neither', () => {
    for (const [value, on] of [
      ['on', true],
      ['off', false],
      ['true', true],
      ['false', false],
      ['OFF', false],
    ] as const) {
      expect(loadConfig({ JWT_SECRET: SECRET, TELEMETRY: value }).telemetry).toBe(on);
    }
    expect(configError({ JWT_SECRET: SECRET, TELEMETRY: 'maybe' }).message).toBe(
      'TELEMETRY=maybe is not valid: set it to on or off (true or false also work)',
    );
  });

  it('reads S3_PRIVATE_URL as the endpoint clients reach, with or without the private bucket as its path', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, ...S3 }).s3?.presignEndpoint).toBeUndefined();
    expect(
      loadConfig({ JWT_SECRET: SECRET, ...S3, S3_PRIVATE_URL: 'https://s3.example.com' }).s3?.presignEndpoint,
    ).toEqual({ endPoint: 's3.example.com', port: undefined, useSSL: true });
    expect(
      loadConfig({ JWT_SECRET: SECRET, ...S3, S3_PRIVATE_URL: 'http://localhost:9100/private-bucket/' }).s3
        ?.presignEndpoint,
    ).toEqual({ endPoint: 'localhost', port: 9100, useSSL: false });
  });

  it("refuses the examples' placeholder secrets in production only, without printing them", () => {
    const dataDir = tempDir();
    for (const env of [
      { JWT_SECRET: 'change-me-to-a-long-random-string' },
      { JWT_SECRET: SECRET, API_KEY: 'change-me-signup-key' },
      { JWT_SECRET: SECRET, API_KEY: 'replace-me-with-a-key' },
      { JWT_SECRET: SECRET, ...S3, S3_SECRET_KEY: 'updraft-minio-secret' },
    ]) {
      const err = configError({ NODE_ENV: 'production', DATA_DIR: dataDir, ...env });
      expect(err.message).toMatch(
        /^(JWT_SECRET|API_KEY|S3_SECRET_KEY) is still a placeholder from the examples/,
      );
      expect(err.message).not.toMatch(/change-me|replace-me|updraft-minio-secret/);
      expect(loadConfig({ DATA_DIR: dataDir, ...env }).env).toBe('development');
    }
  });

  it('binds FENFA_ADMIN_TOKEN and FENFA_UPLOAD_TOKEN to FENFA_TOKEN_OWNER, with no default tokens', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).fenfa).toEqual({
      adminToken: undefined,
      uploadToken: undefined,
      owner: undefined,
    });
    const admin = 'a'.repeat(24);
    const uploader = 'u'.repeat(24);
    expect(
      loadConfig({
        JWT_SECRET: SECRET,
        FENFA_ADMIN_TOKEN: admin,
        FENFA_UPLOAD_TOKEN: uploader,
        FENFA_TOKEN_OWNER: 'root',
      }).fenfa,
    ).toEqual({ adminToken: admin, uploadToken: uploader, owner: 'root' });
    expect(configError({ JWT_SECRET: SECRET, FENFA_ADMIN_TOKEN: admin }).message).toMatch(
      /^FENFA_ADMIN_TOKEN needs FENFA_TOKEN_OWNER/,
    );
    expect(
      configError({ JWT_SECRET: SECRET, FENFA_UPLOAD_TOKEN: 'dev-upload-token', FENFA_TOKEN_OWNER: 'root' })
        .message,
    ).toMatch(/^FENFA_UPLOAD_TOKEN is too short or a default/);
    expect(configError({ JWT_SECRET: SECRET, FENFA_TOKEN_OWNER: 'root' }).message).toMatch(
      /^FENFA_TOKEN_OWNER is set without/,
    );
    expect(
      configError({
        JWT_SECRET: SECRET,
        FENFA_ADMIN_TOKEN: admin,
        FENFA_UPLOAD_TOKEN: admin,
        FENFA_TOKEN_OWNER: 'root',
      }).message,
    ).toBe('FENFA_ADMIN_TOKEN and FENFA_UPLOAD_TOKEN must differ');
  });
});
