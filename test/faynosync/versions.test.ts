import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import {
  createApp,
  createNamed,
  type SearchItem,
  search,
  sendForm,
  type UploadFile,
  upload,
} from '../helpers/releases.js';

let t: TestApp;

interface Tenant {
  token: string;
  apps: Record<string, string>;
  channels: Record<string, string>;
  platforms: Record<string, string>;
  archs: Record<string, string>;
}

/** Two tenants with the same names everywhere: only the tenant keeps them apart. */
async function tenant(): Promise<Tenant> {
  const { token } = await newAdmin(t.app);
  const result: Tenant = { token, apps: {}, channels: {}, platforms: {}, archs: {} };
  for (const name of ['desk', 'tool']) result.apps[name] = await createApp(t.app, token, name);
  for (const name of ['stable', 'beta'])
    result.channels[name] = await createNamed(t.app, token, 'channel', name);
  for (const name of ['mac', 'win'])
    result.platforms[name] = await createNamed(t.app, token, 'platform', name);
  for (const name of ['x64', 'arm64']) result.archs[name] = await createNamed(t.app, token, 'arch', name);
  return result;
}

const file = (name: string): UploadFile => ({ name, content: randomBytes(1000) });

let a: Tenant;
let b: Tenant;

async function release(
  owner: Tenant,
  version: string,
  extra: Record<string, unknown> = {},
  files = [file('Desk.dmg')],
): Promise<string> {
  const res = await upload(
    t.app,
    owner.token,
    { app_name: 'desk', version, channel: 'stable', platform: 'mac', arch: 'x64', ...extra },
    files,
  ).expect(200);
  return res.body['uploadResult.Uploaded'] as string;
}

async function item(owner: Tenant, id: string, app = 'desk'): Promise<SearchItem | undefined> {
  return (await search(t.app, owner.token, { app_name: app, limit: '100' })).items.find((i) => i.ID === id);
}

async function keysOf(versionId: string): Promise<string[]> {
  const rows = await t.ctx.database.db
    .selectFrom('artifacts')
    .select('storage_key')
    .where('version_id', '=', versionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.storage_key);
}

async function exists(key: string): Promise<boolean> {
  return (await t.ctx.store.head(key, 'public')) !== undefined;
}

const pending = async () =>
  (await t.ctx.database.db.selectFrom('pending_objects').selectAll().execute()).map((r) => r.storage_key);

function update(token: string, data: Record<string, unknown>, files: UploadFile[] = []): request.Test {
  return sendForm(t.app, '/apps/update', token, [
    { name: 'data', value: JSON.stringify(data) },
    ...files.map((f) => ({ name: 'file', file: f })),
  ]);
}

function deleteArtifacts(token: string, data: Record<string, unknown>): request.Test {
  return sendForm(t.app, '/artifact/delete', token, [{ name: 'data', value: JSON.stringify(data) }]);
}

beforeAll(async () => {
  t = await createTestApp();
  a = await tenant();
  b = await tenant();
});

afterAll(async () => {
  await t?.close();
});

