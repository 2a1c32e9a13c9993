import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBlockMap } from 'app-builder-lib/out/targets/blockmap/blockmap.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type FeedServer,
  type FeedsLab,
  feedsLab,
  newUpdater,
  squirrelMac,
  startFeedServer,
} from '../helpers/electron-updater.js';

/**
 * Differential downloads with real blockmaps (app-builder-lib's generator, as electron-builder 26 makes them) and
 * the two updaters that are not NSIS: MacUpdater (zip, handed to a Squirrel.Mac stand-in) and AppImageUpdater
 * (blockmap appended to the file).
 */

let server: FeedServer;
let lab: FeedsLab;
let work: string;

beforeAll(async () => {
  server = await startFeedServer();
  lab = await feedsLab(server, ['nsis-diff', 'mac', 'appimage']);
  work = mkdtempSync(join(tmpdir(), 'updraft-eu-diff-'));
});

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// Large enough that the few changed content-defined chunks (8–32 KiB each) stay far below an eighth of it.
const SIZE = 4 * 1024 * 1024;

/** Two "installers" sharing most bytes: the second changes a few KiB in place and inserts 6 KiB further on. */
function twoVersions(): [Buffer, Buffer] {
  const v1 = randomBytes(SIZE);
  const v2 = Buffer.concat([v1.subarray(0, 700_000), randomBytes(6 * 1024), v1.subarray(700_000)]);
  randomBytes(3000).copy(v2, 200_000);
  return [v1, v2];
}

function writeFile(name: string, data: Buffer): string {
  const path = join(work, name);
  writeFileSync(path, data);
  return path;
}

const sha512Base64 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

describe('NsisUpdater differential download', () => {
  it('fetches only the changed ranges of the new installer, by multi-range requests, and verifies the result', async () => {
    const [v1, v2] = twoVersions();
    const names = ['Diff-Setup-1.0.0.exe', 'Diff-Setup-1.1.0.exe'];
    for (const [i, version] of ['1.0.0', '1.1.0'].entries()) {
      const name = names[i] as string;
      const path = writeFile(name, i === 0 ? v1 : v2);
      await buildBlockMap(path, 'gzip', `${path}.blockmap`);
      await lab.publish('nsis-diff', version, [
        { name, content: readFileSync(path) },
        { name: `${name}.blockmap`, content: readFileSync(`${path}.blockmap`) },
      ]);
    }

    const feed = lab.feedUrl('nsis-diff');
    const client = newUpdater('nsis', {
      feedUrl: feed,
      version: '1.0.0',
      dir: join(work, 'nsis'),
      differential: true,
    });
    // The installed app's installer, where the NSIS installer leaves it for the next differential update.
    mkdirSync(client.cacheDir, { recursive: true });
    writeFileSync(join(client.cacheDir, 'installer.exe'), v1);

    expect((await client.updater.checkForUpdates())?.updateInfo.version).toBe('1.1.0');
    const from = server.exchanges.length;
    const [downloaded] = await client.updater.downloadUpdate();
    expect(Buffer.compare(readFileSync(downloaded as string), v2)).toBe(0);

    const folder = new URL(feed).pathname;
    const exchanges = server.exchanges.slice(from);
    // The old blockmap is found by replacing the new version with the running one in the new file's URL.
    expect(exchanges.map((e) => e.url)).toEqual(
      expect.arrayContaining([
        `${folder}/1.0.0/${names[0]}.blockmap`,
        `${folder}/1.1.0/${names[1]}.blockmap`,
      ]),
    );
    const ranged = exchanges.filter((e) => e.url === `${folder}/1.1.0/${names[1]}`);
    expect(ranged.length).toBeGreaterThan(0);
    for (const exchange of ranged) {
      expect(exchange.headers.range).toMatch(/^bytes=\d+-\d+/);
      expect(exchange.status).toBe(206);
    }
    expect(ranged.some((e) => (e.headers.range as string).includes(','))).toBe(true);
    const served = server.bytesServed(`${folder}/1.1.0/${names[1]}`, from);
    expect(served).toBeGreaterThan(9 * 1024);
    expect(served).toBeLessThan(v2.length / 8);
    expect(client.log.join('\n')).not.toMatch(/fallback to full download/);
  });
});

