/**
 * What to paste into each updater's configuration for one feed folder, as README's "Native updater feeds" table
 * says. Pure and free of Node, so that the console (web/) and the command line show the same list.
 */

/** A path segment of a feed URL: `_` stands for a channel, platform or arch the account has none of. */
export function feedSegment(value: string): string {
  return encodeURIComponent(value || '_');
}

/** `{origin}/update/{owner}/{app}/{channel}`: the base of every feed of the app's channel, Tauri's among them. */
export function feedBase(origin: string, owner: string, app: string, channel: string): string {
  return `${origin}/update/${feedSegment(owner)}/${feedSegment(app)}/${feedSegment(channel)}`;
}

export function feedUrls(folder: string, tauriBase: string): { updater: string; url: string }[] {
  return [
    { updater: 'electron-builder (generic provider url)', url: folder },
    { updater: 'Squirrel.Windows (append the app version)', url: `${folder}/{version}` },
    { updater: 'Squirrel.Mac (setFeedURL url)', url: `${folder}/{version}/squirrel-mac` },
    { updater: 'Sparkle (SUFeedURL)', url: `${folder}/appcast.xml` },
    { updater: 'Tauri v2 (endpoint)', url: `${tauriBase}/{{target}}/{{arch}}/{{current_version}}/tauri` },
    { updater: 'Velopack (UpdateManager)', url: folder },
  ];
}