describe('POST /apps/update', () => {
  it('changes only the fields sent', async () => {
    const id = await release(a, '2.0.0', {
      publish: true,
      critical: true,
      intermediate: true,
      rollout: 40,
      changelog: 'first notes',
    });
    const target = { id, app_name: 'desk', version: '2.0.0' };
    const res = await update(a.token, { ...target, changelog: 'better notes' }).expect(200);
    expect(res.body).toEqual({ 'updatedResult.Updated': true });
    expect(await item(a, id)).toMatchObject({
      Published: true,
      Critical: true,
      Intermediate: true,
      RolloutPercent: 40,
      Changelog: [{ Version: '2.0.0', Changes: 'better notes' }],
    });

    await update(a.token, { ...target, publish: false }).expect(200);
    expect(await item(a, id)).toMatchObject({
      Published: false,
      Critical: true,
      Intermediate: true,
      RolloutPercent: 40,
      Changelog: [{ Changes: 'better notes' }],
    });

    await update(a.token, {
      ...target,
      critical: 'false',
      intermediate: false,
      rollout: 100,
      channel: 'stable',
    }).expect(200);
    expect(await item(a, id)).toMatchObject({
      Published: false,
      Critical: false,
      Intermediate: false,
      RolloutPercent: 100,
    });
    // FaynoSync's clients send an empty changelog when it was not edited: it stays.
    await update(a.token, { ...target, changelog: '' }).expect(200);
    expect((await item(a, id))?.Changelog[0]?.Changes).toBe('better notes');
  });

  it('adds files sent with it as artifacts of the version', async () => {
    const id = await release(a, '2.1.0');
    await update(
      a.token,
      { id, app_name: 'desk', version: '2.1.0', platform: 'win', arch: 'arm64', signature: 's' },
      [file('Desk.exe'), file('RELEASES')],
    ).expect(200);
    const artifacts = (await item(a, id))?.Artifacts ?? [];
    expect(artifacts.map((x) => `${x.platform}/${x.arch}/${x.file_name}/${x.signature ?? '-'}`)).toEqual([
      'mac/x64/Desk.dmg/-',
      'win/arm64/Desk.exe/s',
      'win/arm64/RELEASES/s',
    ]);
    for (const key of await keysOf(id)) expect(await exists(key)).toBe(true);
    // A file the version already has is a conflict, and nothing of the request stays.
    const res = await update(
      a.token,
      { id, app_name: 'desk', version: '2.1.0', platform: 'mac', arch: 'x64' },
      [file('Other.zip'), file('Desk.dmg')],
    ).expect(409);
    expect(res.body.error).toBe(
      'app with this name, version, platform, architecture and file already exists',
    );
    expect((await item(a, id))?.Artifacts).toHaveLength(3);
    expect(await t.ctx.store.list('tmp/', 'public')).toEqual([]);
  });

  it('answers 404 when id, app and version do not match, or the version is another tenant’s', async () => {
    const id = await release(a, '2.2.0', { publish: true });
    const otherVersion = await release(a, '2.2.1');
    const bId = await release(b, '2.2.0');
    for (const data of [
      { id, app_name: 'tool', version: '2.2.0' },
      { id, app_name: 'desk', version: '2.2.1' },
      { id: otherVersion, app_name: 'desk', version: '2.2.0' },
      { id: newId(), app_name: 'desk', version: '2.2.0' },
      { id: bId, app_name: 'desk', version: '2.2.0', publish: false },
    ]) {
      const res = await update(a.token, { ...data, publish: false }).expect(404);
      expect(res.body.error).toMatch(/app with this parameters doesn't exist/);
    }
    expect((await item(a, id))?.Published).toBe(true);
  });

  it('refuses to change the channel', async () => {
    const id = await release(a, '2.3.0');
    const res = await update(a.token, { id, app_name: 'desk', version: '2.3.0', channel: 'beta' }).expect(
      400,
    );
    expect(res.body.error).toBe('updating the channel is not allowed');
  });

  it('refuses bad values and bad ids with 400', async () => {
    const id = await release(a, '2.4.0');
    await update(a.token, { id, app_name: 'desk', version: '2.4.0', rollout: 101 }).expect(400);
    await update(a.token, { id: 'nope', app_name: 'desk', version: '2.4.0' }).expect(400);
    await update(a.token, { id, app_name: 'desk', version: 'x'.repeat(500) }).expect(400);
  });

  it('needs apps.edit and the app and channel in a team user’s allowed lists', async () => {
    const id = await release(a, '2.5.0');
    const data = { id, app_name: 'desk', version: '2.5.0', publish: true };
    const editor = await newTeamUser(t.app, a.token, {
      apps: { edit: true, allowed: [a.apps.desk ?? ''] },
      channels: { allowed: [a.channels.stable ?? ''] },
    });
    const otherChannel = await newTeamUser(t.app, a.token, {
      apps: { edit: true, allowed: [a.apps.desk ?? ''] },
      channels: { allowed: [a.channels.beta ?? ''] },
    });
    await update(otherChannel.token, data).expect(403);
    const notAllowed = await newTeamUser(t.app, a.token, {
      apps: { edit: true, allowed: [a.apps.tool ?? ''] },
    });
    const noRight = await newTeamUser(t.app, a.token, {
      apps: { upload: true, allowed: [a.apps.desk ?? ''] },
    });
    await update(notAllowed.token, data).expect(403);
    await update(noRight.token, data).expect(403);
    expect((await item(a, id))?.Published).toBe(false);
    await update(editor.token, data).expect(200);
    expect((await item(a, id))?.Published).toBe(true);
  });
});

describe('DELETE /apps/delete', () => {
  it('removes the version, its artifact rows and its files', async () => {
    const id = await release(a, '3.0.0', {}, [file('Desk.dmg'), file('Desk.zip')]);
    const keep = await release(a, '3.0.1');
    const keys = await keysOf(id);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await exists(key)).toBe(true);

    const res = await request(t.app).delete(`/apps/delete?id=${id}`).set(bearer(a.token)).expect(200);
    expect(res.body).toEqual({ 'deleteSpecificAppResult.DeletedCount': 1 });
    expect(await item(a, id)).toBeUndefined();
    expect(await keysOf(id)).toEqual([]);
    for (const key of keys) expect(await exists(key)).toBe(false);
    expect(await pending()).toEqual([]);
    expect(await item(a, keep)).toBeDefined();
    for (const key of await keysOf(keep)) expect(await exists(key)).toBe(true);

    await request(t.app).delete(`/apps/delete?id=${id}`).set(bearer(a.token)).expect(404);
    // The same version can be uploaded again.
    await release(a, '3.0.0');
  });

  it("answers 404 for another tenant's version and leaves it alone", async () => {
    const id = await release(b, '3.1.0');
    const res = await request(t.app).delete(`/apps/delete?id=${id}`).set(bearer(a.token)).expect(404);
    expect(res.body.error).toMatch(/no app found with ID/);
    expect(await item(b, id)).toBeDefined();
    for (const key of await keysOf(id)) expect(await exists(key)).toBe(true);
  });

  it('refuses a malformed id with 400', async () => {
    await request(t.app).delete('/apps/delete?id=12').set(bearer(a.token)).expect(400);
    await request(t.app).delete('/apps/delete').set(bearer(a.token)).expect(400);
  });

  it('lets a team user with apps.delete and the app, channel, platform and arch delete (FaynoSync refused every team user)', async () => {
    const id = await release(a, '3.2.0');
    const deleter = await newTeamUser(t.app, a.token, {
      apps: { delete: true, allowed: [a.apps.desk ?? ''] },
      channels: { allowed: [a.channels.stable ?? ''] },
      platforms: { allowed: [a.platforms.mac ?? ''] },
      archs: { allowed: [a.archs.x64 ?? ''] },
    });
    const otherPlatform = await newTeamUser(t.app, a.token, {
      apps: { delete: true, allowed: [a.apps.desk ?? ''] },
      channels: { allowed: [a.channels.stable ?? ''] },
      platforms: { allowed: [a.platforms.win ?? ''] },
      archs: { allowed: [a.archs.x64 ?? ''] },
    });
    await request(t.app).delete(`/apps/delete?id=${id}`).set(bearer(otherPlatform.token)).expect(403);
    const notAllowed = await newTeamUser(t.app, a.token, {
      apps: { delete: true, allowed: [a.apps.tool ?? ''] },
    });
    const noRight = await newTeamUser(t.app, a.token, { apps: { edit: true, allowed: [a.apps.desk ?? ''] } });
    await request(t.app).delete(`/apps/delete?id=${id}`).set(bearer(notAllowed.token)).expect(403);
    await request(t.app).delete(`/apps/delete?id=${id}`).set(bearer(noRight.token)).expect(403);
    expect(await item(a, id)).toBeDefined();
    await request(t.app).delete(`/apps/delete?id=${id}`).set(bearer(deleter.token)).expect(200);
    expect(await item(a, id)).toBeUndefined();
  });
});

