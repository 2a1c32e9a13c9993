import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  credentialsPath,
  removeCredentials,
  resolveCredentials,
  storeCredentials,
} from '../../src/cli/credentials.js';

describe('the credentials of the command line', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'updraft-credentials-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('lives in ~/.config/updraft, or under XDG_CONFIG_HOME when set', () => {
    expect(credentialsPath({ HOME: home })).toBe(join(home, '.config/updraft/config.json'));
    expect(credentialsPath({ HOME: home, XDG_CONFIG_HOME: join(home, 'xdg') })).toBe(
      join(home, 'xdg/updraft/config.json'),
    );
  });

  it('is written for its owner only, even over a file that was readable by others', () => {
    const env = { HOME: home };
    const path = credentialsPath(env);
    storeCredentials({ url: 'http://a.test', token: 'first' }, env);
    writeFileSync(path, '{}', { mode: 0o644 });
    storeCredentials({ url: 'http://a.test', token: 'second', username: 'acme' }, env);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(resolveCredentials(env)).toEqual({ url: 'http://a.test', token: 'second', username: 'acme' });
  });

  it('takes UPDRAFT_URL and UPDRAFT_TOKEN over the file, each on its own', () => {
    const env = { HOME: home };
    storeCredentials({ url: 'http://stored.test', token: 'stored', username: 'acme' }, env);
    expect(resolveCredentials({ ...env, UPDRAFT_TOKEN: 'fns_ci' })).toEqual({
      url: 'http://stored.test',
      token: 'fns_ci',
    });
    expect(resolveCredentials({ ...env, UPDRAFT_URL: 'https://ci.test/' })).toEqual({
      url: 'https://ci.test',
      token: 'stored',
      username: 'acme',
    });
    expect(
      resolveCredentials({ HOME: join(home, 'none'), UPDRAFT_URL: 'https://ci.test', UPDRAFT_TOKEN: 't' }),
    ).toEqual({ url: 'https://ci.test', token: 't' });
  });

  it('says what to do when there are none, or when they are unusable', () => {
    expect(() => resolveCredentials({ HOME: home })).toThrow(/not logged in: run updraft login/);
    expect(() => resolveCredentials({ HOME: home, UPDRAFT_URL: 'ftp://x', UPDRAFT_TOKEN: 't' })).toThrow(
      'UPDRAFT_URL "ftp://x" must start with http:// or https://',
    );
    const env = { HOME: home };
    storeCredentials({ url: 'http://a.test', token: 't' }, env);
    writeFileSync(credentialsPath(env), 'not json');
    expect(() => resolveCredentials(env)).toThrow(/is not valid JSON: run updraft login again/);
    expect(removeCredentials(env)).toBe(true);
    expect(removeCredentials(env)).toBe(false);
  });
});
