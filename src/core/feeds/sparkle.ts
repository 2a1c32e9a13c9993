import { create } from 'xmlbuilder2';
import type { LineRelease, Release, ReleaseArtifact } from '../releases/index-load.js';
import { type FormatAnswer, newestAbove } from '../update/answer.js';
import type { Selection } from '../update/select.js';
import type { Version } from '../version-numbers.js';
import { type Feed, type FeedFormat, fileUrl } from './feed.js';
import { notesHtml } from './notes.js';

/** Sparkle matches `sparkle:*` by this namespace URI, exactly: `http://`, never `https://` (feed-formats.md §3). */
export const SPARKLE_NS = 'http://www.andymatuschak.org/xml-namespaces/sparkle';

export const APPCAST_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

/**
 * The archives an appcast offers, most preferred first: what Sparkle installs on macOS (zip, disk image,
 * tarballs, Apple Archive, installer package), then Windows installers for WinSparkle and NetSparkle, which read
 * the same appcast and pick enclosures by `sparkle:os`.
 */
const ARCHIVES: readonly { pattern: RegExp; os?: string }[] = [
  { pattern: /\.zip$/i },
  { pattern: /\.dmg$/i },
  { pattern: /\.(tar|tar\.[a-z0-9]+|tgz|tbz2?|txz)$/i },
  { pattern: /\.aar$/i },
  { pattern: /\.m?pkg$/i },
  { pattern: /\.(exe|msi)$/i, os: 'windows' },
];

const DELTA = /\.delta$/i;

type XMLBuilder = ReturnType<typeof create>;

/** The release's archive the appcast offers (the newest upload of the most preferred kind), if it has one. */
export function sparkleArchive(entry: LineRelease): { artifact: ReleaseArtifact; os?: string } | undefined {
  for (const { pattern, os } of ARCHIVES) {
    const found = entry.artifacts.findLast((a) => pattern.test(a.fileName));
    if (found) return os ? { artifact: found, os } : { artifact: found };
  }
  return undefined;
}

/**
 * The build a Sparkle delta updates from. Sparkle's generate_appcast names deltas `{App}{new}-{old}.delta`, so it
 * is what follows `{new}-` in the name; failing that, what follows the last `-`. Undefined when the name says none.
 */
export function deltaFrom(fileName: string, version: string): string | undefined {
  const stem = fileName.replace(DELTA, '');
  const marker = `${version}-`;
  const at = stem.lastIndexOf(marker);
  const from = at === -1 ? stem.slice(stem.lastIndexOf('-') + 1) : stem.slice(at + marker.length);
  return from === '' || from === stem || from === version ? undefined : from;
}

/** `Fri, 20 Nov 2026 10:00:00 +0000`: the RFC 822 form Sparkle parses (`E, dd MMM yyyy HH:mm:ss Z`, en_US). */
export function rfc822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** Characters XML 1.0 cannot carry at all, not even escaped: a changelog or a name with one must not break the feed. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * Text as CDATA: `]]>` cannot occur inside one section, so the text is split after `]]` and the `>` starts the next
 * section (`]]]]><![CDATA[>`). The document is written without indentation, so nothing comes between the sections.
 * (The sanitiser escapes `>` today; the appcast stays well-formed whatever HTML it is given.)
 */
function cdata(parent: XMLBuilder, text: string): void {
  const parts = xmlText(text).split(']]>');
  parts.forEach((part, i) => {
    const head = i === 0 ? '' : '>';
    const tail = i === parts.length - 1 ? '' : ']]';
    parent.dat(`${head}${part}${tail}`);
  });
}

function enclosure(
  parent: XMLBuilder,
  feed: Feed,
  release: Release,
  artifact: ReleaseArtifact,
  extra: Record<string, string>,
): void {
  parent.ele('enclosure', {
    url: fileUrl(feed, release, artifact),
    length: String(artifact.size),
    type: 'application/octet-stream',
    ...extra,
    ...(artifact.signature ? { 'sparkle:edSignature': xmlText(artifact.signature) } : {}),
  });
}

