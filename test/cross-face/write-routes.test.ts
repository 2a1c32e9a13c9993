import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { AdminClient } from '../helpers/bindist.js';
import { fenfaUpload } from '../helpers/fenfa.js';
import { packageBytes, standardPng, typicalApp, writeApk } from '../helpers/packages/fixtures.js';
import { createApp, createNamed, sendForm, upload } from '../helpers/releases.js';

/**
 * Every write route of every face, enumerated from the server's own Express router, followed by a cached read: the
 * read is answered once (and so cached) before the write, and must answer differently after it. A write whose
 * command forgot to bump the tenant's generation would leave the cached answer in place. A route the table neither
 * exercises nor lists as changing nothing cached fails the test, so a new write route cannot slip past it.
 */

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

interface Tenant {
  owner: string;
  token: string;
  tenantId: string;
  admin: AdminClient;
}

/** A fresh tenant per case: no channel, platform or arch rule of one case leaks into another. */
async function tenant(): Promise<Tenant> {
  const { username, token } = await newAdmin(t.app);
  const res = await request(t.app).post('/v1/management/admin/regenerate-key').set(bearer(token)).expect(200);
  const apiKey = res.body.data.apiKey as string;
  return {
    owner: username,
    token,
    tenantId: apiKey.split('.')[0] as string,
    admin: new AdminClient(t.app, apiKey),
  };
}

/** A cached read: the whole answer of /checkVersion, status first. */
async function check(x: Tenant, query: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await request(t.app)
    .get('/checkVersion')
    .query({ app_name: 'app', version: '1.0.0', owner: x.owner, ...query })
    .set(headers);
  return `${res.status} ${res.text}`;
}

const file = (name: string) => ({ name, content: randomBytes(64) });

/** An app with a published 2.0.0 (one artifact); returns the version id. */
async function released(x: Tenant, app = 'app'): Promise<string> {
  await createApp(t.app, x.token, app);
  const res = await upload(t.app, x.token, { app_name: app, version: '2.0.0', publish: true }, [
    file(`${app}-2.0.0.exe`),
  ]).expect(200);
  return res.body['uploadResult.Uploaded'] as string;
}

async function regenerateDownloadToken(x: Tenant, appId: string): Promise<string> {
  const res = await request(t.app)
    .post('/download-tokens/regenerate')
    .set(bearer(x.token))
    .send({ app_id: appId })
    .expect(200);
  return res.body.token as string;
}

/** A BinDist application with a small upload of `version` (disabled). */
async function bindistRelease(x: Tenant, version: string): Promise<void> {
  expect((await x.admin.createApplication('bd-app', 'BD', [], {})).statusCode).toBe(201);
  const up = await x.admin.uploadSmallFile('bd-app', version, `bd-app-${version}.exe`, randomBytes(32));
  expect(up.statusCode, JSON.stringify(up.raw)).toBe(201);
}

interface Exercise {
  /** Makes what the write needs; returns the write (its status) and the cached read that must see it. */
  prepare(x: Tenant): Promise<{ write: () => Promise<number>; read?: () => Promise<string> }>;
  /** Why the case has no read: what it changes is in the cache but in no answer yet. The generation must move. */
  unseen?: string;
}

type Entry = Exercise | { unchanged: string };

const renameNamed = (kind: 'channel' | 'platform' | 'arch'): Exercise => ({
  async prepare(x) {
    await createApp(t.app, x.token, 'app');
    const id = await createNamed(t.app, x.token, kind, 'old');
    return {
      read: () => check(x, { [kind]: 'old' }),
      write: async () =>
        (
          await request(t.app)
            .post(`/${kind}/update`)
            .set(bearer(x.token))
            .send({
              id,
              [kind]: 'new',
              ...(kind === 'platform' ? { updaters: [{ type: 'manual', default: true }] } : {}),
            })
        ).status,
    };
  },
});

