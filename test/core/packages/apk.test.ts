import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../../src/core/packages/read-package.js';
import { ANDROID_ATTR, type ManifestNode, resourceIds } from '../../helpers/packages/android.js';
import { standardPng, typicalApp, writeApk } from '../../helpers/packages/fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'updraft-apk-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mdpi = standardPng(48, 48, Buffer.alloc(48 * 48 * 4, 0x40));
const xxxhdpi = standardPng(192, 192, Buffer.alloc(192 * 192 * 4, 0xc0));

describe('reading an APK', () => {
  for (const encoding of ['utf8', 'utf16'] as const) {
    it(`reads the manifest with a ${encoding} string pool, the default label and the densest PNG icon`, async () => {
      const app = typicalApp({ mdpi, xxxhdpi });
      const path = join(dir, `typical-${encoding}.apk`);
      await writeApk(path, { ...app, encoding, resourcesEncoding: encoding });
      const info = await readPackage(path, { fileName: 'demo-release.apk' });
      expect(info).toEqual({
        platform: 'android',
        package_name: 'com.example.android.demo',
        version_name: '3.2.1',
        version_code: 30201,
        app_name: 'Demo Android',
        min_sdk: 'Android 24',
        target_sdk: 'Android 34',
        icon_base64: `data:image/png;base64,${xxxhdpi.toString('base64')}`,
        file_size: info.file_size,
        file_name: 'demo-release.apk',
      });
      expect(info.file_size).toBeGreaterThan(xxxhdpi.length);
    });
  }

  it.each(['offset16', 'sparse'] as const)(
    'finds resources in %s type chunks (newer aapt2 output)',
    async (entryLayout) => {
      const path = join(dir, `${entryLayout}.apk`);
      await writeApk(path, { ...typicalApp({ mdpi, xxxhdpi }), entryLayout });
      const info = await readPackage(path);
      expect(info).toMatchObject({ app_name: 'Demo Android' });
      expect(info.icon_base64).toBe(`data:image/png;base64,${xxxhdpi.toString('base64')}`);
    },
  );

  it.each(['utf8', 'utf16'] as const)(
    'reads strings longer than a one-byte length from %s pools',
    async (encoding) => {
      const label = `Démo ${'Ω'.repeat(300)} ${'x'.repeat(200)}`;
      const app = typicalApp({ mdpi, xxxhdpi });
      const resources = app.resources.map((r) =>
        r.name === 'app_name' ? { ...r, values: [{ string: label }] } : r,
      );
      const path = join(dir, `long-${encoding}.apk`);
      await writeApk(path, { ...app, resources, encoding, resourcesEncoding: encoding });
      expect(await readPackage(path)).toMatchObject({ app_name: label, version_name: '3.2.1' });
    },
  );

  it('matches attributes by their resource ids when a shrinker has blanked the names, and keeps non-ASCII strings', async () => {
    const app = typicalApp({ mdpi, xxxhdpi });
    const resources = app.resources.map((r) =>
      r.type === 'string' ? { ...r, values: [{ string: 'Démo – 日本' }] } : r,
    );
    const path = join(dir, 'shrunk.apk');
    await writeApk(path, { ...app, resources, blankNames: true, encoding: 'utf8' });
    const info = await readPackage(path);
    expect(info).toMatchObject({
      version_code: 30201,
      version_name: '3.2.1',
      app_name: 'Démo – 日本',
      min_sdk: 'Android 24',
    });
  });

  it('follows a label that references another resource, and a literal label in the manifest', async () => {
    const brand = { type: 'string' as const, name: 'brand', values: [{ string: 'Brand Name' }] };
    const brandId = resourceIds([brand]).get('string/brand');
    const resources = [brand, { type: 'string' as const, name: 'app_name', values: [{ ref: brandId }] }];
    const ids = resourceIds(resources);
    const manifest = (label: ManifestNode['attrs'][number]['value']): ManifestNode => ({
      tag: 'manifest',
      attrs: [{ name: 'package', value: { string: 'org.example.refs' } }],
      children: [
        { tag: 'application', attrs: [{ android: { id: ANDROID_ATTR.label }, name: 'label', value: label }] },
      ],
    });
    const viaRef = join(dir, 'ref.apk');
    await writeApk(viaRef, { manifest: manifest({ ref: ids.get('string/app_name') ?? 0 }), resources });
    expect(await readPackage(viaRef)).toMatchObject({
      app_name: 'Brand Name',
      package_name: 'org.example.refs',
    });
    const literal = join(dir, 'literal.apk');
    await writeApk(literal, { manifest: manifest({ string: 'Literal Label' }) });
    const info = await readPackage(literal);
    expect(info).toMatchObject({ app_name: 'Literal Label', version_name: '', version_code: 0 });
    expect(info).not.toHaveProperty('min_sdk');
    expect(info.icon_note).toMatch(/no application icon/);
  });

  it('returns no icon, and says so, when the icon is only an adaptive or vector drawable', async () => {
    const app = typicalApp({ mdpi, xxxhdpi });
    const resources = app.resources.map((r) =>
      r.type === 'mipmap' ? { ...r, values: r.values.filter((v) => v.string?.endsWith('.xml')) } : r,
    );
    const path = join(dir, 'adaptive.apk');
    await writeApk(path, { ...app, resources });
    const info = await readPackage(path);
    expect(info.icon_base64).toBeUndefined();
    expect(info.icon_note).toMatch(
      /adaptive or vector drawable \(res\/mipmap-anydpi-v26\/ic_launcher\.xml\)/,
    );
  });

  it('names an unlabelled app after its package, as Fenfa does', async () => {
    const path = join(dir, 'unlabelled.apk');
    await writeApk(path, {
      manifest: { tag: 'manifest', attrs: [{ name: 'package', value: { string: 'com.example.scanner' } }] },
    });
    expect(await readPackage(path)).toMatchObject({ app_name: 'Scanner' });
  });
});
