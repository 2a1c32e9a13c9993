import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Config, ConfigError, loadConfig } from '../../src/config.js';

/**
 * The deployment files checked against the code, since neither docker nor `docker compose config` runs here: every
 * variable the compose file gives Updraft is one the config module reads, every secret must be set (`${VAR:?…}`),
 * images are pinned; `.env.example`, the README and the config module agree on every variable and default.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Secrets that compose must refuse to start without. */
const SECRETS = ['JWT_SECRET', 'API_KEY', 'S3_SECRET_KEY', 'POSTGRES_PASSWORD'];
/** Variables of `.env.example` that only the compose file reads. */
const COMPOSE_ONLY = ['POSTGRES_PASSWORD'];

/** Every variable loadConfig reads, found by running it (with the S3 driver and PostgreSQL) over a recording env. */
function variablesReadByConfig(): Set<string> {
  const seen = new Set<string>();
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    JWT_SECRET: 'a-test-secret-of-enough-length',
    DATABASE_URL: 'postgres://u:p@db:5432/updraft',
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: 'minio',
    S3_PORT: '9000',
    S3_ACCESS_KEY: 'access',
    S3_SECRET_KEY: 'secret-key',
    S3_BUCKET_PUBLIC: 'public-bucket',
    S3_BUCKET_PRIVATE: 'private-bucket',
  };
  loadConfig(
    new Proxy(env, {
      get(target, name) {
        if (typeof name === 'string') seen.add(name);
        return target[name as string];
      },
    }),
  );
  return seen;
}

interface ExampleLine {
  name: string;
  value: string;
  commented: boolean;
}

function envExample(): ExampleLine[] {
  const lines: ExampleLine[] = [];
  for (const line of read('.env.example').split('\n')) {
    const m = /^(#\s*)?([A-Z][A-Z0-9_]*)=(\S*)/.exec(line);
    if (m) lines.push({ name: m[2] as string, value: m[3] as string, commented: Boolean(m[1]) });
  }
  return lines;
}

/** Rows of every README table whose first cell names variables: variable → its default as written. */
function readmeVariables(): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of read('README.md').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !/^`[A-Z][A-Z0-9_]*`( \/ `[A-Z][A-Z0-9_]*`)*$/.test(cells[1] as string)) continue;
    const names = (cells[1] as string).split(' / ').map((n) => n.replaceAll('`', ''));
    const defaults = (cells[2] as string).split(' / ').map((d) => d.replaceAll('`', ''));
    names.forEach((name, i) => {
      vars.set(name, (names.length === defaults.length ? defaults[i] : cells[2]) ?? '');
    });
  }
  return vars;
}

interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
}

const compose = () => parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };

/** `${NAME…}` interpolations in the compose file, with the operator (`:?`, `:-`, none). */
function interpolations(): { name: string; form: string }[] {
  return [...read('docker-compose.yml').matchAll(/(?<!\$)\$\{([A-Z][A-Z0-9_]*)(:\?|:-|\?|-)?[^}]*\}/g)].map(
    (m) => ({ name: m[1] as string, form: m[2] ?? '' }),
  );
}

/** The updraft service's environment as compose would hand it over, given the values of .env. */
function composeEnvironment(dotEnv: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, raw] of Object.entries(compose().services.updraft?.environment ?? {})) {
    env[key] = String(raw).replace(
      /\$\{([A-Z][A-Z0-9_]*)(?::([?-])([^}]*))?\}/g,
      (_, name: string, op: string | undefined, rest: string) => {
        const value = dotEnv[name];
        if (value) return value;
        if (op === '?') throw new Error(`compose refuses: ${rest}`);
        return op === '-' ? rest : '';
      },
    );
  }
  return env;
}

