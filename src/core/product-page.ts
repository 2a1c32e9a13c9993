import type { TenantCatalog } from './releases/catalog-load.js';
import type { ReleaseArtifact, ReleaseIndex } from './releases/index-load.js';

/** The platform families a download page knows; a tenant's own platform names map onto them. */
export type Family = 'windows' | 'macos' | 'linux' | 'android' | 'ios';
export type CpuFamily = 'x64' | 'arm64' | 'ia32';

const PLATFORM_SPELLINGS: Record<string, Family> = {
  windows: 'windows',
  win: 'windows',
  win32: 'windows',
  win64: 'windows',
  darwin: 'macos',
  mac: 'macos',
  macos: 'macos',
  osx: 'macos',
  linux: 'linux',
  android: 'android',
  ios: 'ios',
  iphoneos: 'ios',
};

const ARCH_SPELLINGS: Record<string, CpuFamily> = {
  x64: 'x64',
  amd64: 'x64',
  x86_64: 'x64',
  arm64: 'arm64',
  aarch64: 'arm64',
  ia32: 'ia32',
  x86: 'ia32',
  i386: 'ia32',
  i686: 'ia32',
};

export function platformFamily(name: string): Family | undefined {
  return PLATFORM_SPELLINGS[name.toLowerCase().replace(/[\s-]/g, '')];
}

export function archFamily(name: string): CpuFamily | undefined {
  return ARCH_SPELLINGS[name.toLowerCase().replace(/[\s-]/g, '')];
}

export interface Visitor {
  platform?: Family;
  arch?: CpuFamily;
}

/**
 * The visitor's platform and CPU from the user agent and, where the browser sends them, client hints
 * (`Sec-CH-UA-Platform`, `Sec-CH-UA-Arch`): Chrome on an Apple silicon Mac still says "Intel Mac OS X" in its user
 * agent, and only the hint tells the CPU. An iPad asking for the desktop site looks like a Mac here; the page's
 * script corrects that in the browser (touch points), which a server cannot see.
 */
export function detectVisitor(headers: Record<string, string | string[] | undefined>): Visitor {
  const text = (name: string) => {
    const value = headers[name];
    return (Array.isArray(value) ? value[0] : value)?.replace(/"/g, '').trim().toLowerCase() ?? '';
  };
  const ua = text('user-agent');
  const hintPlatform = text('sec-ch-ua-platform');
  const hintArch = text('sec-ch-ua-arch');
  const hintBits = text('sec-ch-ua-bitness');
  let platform: Family | undefined;
  if (hintPlatform === 'windows' || (!hintPlatform && /windows/.test(ua))) platform = 'windows';
  else if (hintPlatform === 'android' || /android/.test(ua)) platform = 'android';
  else if (hintPlatform === 'ios' || /iphone|ipad|ipod/.test(ua)) platform = 'ios';
  else if (hintPlatform === 'macos' || /macintosh|mac os x/.test(ua)) platform = 'macos';
  else if (hintPlatform === 'linux' || hintPlatform === 'chrome os' || /linux|cros/.test(ua))
    platform = 'linux';

  let arch: CpuFamily | undefined;
  if (hintArch === 'arm') arch = hintBits === '32' ? undefined : 'arm64';
  else if (hintArch === 'x86') arch = hintBits === '32' ? 'ia32' : 'x64';
  else if (/arm64|aarch64/.test(ua)) arch = 'arm64';
  else if (/x86_64|x64|win64|wow64|amd64/.test(ua)) arch = 'x64';
  else if (platform === 'android' || platform === 'ios') arch = 'arm64';
  else if (/i[3-6]86/.test(ua)) arch = 'ia32';
  else if (platform === 'windows' || platform === 'linux') arch = 'x64';
  return { platform, arch };
}

/** Files an updater reads, not a person: never offered on the page. */
const NOT_FOR_PEOPLE = /(\.blockmap|\.ya?ml|\.json|\.sig|\.asc|-delta\.nupkg|^RELEASES)$/i;

/** Whether a person would download this file (an installer), not an updater (a feed, blockmap or signature). */
export function forPeople(fileName: string): boolean {
  return !NOT_FOR_PEOPLE.test(fileName);
}

/** Within one platform, which file a person most likely wants first. */
const PREFERRED: Record<Family, string[]> = {
  windows: ['.exe', '.msi', '.msix', '.appx', '.zip', '.nupkg'],
  macos: ['.dmg', '.pkg', '.zip', '.tar.gz'],
  linux: ['.appimage', '.deb', '.rpm', '.snap', '.flatpak', '.tar.gz', '.zip'],
  android: ['.apk', '.aab'],
  ios: ['.ipa'],
};

function rank(artifact: ReleaseArtifact): number {
  const family = platformFamily(artifact.platform);
  const name = artifact.fileName.toLowerCase();
  const order = family ? PREFERRED[family] : [];
  const i = order.findIndex((ext) => name.endsWith(ext));
  return i === -1 ? order.length : i;
}

export interface PageFile {
  artifact: ReleaseArtifact;
  family: Family | undefined;
  cpu: CpuFamily | undefined;
}

/** The files of a release a person may download, best first for the visitor; the first is the recommendation. */
export function downloadsFor(artifacts: readonly ReleaseArtifact[], visitor: Visitor): PageFile[] {
  const files = artifacts
    .filter((a) => forPeople(a.fileName))
    .map((artifact) => ({
      artifact,
      family: platformFamily(artifact.platform),
      cpu: archFamily(artifact.arch),
    }));
  const score = (f: PageFile) => {
    let s = 0;
    if (visitor.platform && f.family === visitor.platform) s += 100;
    if (visitor.arch && f.cpu === visitor.arch) s += 10;
    // A Mac whose CPU is not told is most likely Apple silicon (every Mac sold since 2023); x64 runs there too.
    else if (visitor.platform === 'macos' && !visitor.arch && f.cpu === 'arm64') s += 5;
    else if (!f.cpu || f.artifact.arch === '' || /universal/i.test(f.artifact.arch)) s += 8;
    return s * 10 - rank(f.artifact);
  };
  return files.sort((a, b) => score(b) - score(a));
}

/** The channel a page shows: the one asked for, else one named "stable", else the one with the newest release. */
export function pageChannel(
  catalog: TenantCatalog,
  index: ReleaseIndex,
  asked: string | undefined,
): string | undefined {
  if (asked !== undefined) return catalog.channels.get(asked);
  const stable = catalog.channels.get('stable');
  if (stable !== undefined && index.channels.get(stable)?.length) return stable;
  let best: { id: string; at: number } | undefined;
  for (const [id, releases] of index.channels) {
    const at = releases.at(-1)?.publishedAt.getTime() ?? 0;
    if (!best || at > best.at) best = { id, at };
  }
  return best?.id;
}
