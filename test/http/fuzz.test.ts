import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { bootstrapAdmin, newApplication, newCustomer, publish } from '../helpers/bindist.js';
import { createApp } from '../helpers/releases.js';

/** Deterministic: the same seed sends the same requests, so a failure can be replayed. */
const SEED = 0x5eed11;
const REQUESTS = 400;
const MARKER = 'fuzz-escape-marker';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let t: TestApp;
let jwt: string;
let owner: string;
let adminKey: string;
let customerKey: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ token: jwt, username: owner } = await newAdmin(t.app));
  await createApp(t.app, jwt, 'fuzzapp');
  const bindist = await bootstrapAdmin(t.app);
  adminKey = bindist.apiKey;
  customerKey = (await newCustomer(bindist.admin, 'Fuzz Co')).apiKey;
  await newApplication(bindist.admin, 'fuzz-tool');
  await publish(bindist.admin, 'fuzz-tool', '1.0.0', Buffer.from('fuzz'), { enable: true });
});

afterAll(async () => {
  await t.close();
});

describe('fuzz', () => {
  it(`${REQUESTS} hostile requests over every face: no 5xx, nothing written outside DATA_DIR, the server alive`, async () => {
    const random = prng(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

    const hostile = [
      '%00',
      'a%00b',
      '%C3%28',
      '%FF%FE',
      '%E0%A4%A',
      '%zz',
      'x'.repeat(300),
      'y'.repeat(5000),
      `..%2F..%2F${MARKER}`,
      `../../${MARKER}`,
      '%2e%2e%2f%2e%2e',
      'ü',
      '',
      '_',
      'constructor',
      '__proto__',
    ];
    const word = () => pick(hostile);
    // Half valid, half hostile: a hostile value must also reach the code behind the checks of the others.
    const or = (valid: string) => (random() < 0.5 ? valid : word());
    const paths = () => [
      `/checkVersion?app_name=${or('fuzzapp')}&version=${or('1.0.0')}&owner=${or(owner)}&channel=${word()}`,
      `/checkVersion?app_name=fuzzapp&version=1.0.0&owner=${owner}&updater=${word()}&platform=${word()}`,
      `/apps/latest?app_name=${or('fuzzapp')}&channel=${or('stable')}&owner=${or(owner)}&package=${word()}`,
      `/update/${or(owner)}/${or('fuzzapp')}/${or('_')}/${or('_')}/${or('_')}/${pick(['latest.yml', 'RELEASES', 'appcast.xml', word()])}`,
      `/update/${owner}/fuzzapp/_/_/_/${word()}/${word()}`,
      `/velopack/${word()}/${word()}`,
      `/download?key=${word()}`,
      `/app/${word()}`,
      `/search?app_name=${word()}`,
      `/files/public/${word()}/${word()}`,
      `/files/private/${word()}?expires=${word()}&signature=${word()}`,
      `/v1/applications?search=${word()}&page=${word()}`,
      `/v1/applications/${or('fuzz-tool')}/versions/${or('1.0.0')}/files`,
      `/v1/downloads/url?applicationId=${or('fuzz-tool')}&version=${or('1.0.0')}`,
      `/v1/downloads/d/${word()}`,
      `/v1/management/share-links/${word()}`,
      `/v1/management/customers/${word()}`,
      `/telemetry?app_name=${word()}`,
    ];
    const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const bodies = () => [
      JSON.stringify({ username: or(owner), password: word() }),
      JSON.stringify({ app: word(), name: word(), applicationId: or('fuzz-tool'), version: or('1.0.0') }),
      `{"username":"${or(owner)}\u0000","password":"x"}`,
      deepJson(pick([40, 1000, 50_000])),
      `[${'['.repeat(2000)}`,
      '{"username":"a\\u0000b"}',
      Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
      'not json at all',
      '',
    ];
    const multipartBodies = (boundary: string) => [
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"app_name":"fuzzapp","version":"1.0.0"}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${pick(hostile)}"\r\n\r\nAAAA`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../${MARKER}.exe"\r\n\r\nBBBB\r\n--${boundary}--\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${'%41'.repeat(400)}\r\n\r\nCC\r\n--${boundary}--\r\n`,
      `--${boundary}\r\n\r\n\r\n--${boundary}`,
      'garbage',
    ];
    const ranges = [
      `bytes=${Array(100).fill('0-').join(',')}`,
      'bytes=-0',
      'bytes=99999999999999999999-',
      'bytes=5-1',
      'bytes=0-0,-1,1-1,0-',
      'lines=1-2',
      'bytes=,,,,',
    ];
    const posts = [
      '/login',
      '/signup',
      '/app/create',
      '/upload',
      '/v1/management/customers',
      '/v1/downloads/share',
    ];
    const keys = [() => jwt, () => adminKey, () => customerKey, () => 'garbage.key'];

    const failures: string[] = [];
    // Every hostile value once in each lookup slot of the hot routes, the others valid.
    for (const w of hostile) {
      for (const path of [
        `/checkVersion?app_name=fuzzapp&version=1.0.0&owner=${w}`,
        `/apps/latest?app_name=fuzzapp&channel=stable&owner=${w}`,
        `/update/${w}/fuzzapp/_/_/_/latest.yml`,
        `/update/${owner}/${w}/_/_/_/RELEASES`,
      ]) {
        const res = await request(t.app).get(path);
        if (res.status >= 500) failures.push(`${res.status} GET ${path.slice(0, 200)}`);
      }
    }
    for (let i = 0; i < REQUESTS; i++) {
      const kind = random();
      let req: request.Test;
      let label: string;
      if (kind < 0.55) {
        const path = pick(paths());
        label = `GET ${path.slice(0, 200)}`;
        req = request(t.app).get(path);
        if (random() < 0.3) req = req.set('Range', pick(ranges));
      } else if (kind < 0.85) {
        const path = pick(posts);
        const body = pick(bodies());
        label = `POST ${path} ${String(body).slice(0, 80)}`;
        req = request(t.app).post(path).set('Content-Type', 'text/plain').send(body);
      } else {
        const boundary = `b${Math.floor(random() * 1e9)}`;
        const path = pick(['/upload', '/app/create', '/v1/management/upload', '/app/update']);
        label = `multipart ${path}`;
        req = request(t.app)
          .post(path)
          .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
          .send(pick(multipartBodies(boundary)));
      }
      if (random() < 0.7) req = req.set(bearer(pick(keys)()));
      const res = await req;
      if (res.status >= 500)
        failures.push(`${res.status} ${label}: ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    expect(failures).toEqual([]);

    await request(t.app).get('/health').expect(200);
    await request(t.app).get(`/checkVersion?app_name=fuzzapp&version=1.0.0&owner=${owner}`).expect(400);
    for (const dir of [dirname(t.dataDir), process.cwd(), dirname(process.cwd())]) {
      expect(readdirSync(dir).filter((name) => name.includes(MARKER))).toEqual([]);
    }
  }, 120_000);
});