describe('MacUpdater', () => {
  it('reads latest-mac.yml, downloads and verifies the zip, and hands exactly those bytes to Squirrel.Mac', async () => {
    const zip = randomBytes(300 * 1024);
    await lab.publish('mac', '2.0.0', [{ name: 'Lab-2.0.0-mac.zip', content: randomBytes(1024) }], {
      platform: 'macos',
    });
    await lab.publish(
      'mac',
      '2.1.0',
      [
        { name: 'Lab-2.1.0.dmg', content: randomBytes(2048) },
        { name: 'Lab-2.1.0-mac.zip', content: zip },
      ],
      { platform: 'macos' },
    );
    const feed = lab.feedUrl('mac', 'stable', 'macos');
    const client = newUpdater('mac', { feedUrl: feed, version: '2.0.0', dir: join(work, 'mac') });
    const from = server.exchanges.length;
    const check = await client.updater.checkForUpdates();
    expect(check?.isUpdateAvailable).toBe(true);
    expect(check?.updateInfo.version).toBe('2.1.0');
    expect(new URL(server.exchanges[from]?.url ?? '', server.origin).pathname).toBe(
      `${new URL(feed).pathname}/latest-mac.yml`,
    );
    squirrelMac.received = undefined;
    await client.updater.downloadUpdate();
    expect(squirrelMac.received && Buffer.compare(squirrelMac.received, zip)).toBe(0);
    expect(
      readFileSync(join(client.cacheDir, 'update.zip')).equals(zip),
      'kept for the next differential update',
    ).toBe(true);

    const current = newUpdater('mac', { feedUrl: feed, version: '2.1.0', dir: join(work, 'mac-current') });
    expect((await current.updater.checkForUpdates())?.isUpdateAvailable).toBe(false);
  });
});

describe('AppImageUpdater', () => {
  const appImage = process.env.APPIMAGE;
  afterAll(() => {
    if (appImage === undefined) delete process.env.APPIMAGE;
    else process.env.APPIMAGE = appImage;
  });

  it('downloads differentially using the blockmap appended to the AppImage, sized by the uploaded sidecar', async () => {
    const [v1, v2] = twoVersions();
    const sizes: number[] = [];
    const paths: string[] = [];
    for (const [i, version] of ['3.0.0', '3.1.0'].entries()) {
      const name = `Lab-${version}.AppImage`;
      const path = writeFile(name, i === 0 ? v1 : v2);
      // electron-builder appends the blockmap to an AppImage (deflate, then its 4-byte length).
      const { blockMapSize, sha512, size } = await buildBlockMap(path, 'deflate');
      const bytes = readFileSync(path);
      expect(sha512).toBe(sha512Base64(bytes));
      expect(size).toBe(bytes.length);
      const trailer = bytes.readUInt32BE(bytes.length - 4);
      expect(trailer).toBe(blockMapSize);
      sizes.push(blockMapSize as number);
      paths.push(path);
      await lab.publish(
        'appimage',
        version,
        [
          { name, content: bytes },
          // The sidecar: the appended blockmap itself, which tells the feed its size.
          { name: `${name}.blockmap`, content: bytes.subarray(bytes.length - 4 - trailer, bytes.length - 4) },
        ],
        { platform: 'linux' },
      );
    }
    const feed = lab.feedUrl('appimage', 'stable', 'linux');
    const folder = new URL(feed).pathname;
    const yml = parse((await request(server.t.app).get(`${folder}/latest-linux.yml`).expect(200)).text);
    const newBytes = readFileSync(paths[1] as string);
    expect(yml.files).toEqual([
      {
        url: '3.1.0/Lab-3.1.0.AppImage',
        sha512: sha512Base64(newBytes),
        size: newBytes.length,
        blockMapSize: sizes[1],
      },
    ]);

    // The running AppImage: APPIMAGE points at it, and its own appended blockmap describes the old version.
    const installed = join(work, 'installed.AppImage');
    copyFileSync(paths[0] as string, installed);
    process.env.APPIMAGE = installed;
    const client = newUpdater('appimage', { feedUrl: feed, version: '3.0.0', dir: join(work, 'appimage') });
    expect((await client.updater.checkForUpdates())?.updateInfo.version).toBe('3.1.0');
    const from = server.exchanges.length;
    const [downloaded] = await client.updater.downloadUpdate();
    expect(Buffer.compare(readFileSync(downloaded as string), newBytes)).toBe(0);
    const served = server.bytesServed(`${folder}/3.1.0/Lab-3.1.0.AppImage`, from);
    expect(served).toBeGreaterThan(9 * 1024);
    expect(served).toBeLessThan(newBytes.length / 8);
    expect(client.log.join('\n')).not.toMatch(/fallback to full download/);
  });

  it('without a sidecar the yml has no blockMapSize and the client downloads the whole file', async () => {
    const bytes = randomBytes(128 * 1024);
    await lab.publish('appimage', '4.0.0', [{ name: 'Lab-4.0.0.AppImage', content: bytes }], {
      platform: 'linux',
    });
    const feed = lab.feedUrl('appimage', 'stable', 'linux');
    const client = newUpdater('appimage', {
      feedUrl: feed,
      version: '3.1.0',
      dir: join(work, 'appimage-full'),
    });
    const check = await client.updater.checkForUpdates();
    expect(check?.updateInfo.files).toEqual([
      { url: '4.0.0/Lab-4.0.0.AppImage', sha512: sha512Base64(bytes), size: bytes.length },
    ]);
    const from = server.exchanges.length;
    const [downloaded] = await client.updater.downloadUpdate();
    expect(Buffer.compare(readFileSync(downloaded as string), bytes)).toBe(0);
    expect(server.bytesServed(`${new URL(feed).pathname}/4.0.0/`, from)).toBe(bytes.length);
  });
});
