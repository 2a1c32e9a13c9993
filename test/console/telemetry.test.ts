import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, PASSWORD } from '../helpers/auth.js';
import { checkScreen, chromiumMissing, expectFitsWidth, withConsole } from '../helpers/browser.js';
import { type FeedTenant, feedTenant, publisher } from '../helpers/feeds.js';

let tenant: FeedTenant;

/** A real update check of `desktop`, as a client that sends its device id makes it. */
async function check(deviceId: string, version: string, platform: string, arch: string): Promise<void> {
  await request(ui.t.app)
    .get('/checkVersion')
    .query({ app_name: 'desktop', version, owner: tenant.owner, channel: 'stable', platform, arch })
    .set('X-Device-ID', deviceId)
    .expect(200);
}

const ui = withConsole(async (t) => {
  tenant = await feedTenant(t, {
    apps: ['desktop'],
    channels: ['stable'],
    platforms: { windows: [], linux: [] },
    archs: ['x64', 'arm64'],
  });
  const publish = publisher(t, tenant.token, { app_name: 'desktop', channel: 'stable' });
  const file = (name: string) => [{ name, content: Buffer.from(name) }];
  await publish('1.0.0', file('desktop-1.0.0.exe'), { platform: 'windows', arch: 'x64' });
  await publish('1.1.0', file('desktop-1.1.0.exe'), { platform: 'windows', arch: 'x64' });
  await publish('1.1.0', file('desktop-1.1.0.deb'), { platform: 'linux', arch: 'arm64' });
});

/** A chart's accessible name: its title and its numbers. */
const chart = (title: string) =>
  ui.page.getByRole('img', { name: new RegExp(`^${title}:`) }).getAttribute('aria-label');

/** The numbers a chart carries in its visually hidden table, by row. */
async function figures(title: string): Promise<Record<string, number>> {
  const rows = ui.page.getByRole('table', { name: title }).locator('tbody tr');
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', Number(tr.querySelector('td')?.textContent)]),
  );
  return Object.fromEntries(cells);
}

describe.skipIf(chromiumMissing)('the telemetry screen in Chromium', () => {
  it('counts real update checks once the recorder has written them', async () => {
    // dev1 is behind (two checks from 1.0.0); dev2 and dev3 are on the latest release, on two platforms.
    await check('dev1', '1.0.0', 'windows', 'x64');
    await check('dev1', '1.0.0', 'windows', 'x64');
    await check('dev2', '1.1.0', 'windows', 'x64');
    await check('dev3', '1.1.0', 'linux', 'arm64');
    // The recorder writes in batches: wait until the API counts every check.
    await expect
      .poll(
        async () =>
          (await request(ui.t.app).get('/telemetry').set(bearer(tenant.token)).expect(200)).body.summary
            .total_requests,
        { timeout: 15_000 },
      )
      .toBe(4);
  });

  it('draws the seeded checks as charts', async () => {
    await ui.page.goto(ui.url);
    await ui.page.getByLabel('Username').fill(tenant.owner);
    await ui.page.getByLabel('Password').fill(PASSWORD);
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    await ui.page.getByRole('link', { name: 'Telemetry' }).click();
    await ui.page.getByRole('heading', { name: 'Telemetry' }).waitFor();
    await ui.page.getByRole('img', { name: /^Daily checks:/ }).waitFor();

    const today = new Date().toISOString().slice(0, 10);
    const daily = await figures('Daily checks');
    // The default period is a week: today and the 7 days before, every day drawn, only today with checks.
    expect(Object.keys(daily)).toHaveLength(8);
    expect(daily[today]).toBe(4);
    expect(Object.values(daily).reduce((a, b) => a + b)).toBe(4);
    const columns = ui.page.getByRole('figure', { name: 'Daily checks' }).locator('rect.bar');
    await expect(columns.count()).resolves.toBe(8);
    const heights = await columns.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(heights.filter((h) => h > 0)).toHaveLength(1);
    await expect(chart('Daily checks')).resolves.toBe(
      `Daily checks: ${Object.keys(daily)
        .map((day) => `${day} ${day === today ? 4 : 0}`)
        .join(', ')}`,
    );
    expect((await figures('Unique devices per day'))[today]).toBe(3);
    expect((await figures('Devices on the latest release per day'))[today]).toBe(2);

    await expect(chart('Adoption of the latest release')).resolves.toBe(
      'Adoption of the latest release: on the latest 2, outdated 1',
    );
    await expect(chart('Versions in use')).resolves.toBe('Versions in use: 1.1.0 2, 1.0.0 1');
    await expect(chart('Platforms')).resolves.toBe('Platforms: windows 2, linux 1');
    await expect(chart('Archs')).resolves.toBe('Archs: x64 2, arm64 1');
    await expect(chart('Channels')).resolves.toBe('Channels: stable 3');
    // A bar's length follows its number: windows (2 devices) is twice linux (1).
    const bars = ui.page.getByRole('figure', { name: 'Platforms' }).locator('rect.bar');
    const widths = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(widths[0]).toBeCloseTo(2 * (widths[1] ?? 0));
    await checkScreen(ui.page, 'telemetry');
  });

  it('filters by platform and shows one day', async () => {
    await ui.page.getByRole('combobox', { name: /^Platform/ }).selectOption('linux');
    await expect.poll(() => chart('Versions in use')).toBe('Versions in use: 1.1.0 1');
    await expect(chart('Platforms')).resolves.toBe('Platforms: linux 1');
    await expect(chart('Adoption of the latest release')).resolves.toBe(
      'Adoption of the latest release: on the latest 1, outdated 0',
    );

    await ui.page.getByRole('combobox', { name: /^Platform/ }).selectOption('');
    await ui.page.getByRole('combobox', { name: /^Period/ }).selectOption('day');
    const today = new Date().toISOString().slice(0, 10);
    await expect.poll(() => figures('Daily checks')).toEqual({ [today]: 4 });
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await ui.page.getByLabel('Day', { exact: true }).fill(yesterday);
    await expect.poll(() => figures('Daily checks')).toEqual({ [yesterday]: 0 });
    await ui.page.getByText('No checks recorded.').first().waitFor();
  });

  it('fits a 360 px phone', async () => {
    await ui.page.getByRole('combobox', { name: /^Period/ }).selectOption('month');
    await ui.page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(async () => Object.keys(await figures('Daily checks')).length).toBe(31);
    await expectFitsWidth(ui.page);
    await checkScreen(ui.page, 'telemetry-phone');
  });
});
