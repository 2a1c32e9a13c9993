import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestLogging } from '../../src/http/shared/logging.js';

describe('request log lines', () => {
  it('carry the whole path, also under a mounted router, and never the query string', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const app = express();
    app.use(requestLogging(pino(sink)));
    const v1 = express.Router();
    v1.get('/applications', (_req, res) => {
      res.json({ ok: true });
    });
    app.use('/v1', v1);
    const res = await request(app).get('/v1/applications?signature=secret').expect(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/v1/applications', status: 200, msg: 'request' });
    expect(lines[0]?.reqId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(lines[0])).not.toContain('secret');
  });
});
