import { createHash, randomBytes } from 'node:crypto';
import type { Stream } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import { createNamed, sendForm, upload } from '../helpers/releases.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

const TOKEN_HEADER = 'X-Download-Token';
const TOKEN_PATTERN = /^fnd_[0-9a-f]{64}$/;

interface Tenant {
  username: string;
  token: string;
  apps: Record<string, string>;
  channels: Record<string, string>;
}

interface Build {
  /** The link an update check hands out for it. */
  link: string;
  key: string;
  bytes: Buffer;
}

/** Keeps the body as raw bytes whatever the content type. */
function binary(res: Stream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (err) => callback(err, Buffer.alloc(0)));
}

/** Path and query of an absolute URL this server gave out, for supertest. */
function pathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * One tenant with channels stable and beta, platform windows, arch x64 and the apps given, created through the
 * API as FaynoSync's dashboard does (multipart `data`, string flags).
 */
async function tenant(t: TestApp, apps: Record<string, Record<string, string>>): Promise<Tenant> {
  const admin = await newAdmin(t.app);
  const result: Tenant = { ...admin, apps: {}, channels: {} };
  for (const channel of ['stable', 'beta']) {
    result.channels[channel] = await createNamed(t.app, admin.token, 'channel', channel);
  }
  await createNamed(t.app, admin.token, 'platform', 'windows');
  await createNamed(t.app, admin.token, 'arch', 'x64');
  for (const [name, flags] of Object.entries(apps)) {
    const res = await sendForm(t.app, '/app/create', admin.token, [
      { name: 'data', value: JSON.stringify({ app: name, ...flags }) },
    ]).expect(200);
    result.apps[name] = res.body['createAppResult.Created'] as string;
  }
  return result;
}

