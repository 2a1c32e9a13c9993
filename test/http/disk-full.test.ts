import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { feedTenant } from '../helpers/feeds.js';
import { upload } from '../helpers/releases.js';

/** A real small file system for DATA_DIR: a 4 MiB tmpfs (needs root, as CI runs); undefined where it cannot be had. */
function mountSmallDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'updraft-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/** Writes a file until the disk says ENOSPC. */
function fillUp(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

const disk = mountSmallDisk();

/**
 * DATA_DIR on a file system that fills up: an upload answers 507 saying nothing was saved (not 500), /health says
 * degraded, and once space is freed the same upload goes through (no claim or half-file left behind).
 */
describe.runIf(disk !== undefined)('a full disk', () => {
  let t: TestApp;
  let token: string;
  const dataDir = disk ?? '';
  const filler = join(dataDir, 'filler');

  beforeAll(async () => {
    t = await createTestApp({ DATA_DIR: dataDir });
    token = (await feedTenant(t, { apps: ['Roomy'] })).token;
  });

  afterAll(async () => {
    await t?.close().catch(() => {});
    execFileSync('umount', [dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = () =>
    upload(t.app, token, { app_name: 'Roomy', version: '1.0.0', publish: true }, [
      { name: 'roomy-1.0.0.zip', content: Buffer.alloc(256 * 1024, 7) },
    ]);

  it('answers 507 while the disk is full, degraded health, and takes the upload once there is room', async () => {
    await request(t.app).get('/health').expect(200, { status: 'healthy' });
    fillUp(filler);

    const refused = await send().expect(507);
    expect(refused.body.error).toMatch(/no storage space left: nothing was saved/);
    const health = await request(t.app).get('/health').expect(503);
    expect(health.body.status).toBe('degraded');
    expect(health.body.reason).toMatch(/disk is full/);

    rmSync(filler);
    await request(t.app).get('/health').expect(200, { status: 'healthy' });
    const saved = await send();
    expect(saved.status, saved.text).toBe(200);
  });
});