/** One `<item>`: a release with the archive it offers and the deltas uploaded with it. */
function item(
  channel: XMLBuilder,
  feed: Feed,
  entry: LineRelease,
  archive: ReleaseArtifact,
  os?: string,
): void {
  const { release } = entry;
  const version = xmlText(release.version.text);
  const node = channel.ele('item');
  node.ele('title').txt(xmlText(`${feed.app.name} ${release.version.text}`));
  node.ele('pubDate').txt(rfc822(release.publishedAt));
  node.ele(SPARKLE_NS, 'sparkle:version').txt(version);
  node.ele(SPARKLE_NS, 'sparkle:shortVersionString').txt(version);
  if (release.minSystemVersion) {
    node.ele(SPARKLE_NS, 'sparkle:minimumSystemVersion').txt(xmlText(release.minSystemVersion));
  }
  if (release.critical) node.ele(SPARKLE_NS, 'sparkle:criticalUpdate');
  const notes = notesHtml(release.changelog);
  if (notes !== '') cdata(node.ele('description'), notes);
  // The versions again on the enclosure: Sparkle 1 and WinSparkle read them there.
  enclosure(node, feed, release, archive, {
    'sparkle:version': version,
    'sparkle:shortVersionString': version,
    ...(os ? { 'sparkle:os': os } : {}),
  });
  const deltas = entry.artifacts.flatMap((artifact) => {
    if (!DELTA.test(artifact.fileName)) return [];
    const from = deltaFrom(artifact.fileName, release.version.text);
    return from === undefined ? [] : [{ artifact, from }];
  });
  if (deltas.length === 0) return;
  const list = node.ele(SPARKLE_NS, 'sparkle:deltas');
  for (const { artifact, from } of deltas) {
    enclosure(list, feed, release, artifact, {
      'sparkle:version': version,
      'sparkle:deltaFrom': xmlText(from),
    });
  }
}

/**
 * A Sparkle 2 appcast (feed-formats.md §3): RSS 2.0, one item per listed release that has an archive, newest
 * first. Built with xmlbuilder2, so every name, URL and signature is escaped and the document is always
 * well-formed (one bad item would make Sparkle reject the whole appcast).
 *
 * `sparkle:version` is the release's version: Sparkle compares it with the app's CFBundleVersion, so an app must
 * set CFBundleVersion to the version it is uploaded as. Release notes are the changelog as sanitised HTML. The
 * signature is the upload's `data.signature` (Sparkle's EdDSA signature of that file).
 */
function appcast(feed: Feed, selection: Selection): { xml: string; itemVersions: Version[] } {
  const itemVersions: Version[] = [];
  const rss = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:sparkle': SPARKLE_NS,
  });
  const channel = rss.ele('channel');
  const name = xmlText(feed.app.name);
  channel.ele('title').txt(name);
  channel.ele('link').txt(`${feed.base}/appcast.xml`);
  channel.ele('description').txt(`Updates of ${name}`);
  for (let i = selection.releases.length - 1; i >= 0; i--) {
    const entry = selection.releases[i];
    const archive = entry && sparkleArchive(entry);
    if (!entry || !archive) continue;
    item(channel, feed, entry, archive.artifact, archive.os);
    itemVersions.push(entry.release.version);
  }
  return { xml: rss.end({ headless: false, prettyPrint: false }), itemVersions };
}

/** The appcast; Sparkle installs its newest item when that is newer than the app. */
export function answerAppcast(feed: Feed, selection: Selection): FormatAnswer {
  const { xml, itemVersions } = appcast(feed, selection);
  return {
    status: 200,
    contentType: APPCAST_CONTENT_TYPE,
    body: xml,
    offers: newestAbove(itemVersions, selection.version),
    missing: `release ${selection.latest?.release.version.text} has no archive Sparkle installs (.zip, .dmg, .tar.*, .pkg, or .exe/.msi for WinSparkle)`,
  };
}

/** `appcast.xml`, FaynoSync's `appcast.{channel}.xml`, and `appcast-{anything}.xml`: all the feed of the path. */
const APPCAST_NAME = /^appcast(?:[.-][^/]+)?\.xml$/;

/**
 * `…/{arch}/appcast.xml`. Sparkle sends no version, so without `?version=` the appcast lists every release
 * (Sparkle picks the highest); with it, a required intermediate is honoured. Sparkle cannot gate a percentage
 * rollout itself (its phased rollout is by time), so `hint` is false: a client without a device id does not see a
 * staged release, and one that sends `X-Device-ID` (Sparkle's custom HTTP headers) is gated by the server.
 */
const sparkle: FeedFormat = {
  name: 'sparkle',
  path: {
    template: '{appcast}.xml',
    example: 'appcast.xml',
    summary: "Sparkle's appcast: appcast.xml, appcast-{name}.xml or appcast.{name}.xml",
    contentType: APPCAST_CONTENT_TYPE,
  },
  match: (tail) => (tail.length === 1 && APPCAST_NAME.test(tail[0] ?? '') ? { version: '' } : undefined),
  hint: false,
  answer: answerAppcast,
};

export const sparkleFeeds: readonly FeedFormat[] = [sparkle];
