import type { FeedFormat } from './feed.js';

/** Placeholder until the electron-builder feed lands: answers no path. */
export const electronBuilderFeeds: readonly FeedFormat[] = [];
