import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSignupKey } from '../../src/core/auth/signup-key.js';
import { createAdmin } from '../../src/core/commands/create-admin.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { PASSWORD, uniqueName } from '../helpers/auth.js';

const CLOSED = /sign-up is closed: set API_KEY .*updraft create-admin/;

describe('one-time sign-up key (no API_KEY)', () => {
  let t: TestApp;
  let keyFile: string;

  beforeAll(async () => {
    // An empty API_KEY counts as unset.
    t = await createTestApp({ API_KEY: '' });
    keyFile = join(t.dataDir, 'signup-key');
  });

  afterAll(async () => {
    await t?.close();
  });

  const signup = (apiKey: string | undefined, username = uniqueName('admin')) =>
    request(t.app).post('/signup').send({ username, password: PASSWORD, api_key: apiKey });

  it('is closed before a key is minted, and an empty key does not open it', async () => {
    expect(t.ctx.config.apiKey).toBeUndefined();
    expect(existsSync(keyFile)).toBe(false);
    const res = await signup('').expect(403);
    expect(res.body.error).toMatch(CLOSED);
    await signup(undefined).expect(403);
  });

  it('mints a key readable only by the owner, and keeps it across restarts until used', async () => {
    const key = await prepareSignupKey(t.ctx.config, t.ctx.database.db);
    expect(key).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
    expect(await prepareSignupKey(t.ctx.config, t.ctx.database.db)).toBe(key);
  });

  it('refuses a wrong key and keeps the right one', async () => {
    const res = await signup('not-the-key-at-all').expect(401);
    expect(res.body).toEqual({ error: 'wrong api key' });
    expect(existsSync(keyFile)).toBe(true);
  });

  it('keeps the key when the sign-up fails before or while the admin is written', async () => {
    const key = readFileSync(keyFile, 'utf8').trim();
    await signup(key, 'a/b').expect(400);
    expect(existsSync(keyFile)).toBe(true);

    // A constraint makes the insert itself fail, after the key was taken: the key must come back.
    const db = t.ctx.database.db;
    await sql`ALTER TABLE users ADD CONSTRAINT test_refuse_name CHECK (username <> 'refused-admin')`.execute(
      db,
    );
    try {
      await signup(key, 'refused-admin').expect(500);
    } finally {
      await sql`ALTER TABLE users DROP CONSTRAINT test_refuse_name`.execute(db);
    }
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
  });

  it('creates exactly one admin with the key, then sign-up is closed again', async () => {
    const key = readFileSync(keyFile, 'utf8').trim();
    const first = uniqueName('first');
    const second = uniqueName('second');
    const both = await Promise.all([signup(key, first), signup(key, second)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 403]);
    const winner = both[0]?.status === 200 ? first : second;
    expect(existsSync(keyFile)).toBe(false);
    await request(t.app).post('/login').send({ username: winner, password: PASSWORD }).expect(200);

    const again = await signup(key).expect(403);
    expect(again.body.error).toMatch(CLOSED);
  });

  it('mints no key once an admin exists, and removes a left-over key file', async () => {
    writeFileSync(keyFile, 'left-over-key\n', { mode: 0o600 });
    expect(await prepareSignupKey(t.ctx.config, t.ctx.database.db)).toBeUndefined();
    expect(existsSync(keyFile)).toBe(false);
    await signup('left-over-key').expect(403);
  });

  it('still lets the command line create admins', async () => {
    const username = uniqueName('cli');
    await createAdmin(t.ctx.database.db, t.ctx.config, { username, password: PASSWORD });
    await request(t.app).post('/login').send({ username, password: PASSWORD }).expect(200);
    await expect(
      createAdmin(t.ctx.database.db, t.ctx.config, { username, password: PASSWORD }),
    ).rejects.toThrow(/user already exists/);
  });
});