const createNamedCase = (kind: 'channel' | 'platform' | 'arch'): Exercise => ({
  async prepare(x) {
    await createApp(t.app, x.token, 'app');
    return {
      read: () => check(x, { [kind]: 'fresh' }),
      write: async () =>
        (
          await request(t.app)
            .post(`/${kind}/create`)
            .set(bearer(x.token))
            .send({ [kind]: 'fresh' })
        ).status,
    };
  },
});

const deleteNamedCase = (kind: 'channel' | 'platform' | 'arch'): Exercise => ({
  async prepare(x) {
    await createApp(t.app, x.token, 'app');
    const id = await createNamed(t.app, x.token, kind, 'gone');
    return {
      read: () => check(x, { [kind]: 'gone' }),
      write: async () =>
        (await request(t.app).delete(`/${kind}/delete`).query({ id }).set(bearer(x.token))).status,
    };
  },
});

const patchBindistVersion = (path: string): Exercise => ({
  async prepare(x) {
    await bindistRelease(x, '2.0.0');
    return {
      read: () => check(x, { app_name: 'bd-app' }),
      write: async () => (await x.admin.patch(path, { isEnabled: true })).statusCode,
    };
  },
});

const NOT_CACHED_ACCOUNTS =
  'accounts are read from the database on every request; no cached answer depends on users';
const NOT_CACHED_V1 = '/v1 reads its customers, keys and share links from the database on every request';
const NOT_CACHED_REPORTS = 'crash reports, their groups and keys are in no cached answer';

/** A Fenfa admin token of the tenant (its admin mints it). */
async function fenfaToken(x: Tenant): Promise<string> {
  const res = await request(t.app)
    .post('/admin/api/tokens')
    .set(bearer(x.token))
    .send({ label: 'ci', scopes: ['admin'] })
    .expect(201);
  return res.body.data.token as string;
}

/**
 * An app with a published 2.0.0 for the platform `windows` (uploaded through FaynoSync's face), and a Fenfa admin
 * token; with `variant`, the Fenfa variant of that platform too. The read checks for windows.
 */
async function windowsRelease(x: Tenant, options: { variant?: boolean } = {}) {
  await createNamed(t.app, x.token, 'platform', 'windows');
  const appId = await createApp(t.app, x.token, 'app');
  await upload(t.app, x.token, { app_name: 'app', version: '2.0.0', publish: true, platform: 'windows' }, [
    file('app-2.0.0.exe'),
  ]).expect(200);
  const token = await fenfaToken(x);
  const productId = `prd_${appId}`;
  let variantId = '';
  if (options.variant) {
    const res = await request(t.app)
      .post(`/admin/api/products/${productId}/variants`)
      .set('X-Auth-Token', token)
      .send({ platform: 'windows', display_name: 'Windows', identifier: 'app' })
      .expect(201);
    variantId = res.body.data.variant.id as string;
  }
  return { token, productId, variantId, read: () => check(x, { platform: 'windows' }) };
}

const fenfaWrite = (
  method: 'put' | 'delete' | 'post',
  path: (r: Awaited<ReturnType<typeof windowsRelease>>) => string | Promise<string>,
  body?: Record<string, unknown>,
  options: {
    variant?: boolean;
    before?: (r: Awaited<ReturnType<typeof windowsRelease>>) => Promise<void>;
  } = {},
): Exercise => ({
  async prepare(x) {
    const r = await windowsRelease(x, options);
    await options.before?.(r);
    return {
      read: r.read,
      write: async () => {
        const req = request(t.app)
          [method](await path(r))
          .set('X-Auth-Token', r.token);
        return (await (body ? req.send(body) : req)).status;
      },
    };
  },
});

const NOT_CACHED_FENFA = 'Fenfa tokens and settings are read from the database on every request';

/** A smart upload of an APK to the app's Android variant, found through the product; the read checks for android. */
const smartUpload = (path: string): Exercise => ({
  async prepare(x) {
    const appId = await createApp(t.app, x.token, 'app');
    const token = await fenfaToken(x);
    const productId = `prd_${appId}`;
    await request(t.app)
      .post(`/admin/api/products/${productId}/variants`)
      .set('X-Auth-Token', token)
      .send({ platform: 'android' })
      .expect(201);
    const icon = standardPng(48, 48, Buffer.alloc(48 * 48 * 4, 0x40));
    const content = await packageBytes((file) => writeApk(file, typicalApp({ mdpi: icon, xxxhdpi: icon })));
    return {
      read: () => check(x, { platform: 'android' }),
      write: async () =>
        (await fenfaUpload(t.app, token, { product_id: productId }, { name: 'app.apk', content }, { path }))
          .status,
    };
  },
});

