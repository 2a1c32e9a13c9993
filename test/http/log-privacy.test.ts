import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, safeError } from '../../src/logger.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, PASSWORD } from '../helpers/auth.js';
import { bootstrapAdmin, newCustomer } from '../helpers/bindist.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { logger: createLogger('trace', sink) });
});

afterAll(async () => {
  await t.close();
});

describe('logs', () => {
  it('never carry SQL parameters, secrets or personal data, also of requests that fail in the database', async () => {
    const EMAIL = 'jane.doe.private@example.com';
    const EMAIL2 = 'john.roe.private@example.org';
    const NOTES = 'NOTE-SECRET-contract-4711';
    const NOTES2 = 'NOTE-SECRET-renewal-0815';
    const { token: jwt, username } = await newAdmin(t.app);
    const { admin, apiKey: adminKey } = await bootstrapAdmin(t.app);
    const customer = await newCustomer(admin, 'Acme Private');
    const secret = customer.apiKey.split('.')[1] as string;
    const secrets = [
      PASSWORD,
      jwt,
      adminKey,
      customer.apiKey,
      secret,
      createHash('sha256').update(secret).digest('hex'),
      secret.slice(0, 8),
      EMAIL,
      EMAIL2,
      NOTES,
      NOTES2,
    ];
    const db = t.ctx.database.db;

    // Ordinary traffic, and mistakes the server answers with 4xx.
    await request(t.app).post('/login').send({ username, password: PASSWORD }).expect(200);
    await request(t.app)
      .post('/login')
      .send({ username, password: `${PASSWORD}x` })
      .expect(401);
    await admin.patch(`/management/customers/${customer.customerId}`, { email: EMAIL, notes: NOTES });
    await request(t.app).get('/whoami').set(bearer(jwt)).expect(200);

    // A constraint the database enforces and the code does not expect: an error with the row's values.
    await sql`ALTER TABLE bindist_customers ADD CONSTRAINT updraft_test_no_renewals CHECK (notes NOT LIKE '%renewal%')`.execute(
      db,
    );
    const failed = await admin.patch(`/management/customers/${customer.customerId}`, {
      email: EMAIL2,
      notes: NOTES2,
    });
    expect(failed.statusCode).toBe(500);
    await sql`ALTER TABLE bindist_customers DROP CONSTRAINT updraft_test_no_renewals`.execute(db);

    // A query failing with the key's hash as its parameter.
    await sql`ALTER TABLE bindist_customers RENAME COLUMN key_hash TO key_hash_away`.execute(db);
    const lookup = await request(t.app).get('/v1/applications').set(bearer(customer.apiKey));
    await sql`ALTER TABLE bindist_customers RENAME COLUMN key_hash_away TO key_hash`.execute(db);
    expect(lookup.status).toBe(500);

    const log = lines.join('');
    const errors = lines.filter((line) => line.includes('"unhandled error"'));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    // What failed is still said: the constraint and the SQLSTATE.
    expect(log).toContain('updraft_test_no_renewals');
    expect(log).toContain('"code":"23514"');
    for (const value of secrets) expect(log, `the log holds ${value}`).not.toContain(value);
  });

  it('blank the values a data exception quotes, and keep what names the failure', () => {
    const err = Object.assign(new Error('invalid input syntax for type uuid: "jane@example.com"'), {
      severity: 'ERROR',
      code: '22P02',
      query: 'select 1 where id = $1',
      params: ['jane@example.com'],
      detail: 'Key (email)=(jane@example.com)',
      table: 'users',
    });
    const out = safeError(new Error('wrapped', { cause: err }));
    expect(JSON.stringify(out)).not.toContain('jane');
    expect(out.cause).toMatchObject({
      code: '22P02',
      table: 'users',
      message: 'invalid input syntax for type uuid: "…"',
    });
    expect(safeError({ password: 'x' })).toEqual({ type: 'object' });
  });
});