describe('docker-compose.yml', () => {
  it('gives Updraft only variables the config module reads, and reads the rest from .env', () => {
    const updraft = compose().services.updraft;
    expect(updraft?.env_file).toBe('.env');
    const known = variablesReadByConfig();
    const unknown = Object.keys(updraft?.environment ?? {}).filter((name) => !known.has(name));
    expect(unknown).toEqual([]);
  });

  it('refuses to start without each secret (the `:?` form), and every variable it reads is in .env.example', () => {
    const refs = interpolations();
    for (const secret of SECRETS) {
      const uses = refs.filter((r) => r.name === secret);
      expect(uses.length, secret).toBeGreaterThan(0);
      for (const use of uses) expect(use.form, secret).toBe(':?');
    }
    const example = new Set(envExample().map((l) => l.name));
    expect(refs.map((r) => r.name).filter((name) => !example.has(name))).toEqual([]);
    expect(() => composeEnvironment({})).toThrow(/set JWT_SECRET in .env/);
  });

  it('hands Updraft a configuration it accepts in production once the secrets are set, and S3_PRIVATE_URL', () => {
    const env = composeEnvironment({
      JWT_SECRET: 'f3a1c9d27e5b48a6b0c4d8e2f7a9b1c3',
      API_KEY: '9c2e4a6b8d0f1e3a5c7b9d1f',
      S3_SECRET_KEY: '4b6d8f0a2c4e6a8b0d2f4a6c',
      POSTGRES_PASSWORD: '7e9a1c3b5d7f9b1d3f5a7c9e',
    });
    const config = loadConfig(env);
    expect(config.env).toBe('production');
    expect(config.databaseUrl).toBe('postgres://updraft:7e9a1c3b5d7f9b1d3f5a7c9e@postgres:5432/updraft');
    expect(config.s3).toMatchObject({
      endPoint: 'minio',
      port: 9000,
      useSSL: false,
      publicUrlBase: 'http://localhost:9100/updraft-public',
      presignEndpoint: { endPoint: 'localhost', port: 9100, useSSL: false },
    });
  });

  it('with the placeholders of earlier versions, Updraft refuses to start', () => {
    const env = composeEnvironment({
      JWT_SECRET: 'change-me-to-a-long-random-string',
      API_KEY: '9c2e4a6b8d0f1e3a5c7b9d1f',
      S3_SECRET_KEY: '4b6d8f0a2c4e6a8b0d2f4a6c',
      POSTGRES_PASSWORD: 'x',
    });
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() =>
      loadConfig({ ...env, JWT_SECRET: 'f3a1c9d27e5b48a6b0c4d8e2f7a9b1c3', API_KEY: 'change-me-signup-key' }),
    ).toThrow(/API_KEY is still a placeholder/);
  });

  it('pins every image by version and restarts the long-running services', () => {
    for (const [name, service] of Object.entries(compose().services)) {
      if (service.image) {
        const tag = service.image.split(':')[1] ?? '';
        expect(tag, name).not.toBe('');
        expect(tag, name).not.toMatch(/latest/);
        // A full version (16.9, RELEASE.2025-04-22…), not a moving major tag such as postgres:16.
        expect(tag, name).toMatch(/\d+[.-]\d+/);
      }
      expect(service.restart, name).toBeDefined();
    }
    for (const name of ['updraft', 'postgres', 'minio']) {
      expect(compose().services[name]?.restart, name).toBe('unless-stopped');
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds from a base image pinned to a full Node version', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20\.\d+\.\d+-bookworm-slim$/m);
    for (const from of dockerfile.match(/^FROM .*$/gm) ?? []) expect(from).toMatch(/^FROM \$\{NODE_IMAGE\}/);
  });

  it('installs production dependencies only for the runtime, and esbuild alone for the build', () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const deps = stages.find((s) => s.includes('AS deps')) ?? '';
    const build = stages.find((s) => s.includes('AS build')) ?? '';
    const runtime = stages.at(-1) ?? '';
    expect(deps).toContain('npm ci --omit=dev');
    expect(build).not.toMatch(/npm ci(?! --omit=dev)/);
    expect(build).toMatch(/npm install --no-save[^\n]*\\\n\s*"esbuild@/);
    expect(runtime).toContain('COPY --from=deps /app/node_modules ./node_modules');
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
  });

  it('builds the console and the public page into the image', () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const web = stages.find((s) => s.includes('AS web')) ?? '';
    expect(web).toContain('RUN node scripts/build-web.mjs');
    // Every package the bundles import is installed in that stage.
    const imported = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (/\.tsx?$|\.js$/.test(entry.name)) {
          for (const [, name] of readFileSync(path, 'utf8').matchAll(
            /^import (?!type )[^'"]*['"]([^./'"][^'"]*)['"]/gm,
          )) {
            imported.add(
              name?.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name?.split('/')[0] ?? ''),
            );
          }
        }
      }
    };
    scan('web');
    scan('packages/client');
    for (const name of imported) expect(web, name).toContain(`'${name}'`);
    expect(stages.at(-1)).toContain('COPY --from=web /app/dist-web ./dist-web');
  });

  it('copies into the runtime every file the server imports from outside src/, with its package.json', () => {
    // dist/ mirrors src/, so `../../packages/client/index.js` from dist/cli/ reaches the same file as from src/cli/.
    const outside = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (entry.name.endsWith('.ts')) {
          for (const [, spec] of read(path).matchAll(/^import (?!type )[^'"]*['"](\.[^'"]*)['"]/gm)) {
            const target = join(dirname(path), spec ?? '');
            if (!target.startsWith('src/')) outside.add(target);
          }
        }
      }
    };
    scan('src');
    expect([...outside]).toContain('packages/client/index.js');
    const runtime = dockerfile.split(/^FROM /m).at(-1) ?? '';
    const copied = (runtime.match(/^COPY (?!--from)(.*) \S+$/gm) ?? []).flatMap((line) =>
      line.split(' ').slice(1),
    );
    for (const file of outside) {
      expect(copied, file).toContain(file);
      expect(copied, file).toContain(join(dirname(file), 'package.json'));
    }
  });
});

