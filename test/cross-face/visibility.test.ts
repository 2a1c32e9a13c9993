import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, newAdmin, newTeamUser } from '../helpers/auth.js';
import {
  AdminClient,
  type CustomerClient,
  fetchSigned,
  linkCustomers,
  newCustomer,
  publish as publishV1,
  sha256,
} from '../helpers/bindist.js';
import {
  createApp,
  createNamed,
  filesThenData,
  type SearchItem,
  sendForm,
  type UploadFile,
} from '../helpers/releases.js';

/**
 * One set of data, every face: what /v1 hides (a deactivated version, a deleted app) no face offers, and what the
 * FaynoSync face uploads an entitled /v1 customer sees, by the rule of core/visibility.ts.
 */

let t: TestApp;
afterAll(() => t?.close());
beforeAll(async () => {
  t = await createTestApp();
});

interface Tenant {
  owner: string;
  token: string;
  admin: AdminClient;
}

/** An Updraft admin with its BinDist admin key: the same tenant through both faces. */
async function tenant(): Promise<Tenant> {
  const { username, token } = await newAdmin(t.app);
  const res = await request(t.app).post('/v1/management/admin/regenerate-key').set(bearer(token)).expect(200);
  return { owner: username, token, admin: new AdminClient(t.app, res.body.data.apiKey as string) };
}

/** FaynoSync's `/upload` exactly as its CLI, dashboard and Postman collection send it: the files, then `data`. */
async function upload(token: string, data: Record<string, unknown>, files: UploadFile[]): Promise<void> {
  const res = await sendForm(t.app, '/upload', token, filesThenData(JSON.stringify(data), files));
  expect(res.status, res.text).toBe(200);
}

const file = (name: string): UploadFile => ({ name, content: randomBytes(1500) });

async function keyOf(fileName: string): Promise<string> {
  const row = await t.ctx.database.db
    .selectFrom('artifacts')
    .select('storage_key')
    .where('file_name', '=', fileName)
    .executeTakeFirstOrThrow();
  return row.storage_key;
}

