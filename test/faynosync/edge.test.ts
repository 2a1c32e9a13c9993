import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin } from '../helpers/auth.js';
import { createNamed, sendForm, type UploadFile, upload } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

/**
 * Edge response objects (FaynoSync behaviour §4.3, §12): for an app with `cdn` on, every write leaves in the public
 * storage exactly the check answers FaynoSync's SDK reads from its `edgeURL`, under the key the SDK builds, with the
 * bytes /checkVersion answers the SDK's own request. Objects are read the way the SDK reads them: anonymously, from
 * the public bucket (S3) or the public files URL (local driver).
 */

interface Target {
  owner: string;
  appName: string;
  channel: string;
  platform: string;
  arch: string;
  version: string;
}

/** The SDK's `buildEdgeResponseURL` (faynosync-sdk-js src/client.ts): every segment encoded, `-` in the version as `.`. */
function sdkEdgeUrl(edgeBase: string, o: Target, updater = 'manual'): string {
  const segments = [
    'responses',
    o.owner,
    o.appName,
    o.channel,
    o.platform,
    o.arch,
    updater,
    `${o.version.replace(/-/g, '.')}.json`,
  ];
  return `${edgeBase.replace(/\/+$/, '')}/${segments.map(encodeURIComponent).join('/')}`;
}

/** The SDK's `buildCheckVersionURL` query. */
function sdkCheckQuery(o: Target, updater = 'manual'): Record<string, string> {
  return {
    app_name: o.appName,
    version: o.version,
    channel: o.channel,
    platform: o.platform,
    arch: o.arch,
    owner: o.owner,
    updater,
  };
}

const file = (name: string): UploadFile => ({ name, content: randomBytes(64) });

