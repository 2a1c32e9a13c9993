import type { Feed, FeedFormat } from '../feeds/feed.js';
import type { Version } from '../version-numbers.js';
import { answered, type UpdateAnswer } from './answer.js';
import { selectReleases, stagedInReach } from './select.js';

/** Who asks for a feed document, as the request tells. */
export interface FeedRequest {
  /** The running version, from the path or the format's version parameter. */
  version: Version | undefined;
  /** A stable per-install id (x-user-staging-id, X-Device-ID, Velopack's stagingId). */
  deviceId: string | undefined;
  /** The other query parameters the format reads (FeedFormat.params). */
  query: Readonly<Record<string, string>>;
}

/**
 * What a feed document answers one client: the selection rule, then the format's own answer, whose offer is read
 * from what it lists. The hot path serves this; the feed doctor explains it.
 */
export function answerFeed(format: FeedFormat, feed: Feed, request: FeedRequest): UpdateAnswer {
  const { version, deviceId, query } = request;
  const selection = selectReleases(feed.line, { version, deviceId }, format.hint);
  return answered(format.answer(feed, selection, query), selection, stagedInReach(feed.line, version));
}
