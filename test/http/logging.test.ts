import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestLogging } from '../../src/http/shared/logging.js';
import { createLogger } from '../../src/logger.js';

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

describe('probe requests', () => {
  const capture = (level: string) => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const app = express();
    app.use(requestLogging(pino({ level }, sink)));
    let healthy = true;
    app.get('/health', (_req, res) => {
      res.status(healthy ? 200 : 503).json({ status: healthy ? 'healthy' : 'degraded' });
    });
    app.get('/apps', (_req, res) => {
      res.json([]);
    });
    return { app, lines, sick: () => (healthy = false) };
  };
  const flushed = () => new Promise((resolve) => setImmediate(resolve));

  it('log a healthy /health at debug: not at info, where every other request is', async () => {
    const info = capture('info');
    await request(info.app).get('/health').expect(200);
    await request(info.app).get('/apps').expect(200);
    await flushed();
    expect(info.lines.map((l) => l.path)).toEqual(['/apps']);

    const debug = capture('debug');
    await request(debug.app).get('/health').expect(200);
    await flushed();
    expect(debug.lines).toHaveLength(1);
    expect(debug.lines[0]).toMatchObject({ level: 20, path: '/health', status: 200, msg: 'request' });
  });

  it('log a failing /health at info', async () => {
    const info = capture('info');
    info.sick();
    await request(info.app).get('/health').expect(503);
    await flushed();
    expect(info.lines).toHaveLength(1);
    expect(info.lines[0]).toMatchObject({ level: 30, path: '/health', status: 503 });
  });
});

describe('the server logger', () => {
  const terminal = () => {
    let text = '';
    const stdout = Object.assign(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          text += chunk.toString();
          done();
        },
      }),
      { isTTY: true },
    );
    return { stdout, text: () => text };
  };

  it('writes readable lines to a terminal, with the fields and without credentials', () => {
    const out = terminal();
    const logger = createLogger('info', out.stdout);
    logger.info({ port: 9000, password: 'hunter2-secret' }, 'Updraft listening');
    logger.debug('not at this level');
    const text = stripVTControlCharacters(out.text());
    expect(() => JSON.parse(text)).toThrow();
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(
      /^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: Updraft listening \{"port":9000,"password":"\[Redacted\]"\}\n$/,
    );
    expect(text).not.toContain('hunter2-secret');
  });
});
