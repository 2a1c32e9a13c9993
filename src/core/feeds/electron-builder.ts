import { stringify } from 'yaml';
import type { LineRelease, ReleaseArtifact } from '../releases/index-load.js';
import type { FormatAnswer } from '../update/answer.js';
import type { Selection } from '../update/select.js';
import { type Feed, type FeedFormat, relativeFileUrl } from './feed.js';

/** A kind of channel file: which client reads it and which installers it lists. */
interface ChannelFileKind {
  /** For messages: which client reads this file. */
  label: string;
  /** The channel file's name as an OpenAPI path template, and an example. */
  template: string;
  example: string;
  /** Whether a channel-file name (without `.yml`) is of this kind. */
  named(name: string): boolean;
  /**
   * The installers this client can take, lower-case, in the order listed: electron-updater picks a file by
   * extension itself (NSIS the first `.exe`, MacUpdater the `.zip`, AppImageUpdater the `.AppImage`, the Linux
   * package updaters `.deb`/`.rpm`/`.pacman`), and the first listed is the legacy top-level `path`.
   */
  extensions: readonly string[];
}

const MAC_NAME = /-mac$/;
const LINUX_NAME = /-linux(?:-[A-Za-z0-9_]+)?$/;

const KINDS: readonly ChannelFileKind[] = [
  {
    label: 'macOS (-mac.yml)',
    template: '{channelFile}-mac.yml',
    example: 'latest-mac.yml',
    named: (name) => MAC_NAME.test(name),
    extensions: ['zip', 'dmg'],
  },
  {
    label: 'Linux (-linux.yml)',
    template: '{channelFile}-linux.yml',
    example: 'latest-linux.yml',
    named: (name) => LINUX_NAME.test(name),
    extensions: ['appimage', 'deb', 'rpm', 'pacman'],
  },
  {
    label: 'Windows (.yml)',
    template: '{channelFile}.yml',
    example: 'latest.yml',
    named: (name) => !MAC_NAME.test(name) && !LINUX_NAME.test(name),
    extensions: ['exe'],
  },
];

/**
 * The channel file that lists a release's installers: `latest.yml` for `.exe`, `latest-mac.yml` for `.zip`/`.dmg`,
 * `latest-linux.yml` for Linux packages (what `/checkVersion?updater=electron-builder` redirects to).
 */
export function channelFileFor(artifacts: readonly { ext: string }[]): string {
  const has = (kind: ChannelFileKind | undefined) =>
    kind !== undefined && artifacts.some((a) => kind.extensions.includes(a.ext.toLowerCase()));
  const [mac, linux, windows] = KINDS;
  if (has(windows)) return 'latest.yml';
  if (has(mac)) return 'latest-mac.yml';
  if (has(linux)) return 'latest-linux.yml';
  return 'latest.yml';
}

/**
 * Installers whose blockmap electron-builder appends to the file itself (AppImage; nsis-web's `.7z` is not listed
 * here). The client reads the new blockmap from the last `blockMapSize + 4` bytes of the file, so it needs that
 * size in the channel file. The index holds no trailer length, and a feed is rendered without reading storage, so
 * the size is taken from a sidecar `{file}.blockmap` uploaded in the same release: the appended blockmap bytes
 * (the trailer without its 4-byte length). Without the sidecar the field is left out and the client downloads the
 * whole file, which is always safe; a wrong size only costs a failed differential attempt before the full one.
 */
const APPENDED_BLOCKMAP = ['appimage'];

const CONTENT_TYPE = 'text/yaml; charset=utf-8';

/** One `files[]` entry, in electron-builder's field order. */
interface UpdateFile {
  url: string;
  sha512: string;
  size: number;
  blockMapSize?: number;
}