describe('POST /artifact/delete', () => {
  const four = () => [file('a.dmg'), file('b.zip'), file('c.exe'), file('d.yml')];

  it('deletes by stable artifact id', async () => {
    const id = await release(a, '4.0.0', {}, four());
    const before = (await item(a, id))?.Artifacts ?? [];
    const keys = await keysOf(id);
    const res = await deleteArtifacts(a.token, {
      id,
      app_name: 'desk',
      version: '4.0.0',
      artifacts_to_delete: [before[1]?.id],
    }).expect(200);
    expect(res.body).toEqual({ deleteSpecificArtifactResult: true });
    expect((await item(a, id))?.Artifacts.map((x) => x.file_name)).toEqual(['a.dmg', 'c.exe', 'd.yml']);
    expect(await exists(keys[1] ?? '')).toBe(false);
    for (const key of [keys[0], keys[2], keys[3]]) expect(await exists(key ?? '')).toBe(true);
    expect(await pending()).toEqual([]);
  });

  it('resolves several indexes against the list before deleting any (FaynoSync shifted them)', async () => {
    const id = await release(a, '4.1.0', {}, four());
    const keys = await keysOf(id);
    await deleteArtifacts(a.token, {
      id,
      app_name: 'desk',
      version: '4.1.0',
      artifacts_to_delete: ['0', '2'],
    }).expect(200);
    expect((await item(a, id))?.Artifacts.map((x) => x.file_name)).toEqual(['b.zip', 'd.yml']);
    expect(await Promise.all(keys.map(exists))).toEqual([false, true, false, true]);

    // The same artifact named twice (by index and by id) is deleted once; the last one left goes too.
    const left = (await item(a, id))?.Artifacts ?? [];
    await deleteArtifacts(a.token, {
      id,
      app_name: 'desk',
      version: '4.1.0',
      artifacts_to_delete: [1, '0', left[0]?.id],
    }).expect(200);
    expect((await item(a, id))?.Artifacts).toEqual([]);
    expect(await Promise.all(keys.map(exists))).toEqual([false, false, false, false]);
  });

  it('deletes nothing when one entry is unknown or out of range', async () => {
    const id = await release(a, '4.2.0', {}, four());
    const target = { id, app_name: 'desk', version: '4.2.0' };
    const outOfRange = await deleteArtifacts(a.token, { ...target, artifacts_to_delete: ['0', '4'] }).expect(
      404,
    );
    expect(outOfRange.body.error).toMatch(
      /artifact index 4 is out of range: version 4\.2\.0 has 4 artifacts/,
    );
    const unknown = await deleteArtifacts(a.token, { ...target, artifacts_to_delete: ['1', newId()] }).expect(
      404,
    );
    expect(unknown.body.error).toMatch(/artifact [0-9a-f]{24} not found/);
    // Another version's artifact is not this version's.
    const other = await release(a, '4.2.1');
    const foreign = (await item(a, other))?.Artifacts[0]?.id;
    await deleteArtifacts(a.token, { ...target, artifacts_to_delete: [foreign] }).expect(404);
    for (const bad of [[], ['-1'], ['first'], 'x', [1.5]]) {
      await deleteArtifacts(a.token, { ...target, artifacts_to_delete: bad }).expect(400);
    }
    expect((await item(a, id))?.Artifacts).toHaveLength(4);
    for (const key of await keysOf(id)) expect(await exists(key)).toBe(true);
  });

  it("answers 404 for a mismatch or another tenant's version, and needs apps.delete", async () => {
    const id = await release(b, '4.3.0', {}, four());
    await deleteArtifacts(a.token, {
      id,
      app_name: 'desk',
      version: '4.3.0',
      artifacts_to_delete: ['0'],
    }).expect(404);
    await deleteArtifacts(b.token, {
      id,
      app_name: 'desk',
      version: '4.3.1',
      artifacts_to_delete: ['0'],
    }).expect(404);
    const noRight = await newTeamUser(t.app, b.token, { apps: { edit: true, allowed: [b.apps.desk ?? ''] } });
    await deleteArtifacts(noRight.token, {
      id,
      app_name: 'desk',
      version: '4.3.0',
      artifacts_to_delete: ['0'],
    }).expect(403);
    expect((await item(b, id))?.Artifacts).toHaveLength(4);
  });
});

