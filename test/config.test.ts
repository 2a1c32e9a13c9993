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
    ['UPLOAD_MAX_BYTES', { UPLOAD_MAX_BYTES: 'lots' }],
    ['UPLOAD_MAX_BYTES', { UPLOAD_MAX_BYTES: '0' }],
    ['S3_ENDPOINT', { ...S3, S3_ENDPOINT: undefined }],
    ['S3_ENDPOINT', { ...S3, S3_ENDPOINT: 'https://minio.internal' }],
    ['S3_ACCESS_KEY', { ...S3, S3_ACCESS_KEY: undefined }],
    ['S3_SECRET_KEY', { ...S3, S3_SECRET_KEY: '' }],
    ['S3_BUCKET_PUBLIC', { ...S3, S3_BUCKET_PUBLIC: undefined }],
    ['S3_BUCKET_PRIVATE', { ...S3, S3_BUCKET_PRIVATE: undefined }],
    ['JWT_SECRET', { JWT_SECRET: 'too-short' }],
    ['API_KEY', { API_KEY: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
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
});
