import { VALUE } from './android-chunks.js';
import { attribute, type ManifestAttribute, readManifest } from './android-manifest.js';
import { type ResEntry, ResourceTable } from './android-resources.js';
import { badFile, parseError } from './package-error.js';
import { dataUrl, LIMITS } from './package-parts.js';
import type { PackageZip } from './package-zip.js';

export interface ApkInfo {
  platform: 'android';
  package_name: string;
  version_name: string;
  version_code: number;
  app_name: string;
  /** "Android 21", as Fenfa writes it; absent when the manifest names no minSdkVersion. */
  min_sdk?: string;
  target_sdk?: string;
  icon_base64?: string;
  /** Why there is no icon, when there is none. */
  icon_note?: string;
}

/** Density 0 means no qualifier (read as mdpi); anydpi (0xfffe) and nodpi (0xffff) rank below every real one. */
const densityRank = (density: number) => (density === 0 ? 160 : density >= 0xfffe ? 1 : density);

/** Follows a `@string/…` or `@mipmap/…` reference (and references to references) to its values. */
function resolve(table: ResourceTable | undefined, id: number): ResEntry[] {
  if (!table) return [];
  let entries = table.lookup(id);
  for (let hops = 0; hops < 8 && entries.some((e) => e.value.type === VALUE.reference); hops++)
    entries = entries.flatMap((e) => (e.value.type === VALUE.reference ? table.lookup(e.value.data) : [e]));
  return entries;
}

function text(table: ResourceTable | undefined, attr: ManifestAttribute | undefined): string | undefined {
  if (!attr) return undefined;
  if (attr.value.type !== VALUE.reference) {
    if (attr.text !== undefined) return attr.text;
    return attr.value.type === VALUE.intDec ? String(attr.value.data | 0) : undefined;
  }
  const entries = resolve(table, attr.value.data).filter((e) => e.value.type === VALUE.string);
  // The default configuration (no language) is what a device with an unlisted locale shows.
  const chosen = entries.find((e) => e.config.language === '') ?? entries[0];
  return chosen ? table?.strings.get(chosen.value.data) : undefined;
}

function integer(attr: ManifestAttribute | undefined): number | undefined {
  if (!attr) return undefined;
  if (attr.value.type === VALUE.intDec || attr.value.type === VALUE.intHex) return attr.value.data | 0;
  const parsed = attr.text === undefined ? Number.NaN : Number.parseInt(attr.text, 10);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The densest raster file of the icon; density 0 (no qualifier) counts as mdpi, nodpi last. */
function iconFile(
  table: ResourceTable | undefined,
  attr: ManifestAttribute,
): { file?: string; note?: string } {
  const files =
    attr.value.type === VALUE.reference
      ? resolve(table, attr.value.data)
          .filter((e) => e.value.type === VALUE.string)
          .map((e) => ({ path: table?.strings.get(e.value.data) ?? '', density: e.config.density }))
      : [{ path: attr.text ?? '', density: 0 }];
  const rasters = files
    .filter((f) => /\.(png|webp)$/i.test(f.path) && !/\.9\.png$/i.test(f.path))
    .map((f) => ({ ...f, rank: densityRank(f.density) }))
    .sort((a, b) => b.rank - a.rank || Number(/\.png$/i.test(b.path)) - Number(/\.png$/i.test(a.path)));
  if (rasters[0]) return { file: rasters[0].path };
  const drawable = files.find((f) => f.path.endsWith('.xml'));
  if (drawable)
    return {
      note: `the icon is an adaptive or vector drawable (${drawable.path}); Updraft does not render those, upload an icon separately`,
    };
  return { note: 'the icon named by the manifest was not found in resources.arsc' };
}

/** Reads an APK's binary manifest, and through resources.arsc its label and launcher icon. */
export async function readApk(zip: PackageZip): Promise<ApkInfo> {
  if (!zip.has('AndroidManifest.xml'))
    throw badFile('the file is not an APK: it has no AndroidManifest.xml at its root');
  const elements = readManifest(await zip.read('AndroidManifest.xml', LIMITS.manifest));
  const manifest = elements.find((e) => e.name === 'manifest' && e.depth === 0);
  if (!manifest) throw parseError('AndroidManifest.xml has no <manifest> element');
  const usesSdk = elements.find((e) => e.name === 'uses-sdk' && e.depth === 1);
  const application = elements.find((e) => e.name === 'application' && e.depth === 1);
  const wantsTable = [
    ...manifest.attributes,
    ...(usesSdk?.attributes ?? []),
    ...(application?.attributes ?? []),
  ].some((a) => a.value.type === VALUE.reference);
  const table =
    wantsTable && zip.has('resources.arsc')
      ? new ResourceTable(await zip.read('resources.arsc', LIMITS.resources))
      : undefined;

  const packageName = text(table, attribute(manifest, 'package')) ?? '';
  const info: ApkInfo = {
    platform: 'android',
    package_name: packageName,
    version_name: text(table, attribute(manifest, 'versionName')) ?? '',
    version_code: integer(attribute(manifest, 'versionCode')) ?? 0,
    // Fenfa's fallback for an unlabelled app: the last part of the package name, capitalised.
    app_name: text(table, attribute(application, 'label')) || titleOfPackage(packageName),
  };
  const minSdk = text(table, attribute(usesSdk, 'minSdkVersion'));
  if (minSdk) info.min_sdk = `Android ${minSdk}`;
  const targetSdk = text(table, attribute(usesSdk, 'targetSdkVersion'));
  if (targetSdk) info.target_sdk = `Android ${targetSdk}`;

  const iconAttr = attribute(application, 'icon') ?? attribute(application, 'roundIcon');
  if (!iconAttr) info.icon_note = 'the manifest names no application icon';
  else {
    const { file, note } = iconFile(table, iconAttr);
    if (file && zip.has(file) && (zip.sizeOf(file) ?? 0) <= LIMITS.icon) {
      const bytes = await zip.read(file, LIMITS.icon);
      info.icon_base64 = dataUrl(file.toLowerCase().endsWith('.webp') ? 'image/webp' : 'image/png', bytes);
    } else info.icon_note = note ?? `the icon file ${file} is missing from the APK or too large`;
  }
  return info;
}

function titleOfPackage(packageName: string): string {
  const last = packageName.split('.').pop() ?? '';
  return last.charAt(0).toUpperCase() + last.slice(1);
}