describe('GET /search', () => {
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const owner = await tenant();
    token = owner.token;
    const plan: [string, Record<string, unknown>][] = [
      ['1.0.0', { publish: true }],
      ['1.0.0.1', { publish: true, critical: true }],
      ['1.2.0-beta.1', { channel: 'beta' }],
      ['1.2.0', { publish: true, platform: 'win' }],
      ['1.10.0', { publish: true, arch: 'arm64' }],
      ['2.0.0-rc.1', { channel: 'beta', critical: true }],
      ['2.0.0-rc.2', { channel: 'beta', platform: 'win', arch: 'arm64' }],
    ];
    for (const [version, extra] of plan) {
      const res = await upload(
        t.app,
        token,
        { app_name: 'desk', version, channel: 'stable', platform: 'mac', arch: 'x64', ...extra },
        [file('Desk.bin')],
      ).expect(200);
      ids[version] = res.body['uploadResult.Uploaded'];
    }
    // Another app and another tenant with the same names must not show up.
    await upload(
      t.app,
      token,
      { app_name: 'tool', version: '9.9.9', channel: 'stable', platform: 'mac', arch: 'x64' },
      [file('Tool.bin')],
    ).expect(200);
    await release(b, '8.8.8');
  });

  const versions = async (query: Record<string, string>) =>
    (await search(t.app, token, { app_name: 'desk', ...query })).items.map((i) => i.Version);

  it('lists the versions newest first, by version order (4 parts, pre-releases)', async () => {
    const all = await search(t.app, token, { app_name: 'desk', limit: '100' });
    expect(all.items.map((i) => i.Version)).toEqual([
      '2.0.0-rc.2',
      '2.0.0-rc.1',
      '1.10.0',
      '1.2.0',
      '1.2.0-beta.1',
      '1.0.0.1',
      '1.0.0',
    ]);
    expect(all).toMatchObject({ total: 7, page: 1, limit: 100 });
    expect(all.items.every((i) => i.AppName === 'desk')).toBe(true);
  });

  it('pages, nine to a page unless told', async () => {
    expect(await search(t.app, token, { app_name: 'desk' })).toMatchObject({ page: 1, limit: 9, total: 7 });
    expect(await versions({ limit: '2', page: '2' })).toEqual(['1.10.0', '1.2.0']);
    expect(await versions({ limit: '3', page: '3' })).toEqual(['1.0.0']);
    expect(await versions({ limit: '3', page: '4' })).toEqual([]);
  });

  it('filters by channel, published, critical, platform and arch', async () => {
    expect(await versions({ channel: 'beta' })).toEqual(['2.0.0-rc.2', '2.0.0-rc.1', '1.2.0-beta.1']);
    expect(await versions({ published: 'true' })).toEqual(['1.10.0', '1.2.0', '1.0.0.1', '1.0.0']);
    expect(await versions({ published: 'false' })).toEqual(['2.0.0-rc.2', '2.0.0-rc.1', '1.2.0-beta.1']);
    expect(await versions({ critical: 'true' })).toEqual(['2.0.0-rc.1', '1.0.0.1']);
    expect(await versions({ platform: 'win' })).toEqual(['2.0.0-rc.2', '1.2.0']);
    expect(await versions({ arch: 'arm64' })).toEqual(['2.0.0-rc.2', '1.10.0']);
    expect(await versions({ platform: 'win', arch: 'x64' })).toEqual(['1.2.0']);
    expect(await versions({ channel: 'stable', published: 'true', critical: 'true' })).toEqual(['1.0.0.1']);
  });

  it('refuses bad paging and unknown names with 400', async () => {
    for (const query of [
      { limit: '0' },
      { limit: '101' },
      { limit: 'ten' },
      { page: '0' },
      { page: '-1' },
      { published: 'maybe' },
      { channel: 'nightly' },
      { platform: 'linux' },
    ]) {
      await request(t.app)
        .get('/search')
        .query({ app_name: 'desk', ...query })
        .set(bearer(token))
        .expect(400);
    }
    await request(t.app).get('/search').set(bearer(token)).expect(400);
    const unknown = await request(t.app)
      .get('/search')
      .query({ app_name: 'nope' })
      .set(bearer(token))
      .expect(400);
    expect(unknown.body.error).toMatch(/^app_name not found/);
  });

  it('shows each tenant only its own versions of an app with the same name', async () => {
    expect(
      (await search(t.app, b.token, { app_name: 'desk', limit: '100' })).items.map((i) => i.Version),
    ).not.toContain('1.10.0');
    expect(await versions({ limit: '100' })).not.toContain('8.8.8');
    expect(await item(b, ids['1.0.0'] ?? '')).toBeUndefined();
  });

  it('answers 403 to a team user without the app, and to nobody else', async () => {
    const owner = await tenant();
    await upload(
      t.app,
      owner.token,
      { app_name: 'desk', version: '1.0.0', channel: 'stable', platform: 'mac', arch: 'x64' },
      [file('a.bin')],
    ).expect(200);
    const allowed = await newTeamUser(t.app, owner.token, {
      apps: { allowed: [owner.apps.desk ?? ''] },
      channels: { allowed: [owner.channels.stable ?? ''] },
      platforms: { allowed: [owner.platforms.mac ?? ''] },
      archs: { allowed: [owner.archs.x64 ?? ''] },
    });
    const other = await newTeamUser(t.app, owner.token, { apps: { allowed: [owner.apps.tool ?? ''] } });
    expect((await search(t.app, allowed.token, { app_name: 'desk' })).total).toBe(1);
    await request(t.app).get('/search').query({ app_name: 'desk' }).set(bearer(other.token)).expect(403);
    await request(t.app).get('/search').query({ app_name: 'desk' }).expect(401);
  });
});