/** Publishes `version` of `app` in `channel` with one .exe and returns what a client on 0.0.1 is told. */
async function publish(
  t: TestApp,
  owner: Tenant,
  app: string,
  channel: string,
  version: string,
): Promise<Build> {
  const bytes = randomBytes(32 * 1024 + 7);
  const fileName = `${owner.username}-${app}-${channel}-${version}.exe`;
  const res = await upload(
    t.app,
    owner.token,
    { app_name: app, version, channel, platform: 'windows', arch: 'x64', publish: 'true' },
    [{ name: fileName, content: bytes }],
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const row = await t.ctx.database.db
    .selectFrom('artifacts')
    .select('storage_key')
    .where('file_name', '=', fileName)
    .executeTakeFirstOrThrow();
  const link = `${t.ctx.config.apiUrl}/download?key=${encodeURIComponent(row.storage_key)}`;
  return { link, key: row.storage_key, bytes };
}

function checkQuery(owner: Tenant, app: string, channel = 'stable') {
  return {
    app_name: app,
    version: '0.0.1',
    channel,
    platform: 'windows',
    arch: 'x64',
    owner: owner.username,
  };
}

function mint(t: TestApp, token: string, appId: string, channelId?: string) {
  return request(t.app)
    .post('/download-tokens/regenerate')
    .set(bearer(token))
    .send({ app_id: appId, ...(channelId ? { channel_id: channelId } : {}) });
}

describe('download tokens (local storage)', () => {
  let t: TestApp;
  let a: Tenant;
  let b: Tenant;
  let secretStable: Build;
  let secretBeta: Build;
  let otherStable: Build;
  let openStable: Build;
  let foreign: Build;
  let listed: Build;

  const fetchFile = (url: string) => request(t.app).get(pathOf(url)).buffer(true).parse(binary);
  const withToken = (url: string, token: string) =>
    request(t.app).get(pathOf(url)).set(TOKEN_HEADER, token).redirects(0);
  /** A shipped app's whole download: its link with the token, then the URL it is redirected to. */
  async function downloadWith(token: string, build: Build): Promise<Buffer> {
    const res = await withToken(build.link, token).expect(302);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const file = await fetchFile(res.headers.location as string).expect(200);
    return file.body as Buffer;
  }

  beforeAll(async () => {
    t = await createTestApp();
    a = await tenant(t, {
      secret: { private: 'true' },
      other: { private: 'true', download_mode: 'strict' },
      open: {},
      listed: { private: 'true', download_mode: 'unlisted' },
    });
    b = await tenant(t, { secret: { private: 'true' } });
    secretStable = await publish(t, a, 'secret', 'stable', '2.0.0');
    secretBeta = await publish(t, a, 'secret', 'beta', '2.1.0');
    otherStable = await publish(t, a, 'other', 'stable', '2.0.0');
    openStable = await publish(t, a, 'open', 'stable', '2.0.0');
    listed = await publish(t, a, 'listed', 'stable', '2.0.0');
    foreign = await publish(t, b, 'secret', 'stable', '2.0.0');
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('minting, listing, replacing and revoking', () => {
    it('mints an fnd_ token once, lists only its prefix, and keeps only its SHA-256', async () => {
      const res = await mint(t, a.token, a.apps.other ?? '').expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        app_id: a.apps.other,
        channel_id: '',
        token: expect.stringMatching(TOKEN_PATTERN),
      });
      const token = res.body.token as string;

      const list = await request(t.app).get('/download-tokens/list').set(bearer(a.token)).expect(200);
      const entry = (list.body.download_tokens as Record<string, unknown>[]).find(
        (e) => e.app_id === a.apps.other,
      );
      expect(entry).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        app_id: a.apps.other,
        app_name: 'other',
        channel_id: '',
        channel_name: '',
        token_prefix: token.slice(0, 12),
        updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(JSON.stringify(list.body)).not.toContain(token);

      const rows = await t.ctx.database.db.selectFrom('download_tokens').selectAll().execute();
      const row = rows.find((r) => r.app_id === a.apps.other);
      expect(row?.token_hash).toBe(sha256(Buffer.from(token)));
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(JSON.stringify(rows)).not.toContain(token.slice(12));
    });

    it('replaces the secret in place: the old token is refused with 401, the new one works', async () => {
      const first = (await mint(t, a.token, a.apps.other ?? '').expect(200)).body.token as string;
      expect(await downloadWith(first, otherStable)).toEqual(otherStable.bytes);
      const listBefore = await request(t.app).get('/download-tokens/list').set(bearer(a.token)).expect(200);
      const second = (await mint(t, a.token, a.apps.other ?? '').expect(200)).body.token as string;
      expect(second).not.toBe(first);

      const old = await withToken(otherStable.link, first).expect(401);
      expect(old.body.error).toMatch(/invalid download token/);
      expect(await downloadWith(second, otherStable)).toEqual(otherStable.bytes);

      const listAfter = await request(t.app).get('/download-tokens/list').set(bearer(a.token)).expect(200);
      const idOf = (body: { download_tokens: { id: string; app_id: string }[] }) =>
        body.download_tokens.filter((e) => e.app_id === a.apps.other).map((e) => e.id);
      expect(idOf(listAfter.body)).toEqual(idOf(listBefore.body));
      expect(idOf(listAfter.body)).toHaveLength(1);
    });

    it('revokes a token by id: downloads and checks with it are refused at once', async () => {
      const token = (await mint(t, a.token, a.apps.other ?? '', a.channels.stable).expect(200)).body
        .token as string;
      // Warm every cache the hot path has with the token allowed.
      await request(t.app)
        .get('/checkVersion')
        .query(checkQuery(a, 'other'))
        .set(TOKEN_HEADER, token)
        .expect(200);
      const list = await request(t.app).get('/download-tokens/list').set(bearer(a.token)).expect(200);
      const entry = (
        list.body.download_tokens as { id: string; channel_id: string; channel_name: string }[]
      ).find((e) => e.channel_id === a.channels.stable);
      expect(entry?.channel_name).toBe('stable');

      const revoked = await request(t.app)
        .delete('/download-tokens/delete')
        .query({ id: entry?.id })
        .set(bearer(a.token))
        .expect(200);
      expect(revoked.body).toEqual({ message: 'Download token revoked' });
      await withToken(otherStable.link, token).expect(401);
      const check = await request(t.app)
        .get('/checkVersion')
        .query(checkQuery(a, 'other'))
        .set(TOKEN_HEADER, token)
        .expect(400);
      expect(check.body).toEqual({ error: 'app_name not found' });
      const after = await request(t.app).get('/download-tokens/list').set(bearer(a.token)).expect(200);
      expect(JSON.stringify(after.body)).not.toContain(entry?.id ?? 'x');

      const again = await request(t.app)
        .delete('/download-tokens/delete')
        .query({ id: entry?.id })
        .set(bearer(a.token))
        .expect(404);
      expect(again.body.error).toBe('download token not found');
      await request(t.app).delete('/download-tokens/delete').set(bearer(a.token)).expect(400);
      await request(t.app)
        .delete('/download-tokens/delete')
        .query({ id: 'nope' })
        .set(bearer(a.token))
        .expect(400);
    });

    it('refuses bad requests with a 4xx that says what to send', async () => {
      const cases: [Record<string, unknown>, number, RegExp][] = [
        [{}, 400, /app_id is required/],
        [{ app_id: 'abc' }, 400, /Invalid app ID format/],
        [{ app_id: a.apps.secret, channel_id: 42 }, 400, /Invalid channel ID format/],
        [{ app_id: '0123456789abcdef01234567' }, 404, /^app not found$/],
        [{ app_id: b.apps.secret }, 404, /^app not found$/],
        [{ app_id: a.apps.secret, channel_id: b.channels.stable }, 404, /^channel not found$/],
        [{ app_id: a.apps.open }, 400, /only available for private apps/],
      ];
      for (const [body, status, message] of cases) {
        const res = await request(t.app).post('/download-tokens/regenerate').set(bearer(a.token)).send(body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.error).toMatch(message);
      }
      await request(t.app).post('/download-tokens/regenerate').send({ app_id: a.apps.secret }).expect(401);
      await request(t.app).get('/download-tokens/list').expect(401);
    });

    it("keeps tenants apart: another tenant's tokens are neither listed nor revocable", async () => {
      await mint(t, b.token, b.apps.secret ?? '').expect(200);
      const listA = await request(t.app).get('/download-tokens/list').set(bearer(a.token)).expect(200);
      expect(JSON.stringify(listA.body)).not.toContain(b.apps.secret);
      const listB = await request(t.app).get('/download-tokens/list').set(bearer(b.token)).expect(200);
      const idB = (listB.body.download_tokens as { id: string }[])[0]?.id;
      await request(t.app)
        .delete('/download-tokens/delete')
        .query({ id: idB })
        .set(bearer(a.token))
        .expect(404);
    });
  });

  describe('what a token opens', () => {
    let appWide: string;
    let stableOnly: string;

    beforeAll(async () => {
      appWide = (await mint(t, a.token, a.apps.secret ?? '').expect(200)).body.token as string;
      stableOnly = (await mint(t, a.token, a.apps.secret ?? '', a.channels.stable).expect(200)).body
        .token as string;
    });

    it("downloads its app's private files, in every channel when it names none", async () => {
      expect(await downloadWith(appWide, secretStable)).toEqual(secretStable.bytes);
      expect(await downloadWith(appWide, secretBeta)).toEqual(secretBeta.bytes);
      const json = await withToken(`${secretStable.link}&redirect=0`, appWide).expect(200);
      expect((await fetchFile(json.body.download_url as string).expect(200)).body).toEqual(
        secretStable.bytes,
      );
    });

    it('gives nothing else: another app, a public app, another tenant and a missing key get the same 404', async () => {
      const missing = await withToken(`${secretStable.link}.nope`, appWide).expect(404);
      expect(missing.body).toEqual({ error: 'file not found' });
      for (const build of [otherStable, openStable, foreign]) {
        const res = await withToken(build.link, appWide).expect(404);
        expect(res.body).toEqual(missing.body);
      }
    });

    it('refuses another channel when it names one', async () => {
      expect(await downloadWith(stableOnly, secretStable)).toEqual(secretStable.bytes);
      const beta = await withToken(secretBeta.link, stableOnly).expect(404);
      expect(beta.body).toEqual({ error: 'file not found' });

      await request(t.app)
        .get('/checkVersion')
        .query(checkQuery(a, 'secret', 'stable'))
        .set(TOKEN_HEADER, stableOnly)
        .expect(200);
      const other = await request(t.app)
        .get('/checkVersion')
        .query(checkQuery(a, 'secret', 'beta'))
        .set(TOKEN_HEADER, stableOnly)
        .expect(400);
      expect(other.body).toEqual({ error: 'app_name not found' });
      const latest = await request(t.app)
        .get('/apps/latest')
        .query({ app_name: 'secret', channel: 'beta', owner: a.username })
        .set(TOKEN_HEADER, stableOnly)
        .expect(404);
      expect(latest.body).toEqual({ error: 'app_name not found' });
    });

    it('refuses a token that is not one (unknown, malformed, empty, repeated) with 401', async () => {
      for (const token of [`fnd_${'0'.repeat(64)}`, 'nope', 'x'.repeat(500)]) {
        const res = await withToken(secretStable.link, token).expect(401);
        expect(res.body.error).toMatch(/invalid download token/);
      }
      await request(t.app).get(pathOf(secretStable.link)).set(TOKEN_HEADER, '').expect(401);
      await request(t.app).get('/download').set(TOKEN_HEADER, appWide).expect(400);
    });

    it('/checkVersion gives a token holder links that work for it, and others links that do not', async () => {
      const query = checkQuery(a, 'secret');
      const withIt = await request(t.app)
        .get('/checkVersion')
        .query(query)
        .set(TOKEN_HEADER, appWide)
        .expect(200);
      expect(withIt.body.update_available).toBe(true);
      expect(withIt.body.update_url_exe).toBe(secretStable.link);
      expect(await downloadWith(appWide, { ...secretStable, link: withIt.body.update_url_exe })).toEqual(
        secretStable.bytes,
      );

      // The same cached answer for a caller without the token: a link that asks for credentials, no signed URL.
      const without = await request(t.app).get('/checkVersion').query(query).expect(200);
      expect(without.text).toBe(withIt.text);
      expect(without.text).not.toMatch(/files\/private|expires=|X-Amz/i);
      const anonymous = await request(t.app)
        .get(pathOf(without.body.update_url_exe))
        .redirects(0)
        .expect(401);
      expect(anonymous.headers.location).toBeUndefined();
    });

    it('/apps/latest redirects a token holder to a link that works for it', async () => {
      const query = { app_name: 'secret', channel: 'stable', owner: a.username };
      const res = await request(t.app)
        .get('/apps/latest')
        .query(query)
        .set(TOKEN_HEADER, appWide)
        .expect(302);
      expect(res.headers.location).toBe(secretStable.link);
      expect(await downloadWith(appWide, { ...secretStable, link: res.headers.location as string })).toEqual(
        secretStable.bytes,
      );
      const without = await request(t.app).get('/apps/latest').query(query).expect(302);
      expect(without.headers.location).toBe(secretStable.link);
      await request(t.app).get(pathOf(secretStable.link)).expect(401);
    });

    it('answers a check whose token does not open the app exactly as for an app that does not exist', async () => {
      const missing = await request(t.app)
        .get('/checkVersion')
        .query(checkQuery(a, 'no-such-app'))
        .set(TOKEN_HEADER, appWide)
        .expect(400);
      const missingLatest = await request(t.app)
        .get('/apps/latest')
        .query({ app_name: 'no-such-app', channel: 'stable', owner: a.username })
        .expect(404);
      const probes = [
        { owner: a, app: 'other', token: appWide },
        { owner: b, app: 'secret', token: appWide },
        { owner: a, app: 'secret', token: `fnd_${'1'.repeat(64)}` },
      ];
      for (const probe of probes) {
        // Cached first without a token, so a denial must come from the token check and not a cache miss.
        await request(t.app).get('/checkVersion').query(checkQuery(probe.owner, probe.app)).expect(200);
        const res = await request(t.app)
          .get('/checkVersion')
          .query(checkQuery(probe.owner, probe.app))
          .set(TOKEN_HEADER, probe.token);
        expect(res.status).toBe(missing.status);
        expect(res.text).toBe(missing.text);
        expect(res.headers['content-type']).toBe(missing.headers['content-type']);
        const latest = await request(t.app)
          .get('/apps/latest')
          .query({ app_name: probe.app, channel: 'stable', owner: probe.owner.username })
          .set(TOKEN_HEADER, probe.token);
        expect(latest.status).toBe(404);
        expect(latest.text).toBe(missingLatest.text);
      }
    });

    it('lets a token through to public apps, whose answers need none', async () => {
      const res = await request(t.app)
        .get('/checkVersion')
        .query(checkQuery(a, 'open'))
        .set(TOKEN_HEADER, `fnd_${'2'.repeat(64)}`)
        .expect(200);
      expect(res.body.update_url_exe).toBe(t.ctx.store.publicUrl(openStable.key));
    });
  });

  describe('download_mode', () => {
    const appList = async (token: string) => {
      const res = await request(t.app).get('/app/list').set(bearer(token)).expect(200);
      return res.body.apps as Record<string, unknown>[];
    };

    it('lists DownloadMode for private apps, strict unless set, and refuses other values', async () => {
      const apps = await appList(a.token);
      const modeOf = (name: string) => apps.find((x) => x.AppName === name);
      expect(modeOf('secret')?.DownloadMode).toBe('strict');
      expect(modeOf('other')?.DownloadMode).toBe('strict');
      expect(modeOf('listed')?.DownloadMode).toBe('unlisted');
      expect(modeOf('open')).not.toHaveProperty('DownloadMode');
      const bad = await sendForm(t.app, '/app/create', a.token, [
        {
          name: 'data',
          value: JSON.stringify({ app: 'bad-mode', private: 'true', download_mode: 'public' }),
        },
      ]).expect(400);
      expect(bad.body.error).toBe('download_mode must be "unlisted" or "strict"');
    });

    it('unlisted: anyone with the link downloads; strict: no credentials is the same 401 as a missing key', async () => {
      const res = await request(t.app).get(pathOf(listed.link)).redirects(0).expect(302);
      expect((await fetchFile(res.headers.location as string).expect(200)).body).toEqual(listed.bytes);

      const strict = await request(t.app).get(pathOf(secretStable.link)).expect(401);
      const missing = await request(t.app).get('/download').query({ key: 'no/such/key.exe' }).expect(401);
      const bare = await request(t.app).get('/download').expect(401);
      expect(strict.body).toEqual(missing.body);
      expect(bare.body).toEqual(missing.body);
      expect(strict.body.error).toMatch(/missing authorization header/);
    });

    it('changes with /app/update; an omitted mode keeps the current one', async () => {
      const update = (data: Record<string, unknown>) =>
        sendForm(t.app, '/app/update', a.token, [{ name: 'data', value: JSON.stringify(data) }]).expect(200);
      await update({ id: a.apps.listed, app: 'listed', download_mode: 'strict' });
      await request(t.app).get(pathOf(listed.link)).expect(401);
      await update({ id: a.apps.listed, app: 'listed', description: 'still strict' });
      expect((await appList(a.token)).find((x) => x.AppName === 'listed')?.DownloadMode).toBe('strict');
      await update({ id: a.apps.listed, app: 'listed', download_mode: 'unlisted' });
      await request(t.app).get(pathOf(listed.link)).redirects(0).expect(302);
    });

    it('keeps a person with a login on the answer they always had', async () => {
      const res = await request(t.app).get(pathOf(secretStable.link)).set(bearer(a.token)).expect(200);
      expect((await fetchFile(res.body.download_url as string).expect(200)).body).toEqual(secretStable.bytes);
      await request(t.app).get(pathOf(foreign.link)).set(bearer(a.token)).expect(404);
    });
  });

  describe('who may mint', () => {
    it('team users with apps.edit, for their allowed apps and channels only', async () => {
      const editor = await newTeamUser(t.app, a.token, {
        apps: { edit: true, allowed: [a.apps.secret ?? ''] },
        channels: { allowed: [a.channels.stable ?? ''] },
      });
      const minted = await mint(t, editor.token, a.apps.secret ?? '', a.channels.stable).expect(200);
      expect(minted.body.token).toMatch(TOKEN_PATTERN);
      expect(await downloadWith(minted.body.token as string, secretStable)).toEqual(secretStable.bytes);

      await mint(t, editor.token, a.apps.other ?? '').expect(403);
      await mint(t, editor.token, a.apps.secret ?? '', a.channels.beta).expect(403);

      const list = await request(t.app).get('/download-tokens/list').set(bearer(editor.token)).expect(200);
      const apps = new Set((list.body.download_tokens as { app_id: string }[]).map((e) => e.app_id));
      expect([...apps]).toEqual([a.apps.secret]);
      const other = (
        await request(t.app).get('/download-tokens/list').set(bearer(a.token)).expect(200)
      ).body.download_tokens.find((e: { app_id: string }) => e.app_id === a.apps.other);
      await request(t.app)
        .delete('/download-tokens/delete')
        .query({ id: other.id })
        .set(bearer(editor.token))
        .expect(403);

      const viewer = await newTeamUser(t.app, a.token, {
        apps: { download: true, allowed: [a.apps.secret ?? ''] },
      });
      const refused = await mint(t, viewer.token, a.apps.secret ?? '').expect(403);
      expect(refused.body.error).toMatch(/apps\.edit/);
      const empty = await request(t.app).get('/download-tokens/list').set(bearer(viewer.token)).expect(200);
      expect(empty.body).toEqual({ download_tokens: [] });
    });

    it('not CI API tokens', async () => {
      const created = await request(t.app)
        .post('/token/create')
        .set(bearer(a.token))
        .send({ name: 'ci', allowed_apps: [a.apps.secret] })
        .expect(201);
      await mint(t, created.body.token as string, a.apps.secret ?? '').expect(403);
    });
  });
});

describe('download tokens (S3 storage)', () => {
  let t: TestApp;
  let s3: TestS3;
  let owner: Tenant;
  let build: Build;

  beforeAll(async () => {
    s3 = await startS3();
    t = await createTestApp(s3.env);
    owner = await tenant(t, { secret: { private: 'true' } });
    build = await publish(t, owner, 'secret', 'stable', '3.0.0');
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('a shipped app checks, then downloads its private update from a presigned URL', async () => {
    const token = (await mint(t, owner.token, owner.apps.secret ?? '').expect(200)).body.token as string;
    const check = await request(t.app)
      .get('/checkVersion')
      .query(checkQuery(owner, 'secret'))
      .set(TOKEN_HEADER, token)
      .expect(200);
    expect(check.body.update_url_exe).toBe(build.link);
    const res = await request(t.app)
      .get(pathOf(check.body.update_url_exe))
      .set(TOKEN_HEADER, token)
      .redirects(0);
    expect(res.status).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(`${url.origin}${url.pathname}`).toBe(
      `http://127.0.0.1:${s3.port}/updraft-private/${build.key.split('/').map(encodeURIComponent).join('/')}`,
    );
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(build.bytes));

    await request(t.app).get(pathOf(build.link)).expect(401);
    await request(t.app)
      .get(pathOf(build.link))
      .set(TOKEN_HEADER, `fnd_${'3'.repeat(64)}`)
      .expect(401);
  });
});
