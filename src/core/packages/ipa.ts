import { badFile } from './package-error.js';
import { dataUrl, LIMITS } from './package-parts.js';
import type { PackageZip } from './package-zip.js';
import { pngSize, uncrushPng } from './png.js';
import { isDict, type PlistDict, readPropertyList, stringOf, stringsOf } from './property-list.js';
import { type ProvisioningProfile, readProvisioningProfile } from './provisioning-profile.js';

export interface IpaInfo {
  platform: 'ios';
  bundle_id: string;
  /** CFBundleShortVersionString. */
  version: string;
  /** CFBundleVersion. */
  build: string;
  app_name: string;
  /** "iOS 15.0", as Fenfa writes it; absent when Info.plist names no MinimumOSVersion. */
  min_os?: string;
  icon_base64?: string;
  /** Why there is no icon, when there is none. */
  icon_note?: string;
  provisioning_profile?: ProvisioningProfile;
}

const APP_PLIST = /^Payload\/[^/]+\.app\/Info\.plist$/;

/** The icon base names Info.plist declares, iPhone and iPad, new keys and old. */
function declaredIcons(info: PlistDict): Set<string> {
  const names = [...stringsOf(info.CFBundleIconFiles), stringOf(info.CFBundleIconFile) ?? ''];
  for (const key of ['CFBundleIcons', 'CFBundleIcons~ipad']) {
    const icons = info[key];
    const primary = isDict(icons) ? icons.CFBundlePrimaryIcon : undefined;
    if (isDict(primary)) names.push(...stringsOf(primary.CFBundleIconFiles));
  }
  return new Set(names.filter(Boolean).map((name) => name.replace(/\.png$/i, '')));
}

/**
 * The largest PNG icon of the app bundle's top folder, named by Info.plist or AppIcon*.png, as a standard PNG
 * (Apple's CgBI crushing undone). Icons that exist only inside Assets.car are not read.
 */
async function readIcon(
  zip: PackageZip,
  appDir: string,
  info: PlistDict,
): Promise<Pick<IpaInfo, 'icon_base64' | 'icon_note'>> {
  const declared = declaredIcons(info);
  const candidates: { bytes: Buffer; area: number }[] = [];
  for (const name of zip.names()) {
    if (!name.startsWith(`${appDir}/`) || !name.toLowerCase().endsWith('.png')) continue;
    const file = name.slice(appDir.length + 1);
    if (file.includes('/')) continue;
    const stem = file
      .replace(/\.png$/i, '')
      .replace(/~(ipad|iphone)$/, '')
      .replace(/@\dx$/, '');
    if (!declared.has(stem) && !stem.startsWith('AppIcon')) continue;
    if ((zip.sizeOf(name) ?? 0) > LIMITS.icon) continue;
    const bytes = await zip.read(name, LIMITS.icon);
    const size = pngSize(bytes);
    if (size) candidates.push({ bytes, area: size.width * size.height });
  }
  candidates.sort((a, b) => b.area - a.area);
  for (const candidate of candidates) {
    const png = uncrushPng(candidate.bytes);
    if (png) return { icon_base64: dataUrl('image/png', png) };
  }
  return {
    icon_note: zip.has(`${appDir}/Assets.car`)
      ? 'the app icon is only in Assets.car, which Updraft does not read; upload an icon separately'
      : 'the app bundle has no icon PNG',
  };
}

/** Reads an IPA's Info.plist, icon and embedded.mobileprovision. */
export async function readIpa(zip: PackageZip): Promise<IpaInfo> {
  const plistName = [...zip.names()].find((name) => APP_PLIST.test(name));
  if (!plistName) throw badFile('the file is not an IPA: it has no Payload/*.app/Info.plist');
  const appDir = plistName.slice(0, -'/Info.plist'.length);
  const info = readPropertyList(await zip.read(plistName, LIMITS.plist), plistName);
  const minOs = stringOf(info.MinimumOSVersion);
  const profileName = `${appDir}/embedded.mobileprovision`;
  const profile = zip.has(profileName)
    ? await readProvisioningProfile(await zip.read(profileName, LIMITS.profile), profileName)
    : undefined;
  return {
    platform: 'ios',
    bundle_id: stringOf(info.CFBundleIdentifier) ?? '',
    version: stringOf(info.CFBundleShortVersionString) ?? '',
    build: stringOf(info.CFBundleVersion) ?? '',
    app_name: stringOf(info.CFBundleDisplayName) || stringOf(info.CFBundleName) || '',
    ...(minOs ? { min_os: `iOS ${minOs}` } : {}),
    ...(await readIcon(zip, appDir, info)),
    ...(profile ? { provisioning_profile: profile } : {}),
  };
}
