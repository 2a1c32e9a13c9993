import type { FeedFormat } from './feed.js';

/** Placeholder until the squirrel-windows feed lands: answers no path. */
export const squirrelWindowsFeeds: readonly FeedFormat[] = [];
