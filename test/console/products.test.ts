import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, newAdmin, newTeamUser, PASSWORD } from '../helpers/auth.js';
import { checkScreen, chromiumMissing, expectFitsWidth, withConsole } from '../helpers/browser.js';
import { createApp, upload } from '../helpers/releases.js';

const UA = {
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  linux:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  android:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
};

let owner: string;
let ownerToken: string;

const file = (name: string) => ({ name, content: Buffer.from(`contents of ${name}`) });

const ui = withConsole(async (t) => {
  const admin = await newAdmin(t.app);
  owner = admin.username;
  ownerToken = admin.token;
  const auth = bearer(admin.token);
  await request(t.app).post('/channel/create').set(auth).send({ channel: 'stable' }).expect(200);
  // The tenant's own spellings: the page maps them onto the visitor's platform and CPU.
  for (const platform of ['win', 'darwin', 'linux', 'android'])
    await request(t.app).post('/platform/create').set(auth).send({ platform }).expect(200);
  for (const arch of ['amd64', 'aarch64'])
    await request(t.app).post('/arch/create').set(auth).send({ arch }).expect(200);
  await createApp(t.app, admin.token, 'desktop');
  await createApp(t.app, admin.token, 'hidden', { private: true });
  const release = (version: string, platform: string, arch: string, names: string[], publish = true) =>
    upload(
      t.app,
      admin.token,
      {
        app_name: 'desktop',
        version,
        channel: 'stable',
        platform,
        arch,
        publish,
        changelog: '- Faster <script>x</script>',
      },
      names.map(file),
    ).expect(200);
  await release('0.9.0', 'win', 'amd64', ['desktop-0.9.0.exe']);
  await release('1.0.0', 'win', 'amd64', ['desktop-1.0.0.exe', 'desktop-1.0.0.exe.blockmap', 'latest.yml']);
  await release('1.0.0', 'darwin', 'amd64', ['desktop-1.0.0-x64.dmg']);
  await release('1.0.0', 'darwin', 'aarch64', ['desktop-1.0.0-arm64.dmg']);
  await release('1.0.0', 'linux', 'amd64', ['desktop-1.0.0.AppImage']);
  await release('1.0.0', 'android', 'aarch64', ['desktop-1.0.0.apk']);
  await release('2.0.0', 'win', 'amd64', ['desktop-2.0.0.exe'], false);
  await upload(
    t.app,
    admin.token,
    {
      app_name: 'hidden',
      version: '1.0.0',
      channel: 'stable',
      platform: 'win',
      arch: 'amd64',
      publish: true,
    },
    [file('hidden.exe')],
  ).expect(200);
});

describe('the public download page, server side', () => {
  it('answers a private app with the same 404 as a missing one', async () => {
    const hidden = await request(ui.t.app).get(`/products/${owner}/hidden`).expect(404);
    const missing = await request(ui.t.app).get(`/products/${owner}/nothing`).expect(404);
    const noOwner = await request(ui.t.app).get('/products/nobody/desktop').expect(404);
    expect(hidden.text).toBe(missing.text);
    expect(noOwner.text).toBe(missing.text);
    expect(hidden.text).not.toContain('hidden.exe');
  });

  it('shows only published versions, sanitised notes, checksums and a QR code; no updater files', async () => {
    const res = await request(ui.t.app)
      .get(`/products/${owner}/desktop`)
      .set('User-Agent', UA.windows)
      .expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).toContain('desktop 1.0.0');
    expect(res.text).not.toContain('2.0.0');
    expect(res.text).not.toContain('<script>x</script>');
    expect(res.text).toContain('<li>Faster');
    expect(res.text).not.toMatch(/blockmap|latest\.yml/);
    expect(res.text).toMatch(/<code>[0-9a-f]{64}<\/code>/);
    expect(res.text).toContain('<svg');
    expect(res.text).toContain('0.9.0');
  });

  it('takes the CPU from client hints: Chrome on Apple silicon says Intel in its user agent', async () => {
    const res = await request(ui.t.app)
      .get(`/products/${owner}/desktop`)
      .set('User-Agent', UA.mac)
      .set('Sec-CH-UA-Platform', '"macOS"')
      .set('Sec-CH-UA-Arch', '"x86"')
      .expect(200);
    expect(res.text).toMatch(/<a class="recommended" href="[^"]*desktop-1\.0\.0-x64\.dmg"/);
  });
});

