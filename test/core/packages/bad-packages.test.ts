import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainError } from '../../../src/core/errors.js';
import { PackageError } from '../../../src/core/packages/package-error.js';
import { readPackage } from '../../../src/core/packages/read-package.js';
import { binaryManifest } from '../../helpers/packages/android.js';
import { APP_DIR, typicalApp, writeApk, writeIpa } from '../../helpers/packages/fixtures.js';
import { writeZip } from '../../helpers/packages/zip.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'updraft-bad-package-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(path: string, options?: Parameters<typeof readPackage>[1]): Promise<PackageError> {
  const error = await readPackage(path, options).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(PackageError);
  // A caller's mistake on every face: the invalid kind (400), never a 500.
  expect((error as DomainError).kind).toBe('invalid');
  return error as PackageError;
}

describe('packages that cannot be read', () => {
  it('a file that is not a ZIP is BAD_FILE', async () => {
    const path = join(dir, 'not-a-zip.ipa');
    await writeFile(path, 'MZ\x90\x00 this is a Windows executable, not an IPA'.repeat(20));
    const error = await failure(path);
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toMatch(/not a ZIP archive or is truncated/);
  });

  it('an IPA cut short (its central directory lost) is BAD_FILE', async () => {
    const path = join(dir, 'truncated.ipa');
    await writeIpa(path);
    await truncate(path, Math.floor((await stat(path)).size * 0.6));
    expect((await failure(path)).code).toBe('BAD_FILE');
  });

  it('an entry whose bytes are damaged is BAD_FILE naming the entry', async () => {
    const path = join(dir, 'damaged.apk');
    const app = typicalApp({ mdpi: Buffer.alloc(10), xxxhdpi: Buffer.alloc(10) });
    await writeApk(path, app);
    const bytes = await readFile(path);
    // The manifest is the first entry, deflated: scribble over its compressed data after the local header.
    bytes.fill(0xff, 30 + 'AndroidManifest.xml'.length, 30 + 'AndroidManifest.xml'.length + 40);
    await writeFile(path, bytes);
    const error = await failure(path);
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toMatch(/AndroidManifest\.xml cannot be read/);
  });

  it('a ZIP with neither Payload/*.app nor AndroidManifest.xml is BAD_FILE', async () => {
    const path = join(dir, 'plain.zip');
    await writeZip(path, [{ name: 'readme.txt', data: Buffer.from('hello') }]);
    const error = await failure(path);
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toMatch(/neither an IPA .* nor an APK/);
  });

  it('an IPA expected but an APK given (no Payload/*.app/Info.plist) is BAD_FILE', async () => {
    const path = join(dir, 'really-an-apk.ipa');
    await writeApk(path, typicalApp({ mdpi: Buffer.alloc(10), xxxhdpi: Buffer.alloc(10) }));
    expect((await failure(path, { platform: 'ios' })).message).toMatch(/no Payload\/\*\.app\/Info\.plist/);
    const ipa = join(dir, 'really-an-ipa.apk');
    await writeIpa(ipa);
    expect((await failure(ipa, { platform: 'android' })).message).toMatch(/no AndroidManifest\.xml/);
  });

  it('an Info.plist that is not a property list is PARSE_ERROR', async () => {
    const path = join(dir, 'bad-plist.ipa');
    await writeZip(path, [{ name: `${APP_DIR}/Info.plist`, data: Buffer.from('{"json": "is not a plist"') }]);
    const error = await failure(path);
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/Info\.plist is not a readable property list/);
  });

  it('a manifest that is text XML, or whose chunks run past its end, is PARSE_ERROR', async () => {
    const text = join(dir, 'text-manifest.apk');
    await writeZip(text, [{ name: 'AndroidManifest.xml', data: Buffer.from('<manifest package="a.b"/>') }]);
    expect((await failure(text)).code).toBe('PARSE_ERROR');

    const cut = join(dir, 'cut-manifest.apk');
    const app = typicalApp({ mdpi: Buffer.alloc(10), xxxhdpi: Buffer.alloc(10) });
    const manifest = binaryManifest(app.manifest, { encoding: 'utf16' });
    await writeZip(cut, [{ name: 'AndroidManifest.xml', data: manifest.subarray(0, manifest.length - 30) }]);
    const error = await failure(cut);
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/AndroidManifest\.xml is damaged/);
  });

  it("a path that does not exist is the caller's fault, not the uploader's: the system error, not a PackageError", async () => {
    const error = await readPackage(join(dir, 'missing.ipa')).catch((err: unknown) => err);
    expect(error).not.toBeInstanceOf(PackageError);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