describe('GET / (deprecated listing)', () => {
  it("lists the tenant's versions, a team user's allowed apps only, up to the limit", async () => {
    const owner = await tenant();
    const desk = await upload(
      t.app,
      owner.token,
      { app_name: 'desk', version: '1.0.0', channel: 'stable', platform: 'mac', arch: 'x64' },
      [file('d.bin')],
    ).expect(200);
    const tool = await upload(
      t.app,
      owner.token,
      { app_name: 'tool', version: '1.0.0', channel: 'beta', platform: 'win', arch: 'x64' },
      [file('t.bin')],
    ).expect(200);
    const listed = await request(t.app).get('/').set(bearer(owner.token)).expect(200);
    expect(Object.keys(listed.body)).toEqual(['apps']);
    const apps = listed.body.apps as SearchItem[];
    expect(apps.map((i) => i.ID).sort()).toEqual(
      [desk.body['uploadResult.Uploaded'], tool.body['uploadResult.Uploaded']].sort(),
    );
    expect(apps.find((i) => i.AppName === 'tool')).toMatchObject({
      Version: '1.0.0',
      Channel: 'beta',
      Artifacts: [{ platform: 'win', arch: 'x64', file_name: 't.bin', package: '.bin' }],
    });

    const grants = {
      channels: { allowed: [owner.channels.beta ?? ''] },
      platforms: { allowed: [owner.platforms.win ?? ''] },
      archs: { allowed: [owner.archs.x64 ?? ''] },
    };
    const user = await newTeamUser(t.app, owner.token, {
      apps: { allowed: [owner.apps.tool ?? ''] },
      ...grants,
    });
    const mine = await request(t.app).get('/').set(bearer(user.token)).expect(200);
    expect((mine.body.apps as SearchItem[]).map((i) => i.AppName)).toEqual(['tool']);
    // A user granted the app but none of its channels sees none of its versions, as it may change none of them.
    const appOnly = await newTeamUser(t.app, owner.token, { apps: { allowed: [owner.apps.tool ?? ''] } });
    expect((await request(t.app).get('/').set(bearer(appOnly.token)).expect(200)).body.apps).toEqual([]);

    expect(
      (await request(t.app).get('/?limit=1').set(bearer(owner.token)).expect(200)).body.apps,
    ).toHaveLength(1);
    await request(t.app).get('/?limit=0').set(bearer(owner.token)).expect(400);
    await request(t.app).get('/?limit=1001').set(bearer(owner.token)).expect(400);
    await request(t.app).get('/').expect(401);
  });

  it('answers [] to a tenant without versions', async () => {
    const { token } = await newAdmin(t.app);
    expect((await request(t.app).get('/').set(bearer(token)).expect(200)).body).toEqual({ apps: [] });
  });
});