describe('what /v1 hides, every face hides', () => {
  let lab: Tenant;
  let customer: CustomerClient;
  let shareToken: string;

  beforeAll(async () => {
    lab = await tenant();
    await createApp(t.app, lab.token, 'Lab');
    await createNamed(t.app, lab.token, 'channel', 'stable');
    await createNamed(t.app, lab.token, 'platform', 'win32');
    await createNamed(t.app, lab.token, 'platform', 'darwin');
    await createNamed(t.app, lab.token, 'arch', 'x64');
    for (const v of ['1.0.0', '1.1.0']) {
      const where = { app_name: 'Lab', version: v, channel: 'stable', publish: true, arch: 'x64' };
      await upload(lab.token, { ...where, platform: 'win32' }, [
        file(`Lab Setup ${v}.exe`),
        file(`Lab-${v}-full.nupkg`),
      ]);
      await upload(lab.token, { ...where, platform: 'darwin', signature: `sig-${v}` }, [
        file(`Lab-${v}-mac.zip`),
        file(`Lab_${v}.app.tar.gz`),
      ]);
    }
    const made = await newCustomer(lab.admin, 'Acme');
    customer = made.client;
    await linkCustomers(lab.admin, 'Lab', [made.customerId]);
    const share = await customer.createShareLink('Lab', '1.1.0');
    expect(share.statusCode, JSON.stringify(share.raw)).toBe(200);
    shareToken = share.data.token as string;
  });

  const feed = (platform: string, tail: string) => `/update/${lab.owner}/Lab/stable/${platform}/x64/${tail}`;

  /** Every face's answer about Lab, as text, so one check can say which versions each offers. */
  async function answers(): Promise<Record<string, string>> {
    const text = async (req: request.Test) => {
      const res = await req.buffer(true);
      return `${res.status} ${res.text ?? ''}`;
    };
    const owner = lab.owner;
    const where = { app_name: 'Lab', channel: 'stable', arch: 'x64', owner };
    const key = await keyOf('Lab Setup 1.1.0.exe');
    const searched = await request(t.app).get('/search').query({ app_name: 'Lab' }).set(bearer(lab.token));
    const listed = await request(t.app).get('/').set(bearer(lab.token));
    const versions = await customer.listVersions('Lab');
    const url = await customer.getDownloadUrl('Lab', '1.1.0');
    const shared = await request(t.app).get(`/v1/downloads/d/${shareToken}`);
    return {
      checkVersion: await text(
        request(t.app)
          .get('/checkVersion')
          .query({ ...where, platform: 'win32', version: '0.9.0' }),
      ),
      appsLatest: await text(
        request(t.app)
          .get('/apps/latest')
          .query({ ...where, platform: 'win32' }),
      ),
      electronBuilder: await text(request(t.app).get(feed('win32', 'latest.yml'))),
      squirrelWindows: await text(
        request(t.app).get(feed('win32', '1.0.0/RELEASES?id=Lab&localVersion=1.0.0')),
      ),
      velopack: await text(request(t.app).get(feed('win32', 'releases.win.json'))),
      sparkle: await text(request(t.app).get(feed('darwin', 'appcast.xml'))),
      squirrelMac: await text(request(t.app).get(feed('darwin', '1.0.0/squirrel-mac'))),
      tauri: await text(request(t.app).get(feed('darwin', '1.0.0/tauri'))),
      feedFile: `${(await request(t.app).get(feed('win32', '1.1.0/Lab%20Setup%201.1.0.exe'))).status} 1.1.0`,
      download: `${(await request(t.app).get('/download').query({ key }).set(bearer(lab.token))).status} 1.1.0`,
      search: `${searched.status} ${((searched.body.items ?? []) as SearchItem[]).map((i) => i.Version).join(' ')}`,
      list: `${listed.status} ${((listed.body.apps ?? []) as SearchItem[]).map((i) => i.Version).join(' ')}`,
      v1Versions: `${versions.statusCode} ${((versions.data?.versions ?? []) as { version: string }[]).map((v) => v.version).join(' ')}`,
      v1DownloadUrl: `${url.statusCode} 1.1.0`,
      v1ShareLink: `${shared.status} 1.1.0`,
      doctor: await doctor(),
    };
  }

  /** The feed doctor's answer, as the feeds it probes would offer (versions it says some feed offers). */
  async function doctor(): Promise<string> {
    const res = await request(t.app)
      .get(feed('win32', 'explain'))
      .query({ version: '0.9.0' })
      .set(bearer(lab.token));
    const feeds = (res.body.feeds ?? []) as { offers: string | null }[];
    return `${res.status} ${feeds.map((f) => f.offers ?? '-').join(' ')}`;
  }

  /** The faces that offered `version` (by a 2xx/3xx answer naming it). */
  const offering = (all: Record<string, string>, version: string) =>
    Object.entries(all)
      .filter(([, answer]) => /^[23]\d\d /.test(answer) && answer.includes(version))
      .map(([face]) => face)
      .sort();

  it('deactivating a version through /v1 hides it from every face; deleting the app hides everything', async () => {
    const before = await answers();
    const faces = Object.keys(before).sort();
    expect(offering(before, '1.1.0'), JSON.stringify(before, null, 1)).toEqual(faces);

    const patch = await lab.admin.updateVersion('Lab', '1.1.0', { isActive: false });
    expect(patch.statusCode, JSON.stringify(patch.raw)).toBe(200);
    const deactivated = await answers();
    expect(offering(deactivated, '1.1.0'), JSON.stringify(deactivated, null, 1)).toEqual([]);
    // The older release is still there for the faces that list it.
    expect(offering(deactivated, '1.0.0')).toEqual(
      [
        'appsLatest',
        'checkVersion',
        'doctor',
        'electronBuilder',
        'list',
        'search',
        'sparkle',
        'squirrelWindows',
        'v1Versions',
        'velopack',
      ].sort(),
    );

    const explained = await request(t.app).get(feed('win32', 'explain')).set(bearer(lab.token)).expect(200);
    const verdicts = explained.body.versions as { version: string; eligible: boolean; reason: string }[];
    expect(verdicts.find((v) => v.version === '1.1.0')).toMatchObject({
      eligible: false,
      reason: expect.stringMatching(/inactive/),
    });

    // And back: the admin's PATCH finds the inactive version to reactivate it.
    const back = await lab.admin.updateVersion('Lab', '1.1.0', { isActive: true });
    expect(back.statusCode, JSON.stringify(back.raw)).toBe(200);
    expect(offering(await answers(), '1.1.0')).toEqual(faces);

    const appList = () => request(t.app).get('/app/list').set(bearer(lab.token)).expect(200);
    expect((await appList()).text).toContain('"Lab"');
    const deleted = await lab.admin.deleteApplication('Lab');
    expect(deleted.statusCode, JSON.stringify(deleted.raw)).toBe(200);
    const gone = await answers();
    expect(offering(gone, '1.0.0'), JSON.stringify(gone, null, 1)).toEqual([]);
    expect(offering(gone, '1.1.0')).toEqual([]);
    expect((await appList()).text).not.toContain('"Lab"');
  });
});