/** What page_events holds once the counter has written what it counted. */
async function counted(kind: 'visit' | 'download', platform: string): Promise<number> {
  await ui.t.ctx.counters.flush();
  const row = await ui.t.ctx.database.db
    .selectFrom('page_events')
    .select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('kind', '=', kind)
    .where('platform', '=', platform)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

interface PageEvents {
  app: string;
  from: string;
  to: string;
  totals: { visits: number; downloads: number };
  days: { day: string; visits: number; downloads: number }[];
  platforms: { platform: string; visits: number; downloads: number }[];
}

const pageEvents = (token: string, query: Record<string, string>) =>
  request(ui.t.app).get('/console/page-events').query(query).set(bearer(token));

/** The owner's report of the desktop app's page (counts may reach the database a moment after the visit). */
const reportOf = async (days = '30') =>
  (await pageEvents(ownerToken, { app: 'desktop', days }).expect(200)).body as PageEvents;

describe('visits and download clicks', () => {
  it('counts each visit per platform family, and a ping of a download link, but nothing for a private app', async () => {
    const before = await counted('visit', 'linux');
    await request(ui.t.app).get(`/products/${owner}/desktop`).set('User-Agent', UA.linux).expect(200);
    await request(ui.t.app).get(`/products/${owner}/desktop`).set('User-Agent', UA.linux).expect(200);
    expect(await counted('visit', 'linux')).toBe(before + 2);

    const clicks = await counted('download', 'windows');
    await request(ui.t.app)
      .post(`/products/${owner}/desktop/downloaded?platform=win`)
      .set('Content-Type', 'text/ping')
      .send('PING')
      .expect(204);
    expect(await counted('download', 'windows')).toBe(clicks + 1);

    const all = await ui.t.ctx.database.db.selectFrom('page_events').select('app_id').distinct().execute();
    await request(ui.t.app).get(`/products/${owner}/hidden`).expect(404);
    await request(ui.t.app).post(`/products/${owner}/hidden/downloaded?platform=win`).expect(404);
    await ui.t.ctx.counters.flush();
    const after = await ui.t.ctx.database.db.selectFrom('page_events').select('app_id').distinct().execute();
    expect(after).toEqual(all);
  });
});

describe("the console's report of visits and clicks", () => {
  it('adds up the counters per day and platform for the last days asked', async () => {
    const before = await reportOf();
    await request(ui.t.app).get(`/products/${owner}/desktop`).set('User-Agent', UA.windows).expect(200);
    await request(ui.t.app).get(`/products/${owner}/desktop`).set('User-Agent', UA.windows).expect(200);
    await request(ui.t.app).post(`/products/${owner}/desktop/downloaded?platform=win`).expect(204);
    const expected = { visits: before.totals.visits + 2, downloads: before.totals.downloads + 1 };
    await ui.t.ctx.counters.flush();
    const after = await reportOf('7');
    expect(after.totals).toEqual(expected);
    const today = new Date().toISOString().slice(0, 10);
    expect(after.to).toBe(today);
    expect(Date.parse(after.to) - Date.parse(after.from)).toBe(6 * 86_400_000);
    expect(after.days).toEqual([{ day: today, ...after.totals }]);
    const windows = (r: PageEvents) => r.platforms.find((p) => p.platform === 'windows');
    expect(windows(after)?.visits).toBe((windows(before)?.visits ?? 0) + 2);
    expect(after.platforms.reduce((sum, p) => sum + p.visits, 0)).toBe(after.totals.visits);
  });

  it('answers 404 for an app the user may not see, and 400 for a bad query', async () => {
    const team = await newTeamUser(ui.t.app, ownerToken, { apps: { download: true, allowed: [] } });
    const hidden = await pageEvents(team.token, { app: 'desktop' }).expect(404);
    expect(hidden.body.error).toBe('no app named desktop in your account');
    await pageEvents(ownerToken, { app: 'nothing' }).expect(404);
    const stranger = await newAdmin(ui.t.app);
    await pageEvents(stranger.token, { app: 'desktop' }).expect(404);
    for (const days of ['0', '367', '1.5', 'week']) {
      const bad = await pageEvents(ownerToken, { app: 'desktop', days }).expect(400);
      expect(bad.body.error).toContain('"days" must be a whole number of days from 1 to 366');
    }
    expect((await pageEvents(ownerToken, {}).expect(400)).body.error).toContain('send ?app=<app name>');
    await request(ui.t.app).get('/console/page-events?app=desktop').expect(401);
  });
});

describe.skipIf(chromiumMissing)('the public download page in Chromium', () => {
  async function firstDownload(userAgent: string, headers: Record<string, string> = {}): Promise<string> {
    const context = await ui.browser.newContext({ userAgent, extraHTTPHeaders: headers });
    const page = await context.newPage();
    await page.goto(`${ui.url}/products/${owner}/desktop`);
    // The page's first download link is the recommendation.
    const href = (await page.locator('main a[href]').first().getAttribute('href')) ?? '';
    await context.close();
    return href.slice(href.lastIndexOf('/') + 1);
  }

  it('recommends the right file for Windows x64, macOS arm64, Linux and Android', async () => {
    expect(await firstDownload(UA.windows)).toBe('desktop-1.0.0.exe');
    expect(await firstDownload(UA.mac, { 'Sec-CH-UA-Platform': '"macOS"', 'Sec-CH-UA-Arch': '"arm"' })).toBe(
      'desktop-1.0.0-arm64.dmg',
    );
    expect(await firstDownload(UA.linux)).toBe('desktop-1.0.0.AppImage');
    expect(await firstDownload(UA.android)).toBe('desktop-1.0.0.apk');
  });

  it('counts a click on the recommended download (the link pings the page)', async () => {
    const before = await counted('download', 'android');
    const context = await ui.browser.newContext({ userAgent: UA.android });
    const page = await context.newPage();
    // The files live at API_URL (a name that resolves nowhere in tests): the browser is given a stand-in.
    await page.route('http://updraft.test/**', (route) => route.fulfill({ body: 'apk' }));
    await page.goto(`${ui.url}/products/${owner}/desktop`);
    await page.locator('a.recommended').click();
    await expect.poll(() => counted('download', 'android'), { timeout: 15_000 }).toBe(before + 1);
    await context.close();
  });

  it("draws the page's visits and clicks, made in a real browser, on the app's console screen", async () => {
    const before = await reportOf();
    const visitor = await ui.browser.newContext({ userAgent: UA.linux });
    const visit = await visitor.newPage();
    await visit.route('http://updraft.test/**', (route) => route.fulfill({ body: 'AppImage' }));
    await visit.goto(`${ui.url}/products/${owner}/desktop`);
    await visit.reload();
    await visit.locator('a.recommended').click();
    // The click's ping reaches the server when the browser sends it; counts are written by the batched counter.
    await expect
      .poll(
        async () => {
          await ui.t.ctx.counters.flush();
          return (await reportOf()).totals;
        },
        { timeout: 15_000 },
      )
      .toEqual({ visits: before.totals.visits + 2, downloads: before.totals.downloads + 1 });
    await visitor.close();
    const { totals, platforms } = await reportOf();
    const { visits, downloads } = totals;
    const linux = platforms.find((p) => p.platform === 'linux')?.visits;

    const context = await ui.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(ui.url);
    await page.getByLabel('Username').fill(owner);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'desktop' }).click();
    const section = page.getByRole('region', { name: 'Download page' });
    await expect(section.getByTestId('page-visits').textContent()).resolves.toBe(String(visits));
    await expect(section.getByTestId('page-downloads').textContent()).resolves.toBe(String(downloads));
    await section
      .getByRole('img', { name: `Visits per day: ${visits} in all over 30 entries`, exact: false })
      .waitFor();
    await section
      .getByRole('img', { name: `Download clicks per day: ${downloads} in all`, exact: false })
      .waitFor();
    await section.getByRole('img', { name: new RegExp(`^Visitors' platforms: .*linux ${linux}`) }).waitFor();
    await section.getByLabel('Period').selectOption({ label: 'Last 7 days' });
    // Seven days are few enough to be named one by one, today last.
    const today = new Date().toISOString().slice(0, 10);
    await section.getByRole('img', { name: new RegExp(`^Visits per day: .*${today} ${visits}$`) }).waitFor();
    await checkScreen(page, 'app-download-page-visits');
    await context.close();
  });

  it('passes axe on the page and on its 404, on a phone and on a desktop', async () => {
    const context = await ui.browser.newContext({
      userAgent: UA.android,
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(`${ui.url}/products/${owner}/desktop`);
    await checkScreen(page, 'public-page-phone');
    await expectFitsWidth(page);
    await page.setViewportSize({ width: 1100, height: 900 });
    await checkScreen(page, 'public-page');
    const missing = await page.goto(`${ui.url}/products/${owner}/hidden`);
    expect(missing?.status()).toBe(404);
    await checkScreen(page, 'public-page-404');
    await context.close();
  });
});
