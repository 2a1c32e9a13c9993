import { describe, expect, it } from 'vitest';
import { decodeExtendedJson } from '../../src/import/faynosync/export-reader.js';
import { objectKeyOf } from '../../src/import/faynosync/plan.js';

describe('objectKeyOf: the key behind each kind of link FaynoSync stores (behaviour §4.2, §4.3)', () => {
  it.each([
    [
      'a private app’s /download link (QueryEscape: + for spaces)',
      'https://fayno.example.com/download?key=my+app-alice%2Fstable%2Fwindows%2Fx64%2Fmy+app-1.0.0.exe',
      'my app-alice/stable/windows/x64/my app-1.0.0.exe',
    ],
    [
      'AWS with the bucket in the host',
      'https://fayno-public.s3.eu-central-1.amazonaws.com/my%20app-alice/stable/my%20app-1.0.0.dmg',
      'my app-alice/stable/my app-1.0.0.dmg',
    ],
    [
      'MinIO or Garage, path style',
      'http://minio:9000/fayno-public/squirrel_windows/my%20app-alice/1.0.0/stable/windows/x64/RELEASES',
      'squirrel_windows/my app-alice/1.0.0/stable/windows/x64/RELEASES',
    ],
    [
      'DigitalOcean Spaces',
      'https://fayno.nyc3.digitaloceanspaces.com/electron-builder/my%20app-alice/1.0.0/stable/mac/arm64/latest-mac.yml',
      'electron-builder/my app-alice/1.0.0/stable/mac/arm64/latest-mac.yml',
    ],
    [
      'Google Cloud Storage',
      'https://storage.googleapis.com/fayno-public/velopack/alice/my%20app/windows/x64/MyApp-1.0.0-full.nupkg',
      'velopack/alice/my app/windows/x64/MyApp-1.0.0-full.nupkg',
    ],
  ])('%s', (_label, link, key) => {
    expect(objectKeyOf(link, 'my app', 'alice')).toBe(key);
  });

  it.each([
    ['not a URL', 'not a link'],
    ['a path of another layout', 'https://cdn.example.com/fayno-public/other/file.zip'],
    ['a broken escape', 'https://cdn.example.com/my%20app-alice/%E0%A4%A'],
  ])('gives no key for %s', (_label, link) => {
    expect(objectKeyOf(link, 'my app', 'alice')).toBeUndefined();
  });
});

describe('decodeExtendedJson: what mongoexport writes, relaxed or canonical', () => {
  it('turns ObjectIds into hex, dates into Dates and numbers into numbers, at any depth', () => {
    expect(
      decodeExtendedJson({
        _id: { $oid: '65A1B2C3D4E5F60718293A4B' },
        relaxed: { $date: '2024-05-01T10:00:00.000Z' },
        canonical: { $date: { $numberLong: '1714557600000' } },
        nested: [{ rollout_percent: { $numberInt: '30' }, length: { $numberLong: '123456789012' } }],
        plain: { $other: 1, kept: true },
      }),
    ).toEqual({
      _id: '65a1b2c3d4e5f60718293a4b',
      relaxed: new Date('2024-05-01T10:00:00.000Z'),
      canonical: new Date('2024-05-01T10:00:00.000Z'),
      nested: [{ rollout_percent: 30, length: 123456789012 }],
      plain: { $other: 1, kept: true },
    });
  });
});
