import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpdraftClient } from '../../packages/client/index.js';
// @ts-expect-error: a plain .mjs script, without types
import { clientTypes, TYPES_FILE } from '../../scripts/generate-client.mjs';
import { buildOpenApi } from '../../src/http/shared/openapi.js';
import '../../src/server.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { newAdmin } from '../helpers/auth.js';
import { listen } from '../helpers/browser.js';

let t: TestApp;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  t = await createTestApp();
  server = await listen(t.app);
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('the typed client', () => {
  it('has committed types that match the OpenAPI document (else run npm run client:generate)', async () => {
    const generated: string = await clientTypes(buildOpenApi('client'));
    expect(
      readFileSync(TYPES_FILE, 'utf8') === generated,
      'packages/client/openapi.d.ts is out of date',
    ).toBe(true);
  });

  it('reads and writes through the server with a token', async () => {
    const admin = await newAdmin(t.app);
    const updraft = createUpdraftClient({ baseUrl: server.url, token: admin.token });
    const created = await updraft.POST('/channel/create', { body: { channel: 'stable' } });
    expect(created.response.status).toBe(200);
    const { data } = await updraft.GET('/channel/list');
    expect(data?.channels.map((c) => c.ChannelName)).toEqual(['stable']);
    const refused = await createUpdraftClient({ baseUrl: server.url }).GET('/channel/list');
    expect(refused.response.status).toBe(401);
    expect(refused.error?.error).toMatch(/authorization/);
    await request(t.app).get('/channel/list').expect(401);
  });
});