const WRITES: Record<string, Entry> = {
  'POST /admin/api/tokens': { unchanged: NOT_CACHED_FENFA },
  'DELETE /admin/api/tokens/:id': { unchanged: NOT_CACHED_FENFA },
  'PUT /admin/api/settings': { unchanged: NOT_CACHED_FENFA },
  'POST /events': { unchanged: "Fenfa's page events are in no cached answer" },
  'POST /udid/callback': { unchanged: 'UDID nonces, iOS devices and their bindings are in no cached answer' },
  'POST /admin/api/devices/register-apple': {
    unchanged:
      "a device's Apple registration is in no cached answer (read from the database on every request)",
  },
  'POST /admin/api/devices/:deviceID/register-apple': {
    unchanged:
      "a device's Apple registration is in no cached answer (read from the database on every request)",
  },
  'POST /smart-upload': smartUpload('/smart-upload'),
  'POST /admin/api/smart-upload': smartUpload('/admin/api/smart-upload'),
  'POST /admin/api/parse-app': {
    unchanged: 'parse-app stores nothing: the package is read from a temporary key that is always removed',
  },
  'POST /admin/api/products': {
    async prepare(x) {
      const token = await fenfaToken(x);
      return {
        read: () => check(x, { app_name: 'fresh' }),
        write: async () =>
          (
            await request(t.app)
              .post('/admin/api/products')
              .set('X-Auth-Token', token)
              .send({ name: 'Fresh' })
          ).status,
      };
    },
  },
  'PUT /admin/api/products/:productID': fenfaWrite('put', (r) => `/admin/api/products/${r.productId}`, {
    published: false,
  }),
  'DELETE /admin/api/products/:productID': fenfaWrite('delete', (r) => `/admin/api/products/${r.productId}`),
  'POST /admin/api/products/:productID/variants': fenfaWrite(
    'post',
    (r) => `/admin/api/products/${r.productId}/variants`,
    { platform: 'windows', display_name: 'Windows', identifier: 'app', published: false },
  ),
  'PUT /admin/api/variants/:variantID': fenfaWrite(
    'put',
    (r) => `/admin/api/variants/${r.variantId}`,
    { published: false },
    { variant: true },
  ),
  'DELETE /admin/api/variants/:variantID': fenfaWrite(
    'delete',
    (r) => `/admin/api/variants/${r.variantId}`,
    undefined,
    {
      variant: true,
    },
  ),
  'DELETE /admin/api/releases/:releaseID': fenfaWrite(
    'delete',
    async (r) => {
      const res = await request(t.app)
        .get(`/admin/api/products/${r.productId}`)
        .set('X-Auth-Token', r.token)
        .expect(200);
      return `/admin/api/releases/${res.body.data.variants[0].releases[0].id}`;
    },
    undefined,
    { variant: true },
  ),
  // A newer upload of an older version: keeping the newest release only takes 2.0.0 from the check's answer.
  'PUT /admin/api/variants/:variantID/retention': fenfaWrite(
    'put',
    (r) => `/admin/api/variants/${r.variantId}/retention`,
    { keep_last: 1 },
    {
      variant: true,
      before: async (r) => {
        await fenfaUpload(
          t.app,
          r.token,
          { variant_id: r.variantId, version: '1.5.0' },
          file('app-1.5.0.exe'),
        ).expect(201);
      },
    },
  ),
  'PUT /admin/api/apps/:appID/unpublish': fenfaWrite(
    'put',
    (r) => `/admin/api/apps/${r.variantId}/unpublish`,
    undefined,
    {
      variant: true,
    },
  ),
  'PUT /admin/api/apps/:appID/publish': fenfaWrite(
    'put',
    (r) => `/admin/api/apps/${r.productId}/publish`,
    undefined,
    {
      before: async (r) => {
        await request(t.app)
          .put(`/admin/api/apps/${r.productId}/unpublish`)
          .set('X-Auth-Token', r.token)
          .expect(200);
      },
    },
  ),
  'POST /console/session': { unchanged: 'signing in to the console changes no data' },
  'DELETE /console/session': { unchanged: 'signing out of the console changes no data' },
  'POST /console/notes-preview': { unchanged: 'a changelog preview only renders what it is sent' },
  'POST /products/:owner/:app/downloaded': {
    unchanged: 'download-page counters are read from the database, never from a cached answer',
  },
  'POST /signup': { unchanged: 'an owner that is not found is never remembered (ReleaseCache.tenantOf)' },
  'POST /login': { unchanged: NOT_CACHED_ACCOUNTS },
  'POST /admin/update': { unchanged: `only the password changes: ${NOT_CACHED_ACCOUNTS}` },
  'POST /user/create': { unchanged: NOT_CACHED_ACCOUNTS },
  'POST /user/update': { unchanged: NOT_CACHED_ACCOUNTS },
  'DELETE /user/delete': { unchanged: NOT_CACHED_ACCOUNTS },
  'POST /uploads': { unchanged: 'a resumable upload session is in no answer until /upload commits it' },
  'PATCH /uploads/:id': { unchanged: 'the bytes wait in the session until /upload commits it' },
  'DELETE /uploads/:id': { unchanged: 'a resumable upload session is in no answer until /upload commits it' },
  'POST /token/create': { unchanged: 'API tokens are checked against the database on every upload' },
  'DELETE /token/delete': { unchanged: 'API tokens are checked against the database on every upload' },
  'POST /app/create': {
    async prepare(x) {
      return {
        read: () => check(x, { app_name: 'fresh' }),
        write: async () => {
          await createApp(t.app, x.token, 'fresh');
          return 200;
        },
      };
    },
  },
  'POST /app/update': {
    async prepare(x) {
      const id = await createApp(t.app, x.token, 'app');
      return {
        read: () => check(x, {}),
        write: async () =>
          (
            await sendForm(t.app, '/app/update', x.token, [
              { name: 'data', value: JSON.stringify({ id, app: 'renamed' }) },
            ])
          ).status,
      };
    },
  },
  'DELETE /app/delete': {
    async prepare(x) {
      const id = await createApp(t.app, x.token, 'app');
      return {
        read: () => check(x, {}),
        write: async () =>
          (await request(t.app).delete('/app/delete').query({ id }).set(bearer(x.token))).status,
      };
    },
  },
  'POST /channel/create': createNamedCase('channel'),
  'POST /channel/update': renameNamed('channel'),
  'DELETE /channel/delete': deleteNamedCase('channel'),
  'POST /platform/create': createNamedCase('platform'),
  'POST /platform/update': renameNamed('platform'),
  'DELETE /platform/delete': deleteNamedCase('platform'),
  'POST /arch/create': createNamedCase('arch'),
  'POST /arch/update': renameNamed('arch'),
  'DELETE /arch/delete': deleteNamedCase('arch'),
  'POST /upload': {
    async prepare(x) {
      await createApp(t.app, x.token, 'app');
      return {
        read: () => check(x, {}),
        write: async () =>
          (
            await upload(t.app, x.token, { app_name: 'app', version: '2.0.0', publish: true }, [
              file('app-2.0.0.exe'),
            ])
          ).status,
      };
    },
  },
  'POST /apps/update': {
    async prepare(x) {
      const id = await released(x);
      return {
        read: () => check(x, {}),
        write: async () =>
          (
            await sendForm(t.app, '/apps/update', x.token, [
              {
                name: 'data',
                value: JSON.stringify({ id, app_name: 'app', version: '2.0.0', publish: false }),
              },
            ])
          ).status,
      };
    },
  },
  'DELETE /apps/delete': {
    async prepare(x) {
      const id = await released(x);
      return {
        read: () => check(x, {}),
        write: async () =>
          (await request(t.app).delete('/apps/delete').query({ id }).set(bearer(x.token))).status,
      };
    },
  },
  'POST /artifact/delete': {
    async prepare(x) {
      const id = await released(x);
      return {
        read: () => check(x, {}),
        write: async () =>
          (
            await sendForm(t.app, '/artifact/delete', x.token, [
              {
                name: 'data',
                value: JSON.stringify({ id, app_name: 'app', version: '2.0.0', artifacts_to_delete: ['0'] }),
              },
            ])
          ).status,
      };
    },
  },
  'POST /download-tokens/regenerate': {
    async prepare(x) {
      const appId = await createApp(t.app, x.token, 'app', { private: true });
      const first = await regenerateDownloadToken(x, appId);
      return {
        // The replaced secret stops opening the app's update checks.
        read: () => check(x, {}, { 'X-Download-Token': first }),
        write: async () =>
          (
            await request(t.app)
              .post('/download-tokens/regenerate')
              .set(bearer(x.token))
              .send({ app_id: appId })
          ).status,
      };
    },
  },
  'DELETE /download-tokens/delete': {
    async prepare(x) {
      const appId = await createApp(t.app, x.token, 'app', { private: true });
      const token = await regenerateDownloadToken(x, appId);
      const list = await request(t.app).get('/download-tokens/list').set(bearer(x.token)).expect(200);
      const id = list.body.download_tokens[0].id as string;
      return {
        read: () => check(x, {}, { 'X-Download-Token': token }),
        write: async () =>
          (await request(t.app).delete('/download-tokens/delete').query({ id }).set(bearer(x.token))).status,
      };
    },
  },
  'ALL /tuf/v1/{*rest}': { unchanged: 'TUF is not served: every method is answered 501 and writes nothing' },
  'POST /report-keys/regenerate': { unchanged: NOT_CACHED_REPORTS },
  'POST /reports/ingest': { unchanged: NOT_CACHED_REPORTS },
  'PATCH /reports/groups/:hash': { unchanged: NOT_CACHED_REPORTS },
  'DELETE /reports/groups/:hash': { unchanged: NOT_CACHED_REPORTS },
  'POST /v1/management/admin/regenerate-key': { unchanged: NOT_CACHED_V1 },
  'POST /v1/management/customers': { unchanged: NOT_CACHED_V1 },
  'PATCH /v1/management/customers/:customerId': { unchanged: NOT_CACHED_V1 },
  'POST /v1/management/customers/:customerId/regenerate-key': { unchanged: NOT_CACHED_V1 },
  'POST /v1/management/customers/:customerId/apikeys': { unchanged: NOT_CACHED_V1 },
  'POST /v1/downloads/share': { unchanged: NOT_CACHED_V1 },
  'DELETE /v1/management/share-links/:shareLinkId': { unchanged: NOT_CACHED_V1 },
  'PATCH /v1/management/applications/:applicationId': {
    unchanged: 'display name, description and tags are in no cached answer (see update-application.ts)',
  },
  'PUT /v1/management/applications/:applicationId/customers': {
    unchanged: `entitlements: ${NOT_CACHED_V1}`,
  },
  'POST /v1/management/applications': {
    async prepare(x) {
      return {
        read: () => check(x, { app_name: 'bd-app' }),
        write: async () => (await x.admin.createApplication('bd-app', 'BD', [], {})).statusCode,
      };
    },
  },
  'DELETE /v1/management/applications/:applicationId': {
    async prepare(x) {
      expect((await x.admin.createApplication('bd-app', 'BD', [], {})).statusCode).toBe(201);
      return {
        read: () => check(x, { app_name: 'bd-app' }),
        write: async () => (await x.admin.deleteApplication('bd-app')).statusCode,
      };
    },
  },
  'PATCH /v1/management/settings': {
    unchanged: `the default channel decides what /v1 customers see: ${NOT_CACHED_V1}`,
  },
  'PATCH /v1/applications/:applicationId/versions/:version': patchBindistVersion(
    '/applications/bd-app/versions/2.0.0',
  ),
  'PATCH /v1/management/applications/:applicationId/versions/:version': patchBindistVersion(
    '/management/applications/bd-app/versions/2.0.0',
  ),
  'POST /v1/management/upload': {
    unseen: 'a new BinDist version starts disabled: the PATCH that enables it is the one clients see',
    async prepare(x) {
      expect((await x.admin.createApplication('bd-app', 'BD', [], {})).statusCode).toBe(201);
      return {
        write: async () =>
          (await x.admin.uploadSmallFile('bd-app', '2.0.0', 'bd-app-2.0.0.exe', randomBytes(32))).statusCode,
      };
    },
  },
  'POST /v1/management/upload/large-url': {
    unchanged: 'it only opens an upload session, which no answer shows',
  },
  'PUT /v1/uploads/:tenantId/:uploadId': {
    unchanged: 'the bytes wait under the session until large-complete',
  },
  'POST /v1/management/upload/large-complete': {
    unseen: 'a new BinDist version starts disabled: the PATCH that enables it is the one clients see',
    async prepare(x) {
      expect((await x.admin.createApplication('bd-app', 'BD', [], {})).statusCode).toBe(201);
      const content = randomBytes(1024);
      const fields = {
        applicationId: 'bd-app',
        version: '2.0.0',
        fileName: 'bd-app-2.0.0.exe',
        fileSize: content.length,
      };
      const opened = await x.admin.post('/management/upload/large-url', {
        ...fields,
        contentType: 'application/octet-stream',
      });
      expect(opened.statusCode, JSON.stringify(opened.raw)).toBe(200);
      const target = new URL(opened.data.uploadUrl as string);
      await request(t.app)
        .put(`${target.pathname}${target.search}`)
        .set('Content-Type', 'application/octet-stream')
        .send(content)
        .expect(200);
      const checksum = createHash('sha256').update(content).digest('hex');
      return {
        write: async () =>
          (
            await x.admin.post('/management/upload/large-complete', {
              uploadId: opened.data.uploadId,
              ...fields,
              checksum,
            })
          ).statusCode,
      };
    },
  },
};

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
  rawPath?: string;
  slash?: boolean;
}

