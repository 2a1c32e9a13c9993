import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardPng, typicalApp, writeApk, writeIpa } from '../../helpers/packages/fixtures.js';

const GIB = 1024 * 1024 * 1024;
const LIMIT = 64 * 1024 * 1024;

let dir: string;
let probe: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'updraft-large-package-'));
  probe = join(dir, 'memory-probe.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../../helpers/packages/memory-probe.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: probe,
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Measure {
  before: number;
  peak: number;
  platform: string;
  fileSize: number;
}

/**
 * Parses the package in a fresh node process and returns how far its peak resident memory rose above what it
 * held just before the parse: an upper bound of the parse's cost, whatever the garbage collector did. Measured,
 * not timed.
 */
async function parseInFreshProcess(path: string): Promise<Measure & { growth: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [probe, path]);
  const measure = JSON.parse(stdout) as Measure;
  return { ...measure, growth: measure.peak - measure.before };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

describe('a 1 GB package', () => {
  it('of iOS is parsed with flat memory: only the directory and the entries needed are read', async () => {
    const ipa = join(dir, 'large.ipa');
    // The large framework comes first, as Xcode lays out Payload/, so a reader that streams the archive from the
    // start would have to go through it before reaching Info.plist.
    await writeIpa(ipa, {
      before: [{ name: 'Payload/Demo.app/Frameworks/Engine.framework/Engine', sparseSize: GIB }],
    });
    const file = await stat(ipa);
    expect(file.size).toBeGreaterThan(GIB);
    // The fixture really is sparse: a gigabyte of apparent size, almost nothing on disk.
    expect(file.blocks * 512).toBeLessThan(16 * 1024 * 1024);

    const measure = await parseInFreshProcess(ipa);
    expect(measure).toMatchObject({ platform: 'ios', fileSize: file.size });
    expect(measure.growth, `peak RSS rose ${mb(measure.growth)} above ${mb(measure.before)}`).toBeLessThan(
      LIMIT,
    );
  });

  it('of Android, with a large asset before the manifest, is parsed with flat memory too', async () => {
    const apk = join(dir, 'large.apk');
    const icon = standardPng(8, 8, Buffer.alloc(256, 0x80));
    await writeApk(apk, {
      ...typicalApp({ mdpi: icon, xxxhdpi: icon }),
      before: [{ name: 'assets/level-data.bin', sparseSize: GIB }],
    });
    const measure = await parseInFreshProcess(apk);
    expect(measure.platform).toBe('android');
    expect(measure.growth, `peak RSS rose ${mb(measure.growth)} above ${mb(measure.before)}`).toBeLessThan(
      LIMIT,
    );
  });
});
