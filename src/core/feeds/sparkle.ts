import type { FeedFormat } from './feed.js';

/** Placeholder until the sparkle feed lands: answers no path. */
export const sparkleFeeds: readonly FeedFormat[] = [];