/** `sha512` in the channel file is base64 of the raw digest; the index keeps hex. */
function base64Digest(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The release's installers for this kind of client, in the kind's extension order, then upload order. */
function updateFiles(entry: LineRelease, kind: ChannelFileKind): UpdateFile[] {
  const files: UpdateFile[] = [];
  for (const extension of kind.extensions) {
    for (const artifact of entry.artifacts) {
      // A file stored before SHA-512 was recorded cannot be verified by the client (ERR_UPDATER_NO_CHECKSUM).
      if (extensionOf(artifact.fileName) !== extension || artifact.sha512 === '') continue;
      const blockMapSize = APPENDED_BLOCKMAP.includes(extension) ? sidecarSize(entry, artifact) : undefined;
      files.push({
        url: relativeFileUrl(entry.release, artifact),
        sha512: base64Digest(artifact.sha512),
        size: artifact.size,
        ...(blockMapSize === undefined ? {} : { blockMapSize }),
      });
    }
  }
  return files;
}

function sidecarSize(entry: LineRelease, artifact: ReleaseArtifact): number | undefined {
  const name = `${artifact.fileName}.blockmap`;
  const sidecar = entry.artifacts.find((a) => a.fileName === name);
  return sidecar && sidecar.size > 0 && sidecar.size + 4 < artifact.size ? sidecar.size : undefined;
}

function where(feed: Feed): string {
  return `channel "${feed.channel ?? '_'}", platform "${feed.platform ?? '_'}", arch "${feed.arch ?? '_'}"`;
}

/**
 * The channel file for a kind of client. It offers its `version` unless that is not newer than the client's or
 * `stagingPercentage` is 0 (electron-updater then stays where it is).
 */
function answerChannelFile(kind: ChannelFileKind, feed: Feed, selection: Selection): FormatAnswer {
  let entry = selection.latest;
  let stagingPercentage = selection.stagingPercent;
  if (!entry) {
    // Releases exist but none is open to this device (it is outside every staged rollout). A 404 would be an
    // error in the app; the newest release with a 0% rollout is a plain "no update" to electron-updater.
    entry = feed.line.at(-1);
    stagingPercentage = 0;
  }
  if (!entry) {
    return {
      status: 404,
      error: `app "${feed.app.name}" has no published release for ${where(feed)}: upload and publish one`,
    };
  }
  const { release } = entry;
  const files = updateFiles(entry, kind);
  const [first] = files;
  if (!first) {
    const wanted = kind.extensions.map((e) => (e === 'appimage' ? '.AppImage' : `.${e}`)).join(', ');
    return {
      status: 404,
      error: `release ${release.version.text} of app "${feed.app.name}" (${where(feed)}) has no ${wanted} file for ${kind.label} clients: upload the installer with that version`,
    };
  }
  const info = {
    version: release.version.text,
    files,
    // Read only by electron-updater 2.15 and older, which ignore files[]; builder 26 still writes them.
    path: first.url,
    sha512: first.sha512,
    releaseDate: release.publishedAt.toISOString(),
    ...(release.changelog.trim() === '' ? {} : { releaseNotes: release.changelog }),
    ...(stagingPercentage === undefined ? {} : { stagingPercentage }),
    ...(release.minSystemVersion ? { minimumSystemVersion: release.minSystemVersion } : {}),
  };
  // electron-updater parses with js-yaml, which still reads YAML 1.1 timestamps (and the like) in plain scalars:
  // writing as YAML 1.1 quotes every string such a parser would turn into something else (releaseDate above all).
  return {
    status: 200,
    contentType: CONTENT_TYPE,
    body: stringify(info, { version: '1.1' }),
    offers: selection.updateAvailable && stagingPercentage !== 0 ? release.version.text : null,
  };
}

/**
 * electron-updater's `generic` provider: the client asks for `{channel}.yml` (Windows), `{channel}-mac.yml` or
 * `{channel}-linux[-{arch}].yml` beside the configured feed URL. Every such name answers the feed of the path, so
 * the channel, platform and arch are the path's, whatever the client's `channel` setting or its arch suffix says
 * (a beta build that asks for `beta.yml` on the stable feed gets the stable line).
 *
 * The document is generated from the release data, never relayed from an uploaded `.yml` (those stay plain files
 * under `{version}/`), so publishing, channels, staged rollouts and required intermediates all apply:
 * - with `?version=<running version>` on the feed URL (electron-updater puts the feed URL's query on every URL it
 *   derives), a required intermediate is offered before anything newer;
 * - with the `x-user-staging-id` header electron-updater sends, the server gates the rollout itself; without it,
 *   `stagingPercentage` lets the client gate itself.
 *
 * One format per kind of channel file (Windows, macOS, Linux), each matching one path segment.
 */
export const electronBuilderFeeds: readonly FeedFormat[] = KINDS.map(
  (kind): FeedFormat => ({
    name: 'electron-builder',
    path: {
      template: kind.template,
      example: kind.example,
      summary: `electron-updater's channel file, ${kind.label}`,
      contentType: CONTENT_TYPE,
    },
    match(tail) {
      const [name] = tail;
      if (tail.length !== 1 || name === undefined || !name.endsWith('.yml')) return undefined;
      const channel = name.slice(0, -'.yml'.length);
      return channel !== '' && kind.named(channel) ? { version: '' } : undefined;
    },
    hint: true,
    answer: (feed, selection) => answerChannelFile(kind, feed, selection),
  }),
);