describe('FaynoSync uploads, /v1 customers see them', () => {
  let shop: Tenant;
  let customer: CustomerClient;
  const files = new Map<string, Buffer>();
  const tracked = (name: string): UploadFile => {
    const f = file(name);
    files.set(name, f.content);
    return f;
  };
  const listed = async (testChannel = false) => {
    const res = await customer.listVersions('Shop', { testChannel });
    expect(res.statusCode, JSON.stringify(res.raw)).toBe(200);
    return (res.data.versions as { version: string }[]).map((v) => v.version);
  };

  beforeAll(async () => {
    shop = await tenant();
    await createApp(t.app, shop.token, 'Shop');
    // Before the tenant has any channel, FaynoSync's upload takes none: a channel-less release.
    await upload(shop.token, { app_name: 'Shop', version: '1.0.0', publish: true }, [
      tracked('shop-1.0.0.exe'),
    ]);
    await createNamed(t.app, shop.token, 'channel', 'stable');
    await createNamed(t.app, shop.token, 'channel', 'beta');
    await upload(shop.token, { app_name: 'Shop', version: '1.1.0', channel: 'stable', publish: true }, [
      tracked('shop-1.1.0.exe'),
    ]);
    await upload(shop.token, { app_name: 'Shop', version: '1.2.0', channel: 'beta', publish: true }, [
      tracked('shop-1.2.0.exe'),
    ]);
    const made = await newCustomer(shop.admin, 'Acme');
    customer = made.client;
    await linkCustomers(shop.admin, 'Shop', [made.customerId]);
  });

  it('lists and downloads the channel-less and default-channel releases; another channel only on Test', async () => {
    expect(await listed()).toEqual(['1.1.0', '1.0.0']);
    expect(await listed(true)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
    for (const v of ['1.0.0', '1.1.0']) {
      const [bytes, info] = await customer.downloadFile('Shop', v);
      expect(info.fileName).toBe(`shop-${v}.exe`);
      expect(bytes.equals(files.get(`shop-${v}.exe`) ?? Buffer.alloc(0))).toBe(true);
    }
    expect((await customer.getDownloadUrl('Shop', '1.2.0')).statusCode).toBe(404);
    expect((await customer.listVersionFiles('Shop', '1.2.0')).statusCode).toBe(404);
    const [beta] = await customer.downloadFile('Shop', '1.2.0', { testChannel: true });
    expect(sha256(beta)).toBe(sha256(files.get('shop-1.2.0.exe') ?? Buffer.alloc(0)));
  });

  it('follows the default channel the admin picks, and falls back to `stable`', async () => {
    expect((await shop.admin.get('/management/settings')).data).toEqual({
      defaultChannel: 'stable',
      defaultChannelPicked: false,
    });
    const picked = await shop.admin.patch('/management/settings', { defaultChannel: 'beta' });
    expect(picked.statusCode, JSON.stringify(picked.raw)).toBe(200);
    expect(picked.data).toEqual({ defaultChannel: 'beta', defaultChannelPicked: true });
    expect(await listed()).toEqual(['1.2.0', '1.0.0']);
    expect((await customer.getDownloadUrl('Shop', '1.1.0')).statusCode).toBe(404);

    const unknown = await shop.admin.patch('/management/settings', { defaultChannel: 'nightly' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.error?.message).toMatch(/no channel named "nightly"/);
    expect((await shop.admin.patch('/management/settings', {})).statusCode).toBe(400);
    expect((await customer.patch('/management/settings', { defaultChannel: null })).statusCode).toBe(403);

    const reset = await shop.admin.patch('/management/settings', { defaultChannel: null });
    expect(reset.data).toEqual({ defaultChannel: 'stable', defaultChannelPicked: false });
    expect(await listed()).toEqual(['1.1.0', '1.0.0']);
  });

  it('shows the channel-less release of a number over the default channel’s, and a share link follows its version', async () => {
    const share = await customer.createShareLink('Shop', '1.1.0');
    expect(share.statusCode, JSON.stringify(share.raw)).toBe(200);
    const token = share.data.token as string;
    expect((await request(t.app).get(`/v1/downloads/d/${token}`)).status).toBe(302);

    // A /v1 upload of the same number is a channel-less release: it is the one /v1 shows from now on.
    await publishV1(shop.admin, 'Shop', '1.1.0', Buffer.from('v1 upload'), {
      fileName: 'shop-v1.exe',
      enable: true,
    });
    const files11 = await customer.listVersionFiles('Shop', '1.1.0');
    expect((files11.data.files as { fileName: string }[]).map((f) => f.fileName)).toEqual(['shop-v1.exe']);
    expect(await listed()).toEqual(['1.1.0', '1.0.0']);
    // The link named the stable release's file, which the number no longer shows.
    expect((await request(t.app).get(`/v1/downloads/d/${token}`)).status).toBe(404);
    // FaynoSync's clients still get the stable one.
    const check = await request(t.app)
      .get('/checkVersion')
      .query({ app_name: 'Shop', version: '1.0.0', channel: 'stable', owner: shop.owner })
      .expect(200);
    expect(check.text).toContain('shop-1.1.0.exe');
  });

  it('a share link stops working when its version or app is hidden', async () => {
    const share = await customer.createShareLink('Shop', '1.0.0');
    expect(share.statusCode, JSON.stringify(share.raw)).toBe(200);
    const link = `/v1/downloads/d/${share.data.token as string}`;
    const followed = await request(t.app).get(link).expect(302);
    expect((await fetchSigned(t.app, followed.headers.location as string)).status).toBe(200);

    await shop.admin.updateVersion('Shop', '1.0.0', { isActive: false });
    await request(t.app).get(link).expect(404);
    await shop.admin.updateVersion('Shop', '1.0.0', { isActive: true });
    await request(t.app).get(link).expect(302);
    await shop.admin.deleteApplication('Shop');
    await request(t.app).get(link).expect(404);
  });
});

describe('team users read only their allowed channels, platforms and archs', () => {
  it('limits /search and GET / to them, artifacts included', async () => {
    const { token } = await newAdmin(t.app);
    const appId = await createApp(t.app, token, 'Desk');
    const ids = {
      stable: await createNamed(t.app, token, 'channel', 'stable'),
      beta: await createNamed(t.app, token, 'channel', 'beta'),
      win32: await createNamed(t.app, token, 'platform', 'win32'),
      darwin: await createNamed(t.app, token, 'platform', 'darwin'),
      x64: await createNamed(t.app, token, 'arch', 'x64'),
      arm64: await createNamed(t.app, token, 'arch', 'arm64'),
    };
    const put = (version: string, channel: string, platform: string, arch: string) =>
      upload(token, { app_name: 'Desk', version, channel, platform, arch }, [
        file(`desk-${version}-${platform}-${arch}.bin`),
      ]);
    await put('1.0.0', 'stable', 'win32', 'x64');
    await put('1.1.0', 'beta', 'win32', 'x64');
    await put('1.2.0', 'stable', 'win32', 'x64');
    await put('1.2.0', 'stable', 'darwin', 'arm64');

    const seen = async (user: { token: string }) => {
      const searched = await request(t.app)
        .get('/search')
        .query({ app_name: 'Desk' })
        .set(bearer(user.token))
        .expect(200);
      const all = await request(t.app).get('/').set(bearer(user.token)).expect(200);
      const shape = (items: SearchItem[]) =>
        items
          .map(
            (i) =>
              `${i.Version} ${i.Channel}: ${i.Artifacts.map((a) => `${a.platform}/${a.arch}`).join(',')}`,
          )
          .sort();
      const fromSearch = shape(searched.body.items as SearchItem[]);
      expect(shape(all.body.apps as SearchItem[])).toEqual(fromSearch);
      return fromSearch;
    };

    expect(await seen({ token })).toEqual([
      '1.0.0 stable: win32/x64',
      '1.1.0 beta: win32/x64',
      '1.2.0 stable: win32/x64,darwin/arm64',
    ]);
    const stableWin = await newTeamUser(t.app, token, {
      apps: { allowed: [appId] },
      channels: { allowed: [ids.stable] },
      platforms: { allowed: [ids.win32] },
      archs: { allowed: [ids.x64] },
    });
    expect(await seen(stableWin)).toEqual(['1.0.0 stable: win32/x64', '1.2.0 stable: win32/x64']);
    const mac = await newTeamUser(t.app, token, {
      apps: { allowed: [appId] },
      channels: { allowed: [ids.stable, ids.beta] },
      platforms: { allowed: [ids.darwin] },
      archs: { allowed: [ids.x64, ids.arm64] },
    });
    expect(await seen(mac)).toEqual(['1.2.0 stable: darwin/arm64']);
    // An empty list limits as a full one does: granted the app alone, a user sees none of its channels' versions.
    const appOnly = await newTeamUser(t.app, token, { apps: { allowed: [appId] } });
    expect(await seen(appOnly)).toEqual([]);
    const betaOnly = await newTeamUser(t.app, token, {
      apps: { allowed: [appId] },
      channels: { allowed: [ids.beta] },
      archs: { allowed: [ids.arm64] },
    });
    expect(await seen(betaOnly)).toEqual([]);
  });
});
