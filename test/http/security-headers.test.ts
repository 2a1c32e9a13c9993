import { createServer } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Prepared,
  prepareBody,
  prepareNoContent,
  prepareRedirect,
  send,
} from '../../src/http/hot/response.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { newAdmin } from '../helpers/auth.js';

let plain: TestApp;
let proxied: TestApp;
let owner: string;

beforeAll(async () => {
  plain = await createTestApp();
  proxied = await createTestApp({ TRUST_PROXY: 'true' });
  ({ username: owner } = await newAdmin(plain.app));
});

afterAll(async () => {
  await plain?.close();
  await proxied?.close();
});

const paths = () => [
  // The hot path: an answer, an error, a feed's 404, /apps/latest and a malformed request.
  `/checkVersion?app_name=nothing&version=1.0.0&owner=${owner}`,
  '/checkVersion',
  `/update/${owner}/nothing/stable/windows/x64/latest.yml`,
  `/apps/latest?app_name=nothing&channel=stable&owner=${owner}`,
  '/checkVersion?owner=%00',
  // Express: FaynoSync's API, its 404, files, the BinDist envelope.
  '/health',
  '/no-such-route',
  '/whoami',
  '/files/public/nothing.bin',
  '/v1/applications',
  '/v1/nothing',
];

describe('security headers', () => {
  it('are on every answer of every face, and HSTS is not sent over plain HTTP', async () => {
    for (const path of paths()) {
      const res = await request(plain.app).get(path);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('a proxy saying https gets HSTS only when it is trusted', async () => {
    for (const path of ['/checkVersion', '/health', '/v1/applications']) {
      const trusted = await request(proxied.app).get(path).set('X-Forwarded-Proto', 'https');
      expect(trusted.headers['strict-transport-security'], path).toBe('max-age=31536000');
      expect(trusted.headers['x-content-type-options'], path).toBe('nosniff');
      const untrusted = await request(plain.app).get(path).set('X-Forwarded-Proto', 'https');
      expect(untrusted.headers['strict-transport-security'], path).toBeUndefined();
      const http = await request(proxied.app).get(path).set('X-Forwarded-Proto', 'http');
      expect(http.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('are on the hot path’s 200s, 204s, redirects and 304s', async () => {
    const prepared = [
      prepareBody(200, 'text/plain', 'hello'),
      prepareNoContent(),
      prepareRedirect('https://example.com/x'),
    ];
    const server = createServer((req, res) => {
      const which = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n'));
      const hot = {
        head: false,
        search: '',
        deviceId: undefined,
        stagingId: undefined,
        downloadToken: undefined,
      };
      send({ ...hot, ifNoneMatch: req.headers['if-none-match'] }, res, prepared[which] as Prepared);
    });
    try {
      for (const [n, expected] of [200, 204, 302].entries()) {
        const res = await request(server).get(`/?n=${n}`).redirects(0);
        expect(res.status).toBe(expected);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      }
      const notModified = await request(server)
        .get('/?n=0')
        .set('If-None-Match', prepared[0]?.etag ?? '');
      expect(notModified.status).toBe(304);
      expect(notModified.headers['x-content-type-options']).toBe('nosniff');
      expect(notModified.headers['referrer-policy']).toBe('no-referrer');
    } finally {
      server.close();
    }
  });
});