describe('.env.example, README and the config module', () => {
  it('name the same variables, and every variable the config module reads', () => {
    const example = new Set(envExample().map((l) => l.name));
    const readme = new Set(readmeVariables().keys());
    expect(
      [...example].filter((v) => !readme.has(v)),
      'in .env.example, not in the README',
    ).toEqual([]);
    expect(
      [...readme].filter((v) => !example.has(v)),
      'in the README, not in .env.example',
    ).toEqual([]);
    const config = variablesReadByConfig();
    expect(
      [...config].filter((v) => !example.has(v)),
      'read by config, not in .env.example',
    ).toEqual([]);
    expect(
      [...example].filter((v) => !config.has(v) && !COMPOSE_ONLY.includes(v)),
      'in .env.example, not read by config',
    ).toEqual([]);
  });

  it('agree on every default: the README shows it, and setting it changes nothing', () => {
    const readme = readmeVariables();
    const defaults = envExample().filter((l) => !l.commented && l.value !== '');
    expect(defaults.length).toBeGreaterThan(20);
    for (const { name, value } of defaults) expect(readme.get(name), name).toBe(value);
    // With JWT_SECRET given, loadConfig writes nothing into DATA_DIR (./data, the default both sides share).
    const base = { JWT_SECRET: 'a-test-secret-of-enough-length' };
    const withDefaults: Config = loadConfig({
      ...base,
      ...Object.fromEntries(defaults.map((l) => [l.name, l.value])),
    });
    expect(withDefaults).toEqual(loadConfig(base));
  });
});

describe('package.json', () => {
  it('every locked package supports the Node.js version package.json and the README promise', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    const minimum = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
    expect(minimum).toBeDefined();
    expect(read('README.md')).toContain(`Node.js ${minimum} or newer`);
    // semver comes with npm's own dependency tree; it has no typings of its own here.
    const semver = createRequire(import.meta.url)('semver') as {
      satisfies(version: string, range: string): boolean;
    };
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => p.engines?.node && !semver.satisfies(`${minimum}.0`, p.engines.node))
      .map(([name, p]) => `${name} (${p.engines?.node})`);
    expect(refusing).toEqual([]);
  });
});
