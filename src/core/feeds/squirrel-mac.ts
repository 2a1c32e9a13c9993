import type { FeedFormat } from './feed.js';

/** Placeholder until the squirrel-mac feed lands: answers no path. */
export const squirrelMacFeeds: readonly FeedFormat[] = [];
