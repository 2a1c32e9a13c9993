import type { IncomingMessage, ServerResponse } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FEED_FORMATS } from '../../src/core/feeds/formats.js';
import { CHECK_PARAMS } from '../../src/core/update/check.js';
import { hotPath } from '../../src/http/hot/index.js';
import { openApiPath } from '../../src/http/shared/openapi.js';
import { describedRoutes, type ResponseDoc, type RouteSpec } from '../../src/http/shared/validate.js';
import { buildApp } from '../../src/server.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { operationFor, responseProblem, testDocument } from '../helpers/openapi.js';
import { expressRoutes } from '../helpers/routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ METRICS_ENABLED: 'true' });
});
afterAll(() => t.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A hot-path URL of each kind: the update checks, the beacon, FaynoSync's Velopack routes and every feed format. */
function hotUrls(): string[] {
  const feed = '/update/acme/app/stable/windows/x64';
  return [
    '/checkVersion?app_name=app&version=1.0.0&owner=acme',
    '/apps/latest?app_name=app&owner=acme',
    '/telemetry/beacon?owner=acme',
    '/velopack/acme/app/windows/x64/releases.win.json',
    '/velopack/acme/app/windows/x64/App-1.0.0-full.nupkg',
    ...FEED_FORMATS.map((format) => `${feed}/${format.path.example}`),
  ];
}

/**
 * What is missing from a route's declared answers: none at all, or a success (2xx, 3xx) said to be JSON without its
 * schema. Other successes name their content type (a file, a page, a feed) or have no body (a redirect, a 204).
 */
function undescribedAnswers(spec: RouteSpec): string[] {
  const where = `${spec.face} ${spec.method} ${String(spec.path)}`;
  const answers = Object.entries(spec.responses ?? {});
  if (answers.length === 0) return [`${where}: declares no answer`];
  return answers
    .filter(([status]) => Number(status) < 400)
    .filter(([, answer]) => {
      if (answer instanceof z.ZodType) return false;
      const doc = answer as ResponseDoc;
      return !doc.schema && (doc.contentType === undefined ? false : /json/i.test(doc.contentType));
    })
    .map(([status]) => `${where}: ${status} is JSON without a schema`);
}

/** Whether the hot handler answers the URL itself (it returns false for what Express serves). */
function answeredByHotPath(url: string): boolean {
  const hot = hotPath(t.ctx);
  const req = { method: 'GET', url, rawHeaders: [], headers: {}, socket: {} } as unknown as IncomingMessage;
  const res = {
    writeHead: () => res,
    setHeader: () => {},
    getHeader: () => undefined,
    end: () => {},
    on: () => res,
    headersSent: false,
  } as unknown as ServerResponse;
  return hot(req, res);
}

describe('the OpenAPI document', () => {
  it('is served at /openapi.json as OpenAPI 3.1, the same bytes each time', async () => {
    const first = await request(t.app).get('/openapi.json').expect(200).expect('Content-Type', /json/);
    expect(first.body.openapi).toBe('3.1.0');
    expect(first.body.servers).toEqual([{ url: 'http://updraft.test' }]);
    const second = await request(t.app).get('/openapi.json').expect(200);
    expect(second.text).toBe(first.text);
  });

  it('describes every route the Express routers register', () => {
    const routes = expressRoutes(buildApp(t.ctx));
    expect(routes.length).toBeGreaterThan(90);
    const missing = routes
      .flatMap(({ method, path }) =>
        (method === 'all' ? METHODS : [method]).map((m) => `${m} ${openApiPath(path)}`),
      )
      .filter((route) => {
        const [method = '', path = ''] = route.split(' ');
        return !testDocument().doc.paths[path]?.[method];
      });
    expect(missing).toEqual([]);
  });

  it('describes every success of every route: its JSON schema, or the content type of what is not JSON', () => {
    expect(describedRoutes().flatMap(undescribedAnswers)).toEqual([]);
    const hand = (responses: RouteSpec['responses']) =>
      undescribedAnswers({
        face: 'feeds',
        method: 'get',
        path: '/x',
        tag: 't',
        summary: 's',
        input: {},
        responses,
      });
    expect(hand(undefined)).toEqual(['feeds get /x: declares no answer']);
    expect(hand({ 200: { description: 'a feed', contentType: 'application/json; charset=utf-8' } })).toEqual([
      'feeds get /x: 200 is JSON without a schema',
    ]);
    expect(
      hand({ 200: { description: 'a file', contentType: 'text/csv' }, 302: { description: 'moved' } }),
    ).toEqual([]);
  });

  it('describes every hot route, and the hot path answers every hot route it describes', () => {
    for (const url of hotUrls()) {
      expect(answeredByHotPath(url), url).toBe(true);
      expect(operationFor('GET', url), url).toBeDefined();
    }
    const hotPaths = Object.keys(testDocument().doc.paths).filter(
      (p) =>
        /^\/(checkVersion|apps\/latest|telemetry\/beacon|velopack\/)/.test(p) || p.startsWith('/update/'),
    );
    const covered = new Set(hotUrls().map((url) => operationFor('GET', url)?.path));
    // The rest under /update/ are Express's: the feed doctor and the files the feeds name.
    expect(hotPaths.filter((p) => !covered.has(p)).sort()).toEqual([
      '/update/{owner}/{app}/{channel}/{platform}/{arch}/explain',
      '/update/{owner}/{app}/{channel}/{platform}/{arch}/{file}',
      '/update/{owner}/{app}/{channel}/{platform}/{arch}/{version}/{file}',
    ]);
  });

  it('holds each feed format’s documented path to the paths the format answers', () => {
    for (const format of FEED_FORMATS) {
      expect(format.match(format.path.example.split('/')), format.path.example).toBeDefined();
    }
  });

  it('takes the hot routes’ query parameters from the lists their handlers read', () => {
    const check = operationFor('GET', '/checkVersion')?.operation.parameters as { name: string }[];
    expect(check.map((p) => p.name)).toEqual([...CHECK_PARAMS]);
    const velopack = operationFor('GET', '/update/a/b/c/d/e/releases.win.json')?.operation.parameters as {
      name: string;
      in: string;
    }[];
    expect(velopack.filter((p) => p.in === 'query').map((p) => p.name)).toEqual([
      'localVersion',
      'stagingId',
      'id',
    ]);
  });

  it('tags every operation with its face, and groups the tags by face', () => {
    const { doc } = testDocument();
    const groups = doc['x-tagGroups'].map((g) => g.name);
    expect(groups).toEqual(['FaynoSync', 'Feeds', 'BinDist', 'Fenfa', 'Console']);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const [tag] = op.tags as string[];
        expect(
          groups.some((g) => tag?.startsWith(g)),
          `${method} ${path}: ${tag}`,
        ).toBe(true);
      }
    }
    expect(operationFor('GET', '/v1/applications')?.operation.tags).toEqual(['BinDist catalog']);
    expect(operationFor('GET', '/app/list')?.operation.tags).toEqual(['FaynoSync: Catalog']);
  });

  it('names the credentials of each route', () => {
    const { doc } = testDocument();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(
      [
        'bindistKey',
        'ciToken',
        'consoleSession',
        'csrfHeader',
        'downloadToken',
        'fenfaToken',
        'login',
        'reportKey',
      ].sort(),
    );
    // FaynoSync's upload, or Fenfa's with X-Auth-Token, on one path.
    expect(operationFor('POST', '/upload')?.operation.security).toEqual([
      { login: [] },
      { ciToken: [] },
      { consoleSession: [], csrfHeader: [] },
      { fenfaToken: [] },
    ]);
    expect(operationFor('GET', '/admin/api/products')?.operation.security).toEqual([{ fenfaToken: [] }]);
    expect(operationFor('GET', '/app/list')?.operation.security).toEqual([
      { login: [] },
      { consoleSession: [] },
    ]);
    expect(operationFor('GET', '/v1/applications')?.operation.security).toEqual([{ bindistKey: [] }]);
    expect(operationFor('GET', '/checkVersion')?.operation.security).toEqual([]);
  });

  it('describes multipart uploads: the data field’s JSON and the file parts', () => {
    type FormSchema = { properties: Record<string, Record<string, unknown>> };
    const body = operationFor('POST', '/upload')?.operation.requestBody as {
      content: Record<string, { schema: { anyOf: FormSchema[] }; encoding: unknown }>;
    };
    const form = body.content['multipart/form-data'];
    // FaynoSync's form and Fenfa's (with X-Auth-Token), one each.
    const [faynosync, fenfa] = form?.schema.anyOf ?? [];
    expect(form?.encoding).toEqual({ data: { contentType: 'application/json' } });
    expect(Object.keys((faynosync?.properties.data?.properties as object) ?? {})).toContain('app_name');
    expect(faynosync?.properties.file).toMatchObject({ type: 'array', items: { format: 'binary' } });
    expect(fenfa?.properties.app_file).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(fenfa?.properties ?? {})).toEqual(expect.arrayContaining(['variant_id', 'upload_id']));
    const bindist = operationFor('POST', '/v1/management/upload')?.operation.requestBody as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(bindist.content)).toEqual(['application/json', 'multipart/form-data']);
    expect(bindist.content['multipart/form-data']?.schema.properties).toHaveProperty('file');
    expect(bindist.content['multipart/form-data']?.schema.properties).toHaveProperty('applicationId');
  });

  it('is what the test hook holds answers to: the route’s schema per status, the face’s error shape otherwise', () => {
    const app = {
      ID: '653a7b2c9d1e4f0a1b2c3d4e',
      AppName: 'app',
      Logo: '',
      Private: false,
      Tuf: false,
      CdnEdge: false,
      Description: '',
      Owner: 'acme',
      Updated_at: '2026-01-01T00:00:00.000Z',
      Reports: false,
    };
    expect(responseProblem('GET', '/app/list', 200, { apps: [app] })).toBeUndefined();
    expect(responseProblem('GET', '/app/list?x=1', 200, { apps: [{ ...app, Private: 'no' }] })).toMatch(
      /^GET \/app\/list \(\/app\/list\) answered 200: \/apps\/0\/Private must be boolean/,
    );
    expect(responseProblem('GET', '/app/list', 401, { error: 'sign in' })).toBeUndefined();
    expect(responseProblem('GET', '/app/list', 401, { message: 'sign in' })).toMatch(/answered 401/);
    expect(responseProblem('GET', '/v1/applications', 401, { error: 'sign in' })).toMatch(/answered 401/);
    expect(responseProblem('GET', '/no/such/route', 200, { anything: true })).toBeUndefined();
    expect(responseProblem('GET', '/app/list', 203, { apps: [app] })).toMatch(
      /answered 203 with JSON the document has no schema for/,
    );
    expect(responseProblem('GET', '/download', 302, { download_url: 'x' })).toMatch(/answered 302 with JSON/);
  });

  it('gives path parameters in OpenAPI form', () => {
    expect(openApiPath('/tuf/v1/{*rest}')).toBe('/tuf/v1/{rest}');
    expect(openApiPath('/files/public/*key')).toBe('/files/public/{key}');
    const op = operationFor('PATCH', '/v1/applications/my-app/versions/1.0.0')?.operation ?? {};
    expect((op.parameters as { name: string; in: string }[]).filter((p) => p.in === 'path')).toMatchObject([
      { name: 'applicationId', in: 'path', required: true },
      { name: 'version', in: 'path', required: true },
    ]);
  });
});
