import type { FeedFormat } from './feed.js';

/** Placeholder until the velopack feed lands: answers no path. */
export const velopackFeeds: readonly FeedFormat[] = [];
