import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ANDROID_ATTR,
  binaryManifest,
  type EntryLayout,
  type ManifestNode,
  type PoolEncoding,
  type ResourceSpec,
  resourceIds,
  resourceTable,
} from './android.js';
import { certificate, signedData, type TestCertificate } from './der.js';
import { binaryPlist, type PlistInput, xmlPlist } from './plist.js';
import { writeZip, type ZipEntrySpec } from './zip.js';

export { crushPng, pixelsOf, standardPng } from './png.js';

export interface IpaOptions {
  /** Info.plist keys over a default app (com.example.demo 2.1.0 build 42, iOS 15.0). */
  info?: Record<string, PlistInput>;
  binaryInfo?: boolean;
  /** Files put in the .app folder (icons). */
  files?: { name: string; data: Buffer }[];
  /** The embedded.mobileprovision bytes, if any. */
  profile?: Buffer;
  /** Entries written before the app (a large framework, say). */
  before?: ZipEntrySpec[];
}

export const APP_DIR = 'Payload/Demo.app';

export function infoPlist(overrides: Record<string, PlistInput> = {}): Record<string, PlistInput> {
  return {
    CFBundleIdentifier: 'com.example.demo',
    CFBundleShortVersionString: '2.1.0',
    CFBundleVersion: '42',
    CFBundleDisplayName: 'Demo App',
    CFBundleName: 'Demo',
    MinimumOSVersion: '15.0',
    CFBundleIcons: {
      CFBundlePrimaryIcon: { CFBundleIconFiles: ['AppIcon60x60'], CFBundleIconName: 'AppIcon' },
    },
    UIDeviceFamily: [1, 2],
    ...overrides,
  };
}

/** An IPA as Xcode exports one: Payload/Demo.app with Info.plist, icons, the provisioning profile and a binary. */
export async function writeIpa(path: string, options: IpaOptions = {}): Promise<void> {
  const info = infoPlist(options.info);
  await writeZip(path, [
    ...(options.before ?? []),
    { name: 'Payload/', data: Buffer.alloc(0), store: true },
    { name: `${APP_DIR}/Info.plist`, data: options.binaryInfo ? binaryPlist(info) : xmlPlist(info) },
    { name: `${APP_DIR}/Demo`, data: Buffer.from('\xcf\xfa\xed\xfe executable', 'latin1') },
    ...(options.files ?? []).map((f) => ({ name: `${APP_DIR}/${f.name}`, data: f.data })),
    ...(options.profile ? [{ name: `${APP_DIR}/embedded.mobileprovision`, data: options.profile }] : []),
  ]);
}

export type ProfileKind = 'enterprise' | 'development' | 'app-store' | 'ad-hoc' | 'distribution';

export const TEAM_ID = 'A1B2C3D4E5';
export const DEVICES = ['00008110-000A1C2E3E88801E', '00008030-001229C01146402E'];

/** A provisioning profile's plist with the keys Apple sets for each kind of profile. */
export function profilePlist(kind: ProfileKind, cert: TestCertificate): Record<string, PlistInput> {
  const entitlements: Record<string, PlistInput> = {
    'application-identifier': `${TEAM_ID}.com.example.demo`,
    'com.apple.developer.team-identifier': TEAM_ID,
    'keychain-access-groups': [`${TEAM_ID}.*`],
    'get-task-allow': kind === 'development',
  };
  if (kind === 'app-store') entitlements['beta-reports-active'] = true;
  return {
    AppIDName: 'Demo App ID',
    ApplicationIdentifierPrefix: [TEAM_ID],
    CreationDate: new Date('2025-01-02T03:04:05Z'),
    Platform: ['iOS', 'xrOS'],
    IsXcodeManaged: false,
    DeveloperCertificates: [cert.der],
    Entitlements: entitlements,
    ExpirationDate: new Date('2026-01-02T03:04:05Z'),
    Name: `Demo ${kind}`,
    ...(kind === 'ad-hoc' || kind === 'development' ? { ProvisionedDevices: DEVICES } : {}),
    ...(kind === 'enterprise' ? { ProvisionsAllDevices: true } : {}),
    TeamIdentifier: [TEAM_ID],
    TeamName: 'Example Ltd',
    TimeToLive: 365,
    UUID: '6b2c8d1e-4f3a-4b5c-9d7e-0a1b2c3d4e5f',
    Version: 1,
  };
}

export function developerCertificate(): TestCertificate {
  return certificate({
    commonName: `Apple Distribution: Example Ltd (${TEAM_ID})`,
    teamId: TEAM_ID,
    serial: Buffer.from('00a1b2c3d4e5f60718', 'hex'),
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2026-01-01T00:00:00Z'),
  });
}