describe.each(['local', 's3'] as const)('edge response objects (%s storage)', (driver) => {
  let s3: TestS3 | undefined;
  let t: TestApp;
  let admin: { username: string; token: string };
  let edgeBase: string;
  const APP = 'edge app';

  beforeAll(async () => {
    s3 = driver === 's3' ? await startS3() : undefined;
    t = await createTestApp(s3?.env ?? {});
    admin = await newAdmin(t.app);
    edgeBase =
      driver === 's3' ? `http://127.0.0.1:${s3?.port}/updraft-public` : 'http://updraft.test/files/public';
    await createNamed(t.app, admin.token, 'channel', 'stable');
    await createNamed(t.app, admin.token, 'platform', 'linux');
    await createNamed(t.app, admin.token, 'platform', 'mac', [
      { type: 'squirrel_darwin', default: true },
      { type: 'manual', default: false },
    ]);
    await createNamed(t.app, admin.token, 'arch', 'x64');
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  const target = (version: string, over: Partial<Target> = {}): Target => ({
    owner: admin.username,
    appName: APP,
    channel: 'stable',
    platform: 'linux',
    arch: 'x64',
    version,
    ...over,
  });

  /** An anonymous GET, as the SDK's fetch does it. */
  async function fetchEdge(url: string): Promise<{ status: number; text: string; cacheControl?: string }> {
    if (driver === 's3') {
      const res = await fetch(url);
      return {
        status: res.status,
        text: await res.text(),
        cacheControl: res.headers.get('cache-control') ?? undefined,
      };
    }
    const res = await request(t.app).get(url.slice('http://updraft.test'.length));
    return { status: res.status, text: res.text, cacheControl: res.headers['cache-control'] };
  }

  async function objects(): Promise<string[]> {
    return (await t.ctx.store.list('responses/', 'public')).sort();
  }

  /** The object the SDK would read equals what /checkVersion answers the SDK's own request. */
  async function expectEdgeEqualsApi(o: Target, updater = 'manual'): Promise<Record<string, unknown>> {
    const api = await request(t.app).get('/checkVersion').query(sdkCheckQuery(o, updater)).expect(200);
    const edge = await fetchEdge(sdkEdgeUrl(edgeBase, o, updater));
    expect(edge.status).toBe(200);
    expect(edge.text).toBe(api.text);
    return JSON.parse(edge.text) as Record<string, unknown>;
  }

  async function expectNoEdge(o: Target, updater = 'manual'): Promise<void> {
    const edge = await fetchEdge(sdkEdgeUrl(edgeBase, o, updater));
    expect([403, 404]).toContain(edge.status);
  }

  const keyOf = (o: Target, updater = 'manual') =>
    `responses/${o.owner}/${o.appName}/${o.channel}/${o.platform}/${o.arch}/${updater}/${o.version}.json`;

  async function publish(version: string, extra: Record<string, unknown> = {}, platform = 'linux') {
    const files = platform === 'mac' ? [file(`Edge-${version}.zip`)] : [file(`edge-${version}.deb`)];
    const res = await upload(
      t.app,
      admin.token,
      { app_name: APP, version, channel: 'stable', platform, arch: 'x64', publish: 'true', ...extra },
      files,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await t.ctx.edge.idle();
    return res.body['uploadResult.Uploaded'] as string;
  }

  function updateVersion(data: Record<string, unknown>) {
    return sendForm(t.app, '/apps/update', admin.token, [{ name: 'data', value: JSON.stringify(data) }]);
  }

  let appId: string;
  let v2: string;

  it('is written on publish, for the SDK key, with the bytes /checkVersion answers', async () => {
    const created = await sendForm(t.app, '/app/create', admin.token, [
      { name: 'data', value: JSON.stringify({ app: APP, cdn: 'true' }) },
    ]).expect(200);
    appId = created.body['createAppResult.Created'] as string;
    await t.ctx.edge.idle();
    expect(await objects()).toEqual([]);

    await publish('1.0.0');
    expect(await objects()).toEqual([keyOf(target('1.0.0'))]);
    const body = await expectEdgeEqualsApi(target('1.0.0'));
    expect(body.update_available).toBe(false);
    // FaynoSync's: a CDN in front revalidates within a minute of the next publish.
    const edge = await fetchEdge(sdkEdgeUrl(edgeBase, target('1.0.0')));
    expect(edge.cacheControl).toBe('public, max-age=60, must-revalidate');
  });

  it('is replaced on the next upload: older clients are now offered it', async () => {
    v2 = await publish('1.1.0', { changelog: 'faster' });
    expect(await objects()).toEqual([keyOf(target('1.0.0')), keyOf(target('1.1.0'))]);
    const older = await expectEdgeEqualsApi(target('1.0.0'));
    expect(older).toMatchObject({ update_available: true, changelog: 'faster\n', critical: false });
    expect(String(older.update_url_deb)).toContain('1.1.0');
    expect((await expectEdgeEqualsApi(target('1.1.0'))).update_available).toBe(false);
  });

  it('is replaced on a version update', async () => {
    await updateVersion({ id: v2, app_name: APP, version: '1.1.0', critical: 'true' }).expect(200);
    await t.ctx.edge.idle();
    expect((await expectEdgeEqualsApi(target('1.0.0'))).critical).toBe(true);
  });

  it('follows unpublish: the unpublished version’s object goes, older ones say no update', async () => {
    await updateVersion({ id: v2, app_name: APP, version: '1.1.0', publish: 'false' }).expect(200);
    await t.ctx.edge.idle();
    expect(await objects()).toEqual([keyOf(target('1.0.0'))]);
    await expectNoEdge(target('1.1.0'));
    expect((await expectEdgeEqualsApi(target('1.0.0'))).update_available).toBe(false);

    await updateVersion({ id: v2, app_name: APP, version: '1.1.0', publish: 'true' }).expect(200);
    await t.ctx.edge.idle();
    expect((await expectEdgeEqualsApi(target('1.0.0'))).update_available).toBe(true);
  });

  it('follows an artifact delete and a version delete (FaynoSync leaves stale answers; Updraft does not)', async () => {
    await sendForm(t.app, '/artifact/delete', admin.token, [
      {
        name: 'data',
        value: JSON.stringify({ id: v2, app_name: APP, version: '1.1.0', artifacts_to_delete: ['0'] }),
      },
    ]).expect(200);
    await t.ctx.edge.idle();
    expect(await objects()).toEqual([keyOf(target('1.0.0'))]);
    expect((await expectEdgeEqualsApi(target('1.0.0'))).update_available).toBe(false);

    await request(t.app).delete(`/apps/delete?id=${v2}`).set(bearer(admin.token)).expect(200);
    const v3 = await publish('1.2.0');
    expect((await expectEdgeEqualsApi(target('1.0.0'))).update_available).toBe(true);
    await request(t.app).delete(`/apps/delete?id=${v3}`).set(bearer(admin.token)).expect(200);
    await t.ctx.edge.idle();
    expect(await objects()).toEqual([keyOf(target('1.0.0'))]);
    await expectNoEdge(target('1.2.0'));
    expect((await expectEdgeEqualsApi(target('1.0.0'))).update_available).toBe(false);
  });

  it('writes squirrel_darwin answers where the platform uses it, and only while they are JSON', async () => {
    await publish('1.0.0', {}, 'mac');
    const mac = (version: string) => target(version, { platform: 'mac' });
    // No update: the API answers 204, which a bucket cannot serve; the SDK falls back to the API.
    await expectNoEdge(mac('1.0.0'), 'squirrel_darwin');
    await expectEdgeEqualsApi(mac('1.0.0'), 'manual');
    await publish('1.3.0', {}, 'mac');
    const offer = await expectEdgeEqualsApi(mac('1.0.0'), 'squirrel_darwin');
    expect(String(offer.url)).toContain('1.3.0');
    expect(await objects()).toContain(keyOf(mac('1.0.0'), 'squirrel_darwin'));
    // linux has only the manual updater: no squirrel_darwin objects for it.
    expect((await objects()).filter((k) => k.includes('/linux/') && k.includes('squirrel_darwin'))).toEqual(
      [],
    );
  });

  it('moves with an app rename', async () => {
    const before = await objects();
    await sendForm(t.app, '/app/update', admin.token, [
      { name: 'data', value: JSON.stringify({ id: appId, app: 'edge renamed' }) },
    ]).expect(200);
    await t.ctx.edge.idle();
    const after = await objects();
    expect(after).toEqual(before.map((k) => k.replace(`/${APP}/`, '/edge renamed/')).sort());
    const renamed = target('1.0.0', { appName: 'edge renamed' });
    expect((await expectEdgeEqualsApi(renamed)).update_available).toBe(false);
    await expectNoEdge(target('1.0.0'));
    await sendForm(t.app, '/app/update', admin.token, [
      { name: 'data', value: JSON.stringify({ id: appId, app: APP }) },
    ]).expect(200);
    await t.ctx.edge.idle();
    expect(await objects()).toEqual(before);
  });

  it('is removed when cdn is turned off, and an update without the flag keeps it', async () => {
    await sendForm(t.app, '/app/update', admin.token, [
      { name: 'data', value: JSON.stringify({ id: appId, app: APP, description: 'kept' }) },
    ]).expect(200);
    await t.ctx.edge.idle();
    expect((await objects()).length).toBeGreaterThan(0);

    await sendForm(t.app, '/app/update', admin.token, [
      { name: 'data', value: JSON.stringify({ id: appId, app: APP, cdn: 'false' }) },
    ]).expect(200);
    await t.ctx.edge.idle();
    expect(await objects()).toEqual([]);
    await expectNoEdge(target('1.0.0'));
    expect(await t.ctx.database.db.selectFrom('edge_objects').selectAll().execute()).toEqual([]);
  });

  it('is never written for a private app: cdn is refused on create and on update', async () => {
    const refused = await sendForm(t.app, '/app/create', admin.token, [
      { name: 'data', value: JSON.stringify({ app: 'secret edge', private: 'true', cdn: 'true' }) },
    ]).expect(400);
    expect(refused.body.error).toMatch(/cdn.*private/);

    const created = await sendForm(t.app, '/app/create', admin.token, [
      { name: 'data', value: JSON.stringify({ app: 'secret edge', private: 'true' }) },
    ]).expect(200);
    const id = created.body['createAppResult.Created'] as string;
    const update = await sendForm(t.app, '/app/update', admin.token, [
      { name: 'data', value: JSON.stringify({ id, app: 'secret edge', cdn: 'true' }) },
    ]).expect(400);
    expect(update.body.error).toMatch(/cdn.*private/);

    const res = await upload(
      t.app,
      admin.token,
      {
        app_name: 'secret edge',
        version: '1.0.0',
        channel: 'stable',
        platform: 'linux',
        arch: 'x64',
        publish: true,
      },
      [file('secret.deb')],
    );
    expect(res.status).toBe(200);
    await t.ctx.edge.idle();
    expect(await objects()).toEqual([]);
    const list = await request(t.app).get('/app/list').set(bearer(admin.token)).expect(200);
    expect(
      (list.body.apps as { AppName: string; CdnEdge: boolean }[]).find((a) => a.AppName === 'secret edge'),
    ).toMatchObject({ CdnEdge: false });
  });

  it('cleans up after a restart: objects left by a reconcile that never ran are reconciled at start', async () => {
    await sendForm(t.app, '/app/update', admin.token, [
      { name: 'data', value: JSON.stringify({ id: appId, app: APP, cdn: 'true' }) },
    ]).expect(200);
    await t.ctx.edge.idle();
    expect(await objects()).toContain(keyOf(target('1.0.0')));
    // A write that committed while the publisher was not looking (a crash between commit and reconcile).
    await t.ctx.database.db.updateTable('apps').set({ cdn: false }).where('id', '=', appId).execute();
    // What a restarted server does first: look at every tenant with cdn apps or objects.
    t.ctx.edge.start();
    await t.ctx.edge.idle();
    expect(await objects()).toEqual([]);
  });

  it.runIf(driver === 'local')(
    'never fails the write when storage does, and catches up on the next write',
    async () => {
      // A file where the owner's folder must go: every put under it fails.
      const blocker = join(t.dataDir, 'artifacts', 'public', 'responses', admin.username);
      await rm(blocker, { recursive: true, force: true });
      await mkdir(dirname(blocker), { recursive: true });
      await writeFile(blocker, 'in the way');
      await sendForm(t.app, '/app/update', admin.token, [
        { name: 'data', value: JSON.stringify({ id: appId, app: APP, cdn: 'true' }) },
      ]).expect(200);
      await t.ctx.edge.idle();
      await expectNoEdge(target('1.0.0'));
      expect(await t.ctx.database.db.selectFrom('edge_objects').selectAll().execute()).toEqual([]);

      await rm(blocker);
      // Any later write in the tenant reconciles it again.
      await createNamed(t.app, admin.token, 'channel', 'beta');
      await t.ctx.edge.idle();
      expect(await objects()).toContain(keyOf(target('1.0.0')));
      expect((await expectEdgeEqualsApi(target('1.0.0'))).update_available).toBe(false);
    },
  );
});
