import type { FeedFormat } from './feed.js';

/** Placeholder until the tauri feed lands: answers no path. */
export const tauriFeeds: readonly FeedFormat[] = [];
