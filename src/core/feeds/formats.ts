import { electronBuilderFeeds } from './electron-builder.js';
import type { FeedFormat } from './feed.js';
import { sparkleFeeds } from './sparkle.js';
import { squirrelMacFeeds } from './squirrel-mac.js';
import { squirrelWindowsFeeds } from './squirrel-windows.js';
import { tauriFeeds } from './tauri.js';
import { velopackFeeds } from './velopack.js';

/** Every feed format, in the order paths are matched: the first whose match() accepts a path answers it. */
export const FEED_FORMATS: readonly FeedFormat[] = [
  ...electronBuilderFeeds,
  ...squirrelWindowsFeeds,
  ...squirrelMacFeeds,
  ...sparkleFeeds,
  ...tauriFeeds,
  ...velopackFeeds,
];