/** An embedded.mobileprovision: the profile's XML plist inside a CMS SignedData, as Apple ships it. */
export function mobileprovision(plist: Record<string, PlistInput>, cert: TestCertificate): Buffer {
  return signedData(xmlPlist(plist), [cert.der]);
}

export interface ApkOptions {
  manifest: ManifestNode;
  encoding?: PoolEncoding;
  blankNames?: boolean;
  resources?: ResourceSpec[];
  resourcesEncoding?: PoolEncoding;
  entryLayout?: EntryLayout;
  files?: { name: string; data: Buffer }[];
  /** Entries written before the manifest (a large asset, say). */
  before?: ZipEntrySpec[];
}

/** An APK: the binary manifest, resources.arsc (stored, as aapt2 leaves it), classes.dex and resource files. */
export async function writeApk(path: string, options: ApkOptions): Promise<void> {
  await writeZip(path, [
    ...(options.before ?? []),
    {
      name: 'AndroidManifest.xml',
      data: binaryManifest(options.manifest, {
        encoding: options.encoding ?? 'utf16',
        blankNames: options.blankNames ?? false,
      }),
    },
    { name: 'classes.dex', data: Buffer.from('dex\n035\0') },
    ...(options.resources
      ? [
          {
            name: 'resources.arsc',
            data: resourceTable(options.resources, options.resourcesEncoding, options.entryLayout),
            store: true,
          },
        ]
      : []),
    ...(options.files ?? []),
  ]);
}

/** A typical app: label and icon through resources, a German label before the default, PNGs per density and an adaptive icon. */
export function typicalApp(icons: { mdpi: Buffer; xxxhdpi: Buffer }): {
  manifest: ManifestNode;
  resources: ResourceSpec[];
  files: { name: string; data: Buffer }[];
} {
  const resources: ResourceSpec[] = [
    // Entries before the app's own, present in some configurations only: lookups must go by index, not position.
    { type: 'string', name: 'greeting', values: [{ config: { language: 'de' }, string: 'Hallo' }] },
    {
      type: 'mipmap',
      name: 'ic_banner',
      values: [{ config: { density: 640 }, string: 'res/mipmap-xxxhdpi-v4/ic_banner.png' }],
    },
    {
      type: 'string',
      name: 'app_name',
      values: [{ config: { language: 'de' }, string: 'Demo-Anwendung' }, { string: 'Demo Android' }],
    },
    {
      type: 'mipmap',
      name: 'ic_launcher',
      values: [
        { config: { density: 160 }, string: 'res/mipmap-mdpi-v4/ic_launcher.png' },
        { config: { density: 640 }, string: 'res/mipmap-xxxhdpi-v4/ic_launcher.png' },
        { config: { density: 0xfffe }, string: 'res/mipmap-anydpi-v26/ic_launcher.xml' },
      ],
    },
  ];
  const ids = resourceIds(resources);
  const manifest: ManifestNode = {
    tag: 'manifest',
    attrs: [
      { android: { id: ANDROID_ATTR.versionCode }, name: 'versionCode', value: { int: 30201 } },
      { android: { id: ANDROID_ATTR.versionName }, name: 'versionName', value: { string: '3.2.1' } },
      { name: 'package', value: { string: 'com.example.android.demo' } },
    ],
    children: [
      {
        tag: 'uses-sdk',
        attrs: [
          { android: { id: ANDROID_ATTR.minSdkVersion }, name: 'minSdkVersion', value: { int: 24 } },
          { android: { id: ANDROID_ATTR.targetSdkVersion }, name: 'targetSdkVersion', value: { int: 34 } },
        ],
      },
      {
        tag: 'application',
        attrs: [
          {
            android: { id: ANDROID_ATTR.label },
            name: 'label',
            value: { ref: ids.get('string/app_name') ?? 0 },
          },
          {
            android: { id: ANDROID_ATTR.icon },
            name: 'icon',
            value: { ref: ids.get('mipmap/ic_launcher') ?? 0 },
          },
        ],
        children: [
          {
            tag: 'activity',
            attrs: [{ android: { id: 0x01010003 }, name: 'name', value: { string: '.Main' } }],
          },
        ],
      },
    ],
  };
  return {
    manifest,
    resources,
    files: [
      { name: 'res/mipmap-mdpi-v4/ic_launcher.png', data: icons.mdpi },
      { name: 'res/mipmap-xxxhdpi-v4/ic_launcher.png', data: icons.xxxhdpi },
      { name: 'res/mipmap-anydpi-v26/ic_launcher.xml', data: Buffer.from('binary xml') },
    ],
  };
}

/** A package written by `write` to a temporary file, as bytes to upload (fixtures are small). */
export async function packageBytes(write: (path: string) => Promise<void>): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'updraft-package-'));
  try {
    const path = join(dir, 'package');
    await write(path);
    return await readFile(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
