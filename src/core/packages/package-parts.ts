/**
 * The most a package part may inflate to. Real ones are far smaller (an Info.plist is a few KB, a large app's
 * resources.arsc a few MB); the caps keep a crafted package from making the server inflate gigabytes.
 */
export const LIMITS = {
  plist: 4 * 1024 * 1024,
  profile: 4 * 1024 * 1024,
  manifest: 4 * 1024 * 1024,
  resources: 64 * 1024 * 1024,
  icon: 4 * 1024 * 1024,
} as const;

/** An image as Fenfa's `icon_base64`: a data URL. */
export function dataUrl(mime: string, bytes: Buffer): string {
  return `data:${mime};base64,${bytes.toString('base64')}`;
}