/** Method and path of every route in the stack that is not a GET (or HEAD), mounted routers included; ALL: any method. */
function writeRoutes(stack: RouterLayer[], prefix = ''): string[] {
  const found: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        if (method === 'get' || method === 'head') continue;
        found.push(`${method === '_all' ? 'ALL' : method.toUpperCase()} ${prefix}${layer.route.path}`);
      }
    } else if (layer.handle?.stack) {
      const mount = layer.slash || typeof layer.rawPath !== 'string' ? '' : layer.rawPath;
      found.push(...writeRoutes(layer.handle.stack, `${prefix}${mount}`));
    }
  }
  return [...new Set(found)].sort();
}

describe('write routes', () => {
  it('every write route of the server is in the table, and the table names no route the server lacks', () => {
    const app = buildApp(t.ctx) as unknown as { router: { stack: RouterLayer[] } };
    const routes = writeRoutes(app.router.stack);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !(r in WRITES))).toEqual([]);
    expect(Object.keys(WRITES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  const exercised = Object.entries(WRITES).filter((e): e is [string, Exercise] => 'prepare' in e[1]);
  it.each(exercised)('%s is seen by the next cached read', async (_route, entry) => {
    const x = await tenant();
    const { write, read } = await entry.prepare(x);
    expect(read !== undefined || entry.unseen !== undefined, 'a case without a read says why').toBe(true);
    const before = read ? await read() : '';
    if (read) expect(await read(), 'the read answers the same twice (from the cache)').toBe(before);
    const generation = t.ctx.changes.generation(x.tenantId);
    const status = await write();
    expect(status, 'the write succeeds').toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(300);
    expect(t.ctx.changes.generation(x.tenantId), 'the command bumped the generation').toBeGreaterThan(
      generation,
    );
    if (read) expect(await read(), 'the cached read sees the write').not.toBe(before);
  });
});
