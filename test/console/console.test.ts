import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { TEST_SIGNUP_KEY } from '../helpers/app.js';
import { bearer, PASSWORD } from '../helpers/auth.js';
import { checkScreen, chromiumMissing, expectFitsWidth, withConsole } from '../helpers/browser.js';
import { upload } from '../helpers/releases.js';

const ADMIN = 'consoleadmin';
const TEAM = 'consoleviewer';
const FILE_BYTES = 3 * 1024 * 1024;

const ui = withConsole();

/** What the signed-in console itself reads from the API, through its cookie. */
function inPage<T>(path: string): Promise<T> {
  return ui.page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

async function signInAs(username: string): Promise<void> {
  await ui.page.getByRole('button', { name: 'Sign out' }).click();
  await ui.page.getByLabel('Username').fill(username);
  await ui.page.getByLabel('Password').fill(PASSWORD);
  await ui.page.getByRole('button', { name: 'Sign in' }).click();
  await ui.page.getByRole('heading', { name: 'Apps' }).waitFor();
}

describe.skipIf(chromiumMissing)('the console in Chromium', () => {
  it('signs up the first admin with the sign-up key, then signs in', async () => {
    await ui.page.goto(ui.url);
    await ui.page.getByRole('heading', { name: 'Sign in to Updraft' }).waitFor();
    await checkScreen(ui.page, 'sign-in');
    await ui.page.getByRole('button', { name: 'Create the admin account' }).click();
    await ui.page.getByLabel('Sign-up key').fill('not-the-key');
    await ui.page.getByLabel('Username').fill(ADMIN);
    await ui.page.getByLabel(/^Password/).fill(PASSWORD);
    await ui.page.getByRole('button', { name: 'Create account' }).click();
    await expect(ui.page.getByRole('alert').textContent()).resolves.toBe('wrong api key');
    await ui.page.getByLabel('Sign-up key').fill(TEST_SIGNUP_KEY);
    await checkScreen(ui.page, 'sign-up');
    await ui.page.getByRole('button', { name: 'Create account' }).click();
    await ui.page.getByRole('status').getByText('The account is ready').waitFor();
    await ui.page.getByRole('button', { name: 'Back to sign-in' }).click();
    await ui.page.getByLabel('Username').fill(ADMIN);
    await ui.page.getByLabel('Password').fill(PASSWORD);
    await ui.page.getByRole('button', { name: 'Sign in' }).click();
    await ui.page.getByRole('heading', { name: 'Apps' }).waitFor();
    // The session is in an HttpOnly cookie: page script sees none of it, and nothing is kept in web storage.
    const seen = await ui.page.evaluate(
      '({ cookie: document.cookie, stored: localStorage.length + sessionStorage.length })',
    );
    expect(seen).toEqual({ cookie: '', stored: 0 });
    await ui.page.reload();
    await ui.page.getByRole('heading', { name: 'Apps' }).waitFor();
    await checkScreen(ui.page, 'apps-empty');
  });

  it('creates the catalog: a channel, a platform with its updater, an arch and an app', async () => {
    await ui.page.getByRole('link', { name: 'Channels, platforms, archs' }).click();
    await ui.page.getByLabel('New channel').fill('stable');
    await ui.page.getByRole('button', { name: 'Add channel' }).click();
    await ui.page.getByLabel('New platform').fill('windows');
    await ui.page.getByLabel('Updater').selectOption('electron-builder');
    await ui.page.getByRole('button', { name: 'Add platform' }).click();
    await ui.page.getByLabel('New arch').fill('x64');
    await ui.page.getByRole('button', { name: 'Add arch' }).click();
    await ui.page.getByText('electron-builder', { exact: false }).first().waitFor();
    await ui.page.getByRole('region', { name: 'Archs' }).getByText('x64').waitFor();
    await ui.page.getByLabel('New channel').fill('bad/name');
    await ui.page.getByRole('button', { name: 'Add channel' }).click();
    // The API's own message, shown as it is.
    await ui.page.getByRole('region', { name: 'Channels' }).getByRole('alert').waitFor();
    await checkScreen(ui.page, 'catalog');

    await ui.page.getByRole('link', { name: 'Apps' }).click();
    await ui.page.getByLabel('Name').fill('desktop');
    await ui.page.getByLabel('Description').fill('The desktop app');
    await ui.page.getByRole('button', { name: 'Create app' }).click();
    await ui.page.getByRole('link', { name: 'desktop' }).click();
    await ui.page.getByRole('heading', { name: 'desktop' }).waitFor();
  });

  it('uploads two files with a progress bar that reaches 100%, publishes and sets a rollout', async () => {
    await ui.page.getByLabel(/^Files/).setInputFiles([
      {
        name: 'desktop-setup-1.0.0.exe',
        mimeType: 'application/octet-stream',
        buffer: Buffer.alloc(FILE_BYTES, 1),
      },
      {
        name: 'desktop-setup-1.0.0.exe.blockmap',
        mimeType: 'application/octet-stream',
        buffer: Buffer.alloc(2048, 2),
      },
    ]);
    await ui.page.getByRole('textbox', { name: 'Version', exact: true }).fill('1.0.0');
    await ui.page.getByLabel('Changelog (Markdown)').fill('- First release <script>alert(1)</script>');
    await ui.page.getByRole('button', { name: 'Preview changelog' }).click();
    const preview = ui.page.getByRole('region', { name: 'Changelog preview' });
    await preview.getByRole('listitem').getByText('First release').waitFor();
    expect(await preview.innerHTML()).not.toContain('<script');
    await ui.page.getByRole('button', { name: 'Upload', exact: true }).click();
    await ui.page.getByRole('status').getByText('Uploaded 2 file(s) of 1.0.0.').waitFor();
    const bar = ui.page.getByRole('progressbar', { name: 'Upload progress' });
    const [value, max] = await Promise.all([
      bar.evaluate((e) => Number(e.getAttribute('value'))),
      bar.evaluate((e) => Number(e.getAttribute('max'))),
    ]);
    expect(value).toBe(max);
    expect(max).toBeGreaterThan(FILE_BYTES);
    await expect(ui.page.locator('.progress span').textContent()).resolves.toBe('100%');

    await ui.page.getByRole('button', { name: 'Publish 1.0.0' }).click();
    await ui.page.getByRole('button', { name: 'Unpublish 1.0.0' }).waitFor();
    await ui.page.getByLabel(/^Rollout/).fill('50');
    await ui.page.getByText('Rollout 50%').waitFor();
    await expect
      .poll(async () => {
        const { items } = await inPage<{ items: { Published: boolean; RolloutPercent: number }[] }>(
          '/search?app_name=desktop',
        );
        return items.map((r) => [r.Published, r.RolloutPercent]);
      })
      .toEqual([[true, 50]]);
    const sha = await ui.page.locator('code.hash').first().textContent();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    await checkScreen(ui.page, 'app-releases');
  });

  it('gives feed URLs whose copy buttons hold URLs the feeds answer, and asks the feed doctor', async () => {
    await ui.page.getByRole('button', { name: /^Copy the electron-builder/ }).click();
    const folder = await ui.page.evaluate<string>('navigator.clipboard.readText()');
    expect(folder).toBe(`${ui.url}/update/${ADMIN}/desktop/stable/windows/x64`);
    const latest = await fetch(`${folder}/latest.yml`);
    expect(latest.status).toBe(200);
    expect(await latest.text()).toContain('version: 1.0.0');
    await ui.page.getByRole('button', { name: /^Copy the Sparkle/ }).click();
    const appcast = await fetch(await ui.page.evaluate<string>('navigator.clipboard.readText()'));
    expect(appcast.status).toBe(200);

    await ui.page.getByLabel('Client version').fill('0.9.0');
    await ui.page.getByRole('button', { name: 'Ask the doctor' }).click();
    await ui.page.locator('.verdict').waitFor();
    expect(await ui.page.locator('.verdict p').textContent()).toMatch(/1\.0\.0/);
    await checkScreen(ui.page, 'app-feeds');
  });

  it('creates a team user with the permission matrix and an API token shown once', async () => {
    const login = await request(ui.t.app)
      .post('/login')
      .send({ username: ADMIN, password: PASSWORD })
      .expect(200);
    await request(ui.t.app)
      .post('/app/create')
      .set(bearer(login.body.token as string))
      .field('data', JSON.stringify({ app: 'secret' }))
      .expect(200);
    await ui.page.getByRole('link', { name: 'Team and tokens' }).click();
    await ui.page.getByLabel("New user's name").fill(TEAM);
    await ui.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await ui.page.getByLabel('Apps: Download').check();
    await ui.page.getByRole('group', { name: 'Apps this user sees' }).getByLabel('desktop').check();
    await ui.page.getByRole('group', { name: 'Channels' }).getByLabel('stable').check();
    await ui.page.getByRole('group', { name: 'Platforms' }).getByLabel('windows').check();
    await ui.page.getByRole('group', { name: 'Archs' }).getByLabel('x64').check();
    await ui.page.getByRole('button', { name: 'Create team user' }).click();
    await ui.page.getByText('sees desktop', { exact: true }).waitFor();

    await ui.page.getByLabel('Token name').fill('pipeline');
    await ui.page.getByRole('group', { name: 'Apps it may upload to' }).getByLabel('desktop').check();
    await ui.page.getByRole('button', { name: 'Create token' }).click();
    const token = (await ui.page.locator('.secret code').textContent()) ?? '';
    expect(token).toMatch(/^fns_/);
    await checkScreen(ui.page, 'team-and-tokens');
    // The token shown is a working upload credential for the app it was given, and only for it.
    await upload(
      ui.t.app,
      token,
      { app_name: 'desktop', version: '1.0.1', channel: 'stable', platform: 'windows', arch: 'x64' },
      [{ name: 'desktop-setup-1.0.1.exe', content: Buffer.from('exe') }],
    ).expect(200);
    await upload(
      ui.t.app,
      token,
      { app_name: 'secret', version: '1.0.0', channel: 'stable', platform: 'windows', arch: 'x64' },
      [{ name: 'secret.exe', content: Buffer.from('exe') }],
    ).expect(403);
  });

  it('shows a team user only the app it may see, without the actions it may not take', async () => {
    await signInAs(TEAM);
    await ui.page.getByRole('link', { name: 'desktop' }).waitFor();
    await expect(ui.page.getByRole('list', { name: 'Apps' }).getByRole('listitem').count()).resolves.toBe(1);
    await expect(ui.page.getByRole('link', { name: 'secret' }).count()).resolves.toBe(0);
    await expect(ui.page.getByRole('region', { name: 'New app' }).count()).resolves.toBe(0);
    await expect(ui.page.getByRole('link', { name: 'Team and tokens' }).count()).resolves.toBe(0);
    await expect(ui.page.getByRole('link', { name: 'Customers' }).count()).resolves.toBe(0);
    await ui.page.getByRole('link', { name: 'desktop' }).click();
    await ui.page.getByRole('heading', { name: 'Releases' }).waitFor();
    await ui.page.getByRole('heading', { name: /^1\.0\.0/ }).waitFor();
    await expect(ui.page.getByRole('button', { name: /Publish|Delete/ }).count()).resolves.toBe(0);
    await expect(ui.page.getByRole('heading', { name: 'Upload a release' }).count()).resolves.toBe(0);
    await checkScreen(ui.page, 'team-user-app');
  });

  it('is usable on a 360 px phone in the dark theme', async () => {
    await ui.page.setViewportSize({ width: 360, height: 740 });
    const toggle = ui.page.getByRole('button', { name: 'Dark theme' });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect.poll(() => ui.page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    await expectFitsWidth(ui.page);
    await checkScreen(ui.page, 'phone-dark');
  });

  it("edits the team user's permissions, and the user then sees the new rights and actions", async () => {
    await ui.page.setViewportSize({ width: 1200, height: 900 });
    await signInAs(ADMIN);
    await ui.page.getByRole('link', { name: 'Team and tokens' }).click();
    await ui.page.getByRole('button', { name: `Edit ${TEAM}` }).click();
    const edit = ui.page.getByRole('region', { name: `Edit ${TEAM}` });
    // Prefilled with what the user has now.
    await expect(edit.getByLabel('Apps: Download').isChecked()).resolves.toBe(true);
    await expect(edit.getByLabel('Apps: Upload').isChecked()).resolves.toBe(false);
    const seesApps = edit.getByRole('group', { name: 'Apps this user sees' });
    await expect(seesApps.getByLabel('desktop').isChecked()).resolves.toBe(true);
    await expect(seesApps.getByLabel('secret').isChecked()).resolves.toBe(false);
    await expect(edit.getByLabel('Name').inputValue()).resolves.toBe(TEAM);
    // The opened form takes the keyboard's focus.
    await expect(
      edit.getByLabel('Name').evaluate((el) => el === el.ownerDocument.activeElement),
    ).resolves.toBe(true);
    // A refused change shows the API's message and keeps the form.
    await edit.getByLabel('Name').fill(ADMIN);
    await edit.getByRole('button', { name: `Save ${TEAM}` }).click();
    await expect(edit.getByRole('alert').textContent()).resolves.toBe('Username already exists');
    await edit.getByLabel('Name').fill(TEAM);
    await edit.getByLabel('Apps: Edit').focus();
    await ui.page.keyboard.press('Space');
    await expect(edit.getByLabel('Apps: Edit').isChecked()).resolves.toBe(true);
    await edit.getByLabel('Apps: Upload').check();
    await seesApps.getByLabel('secret').check();
    await checkScreen(ui.page, 'team-edit-user');
    await edit.getByRole('button', { name: `Save ${TEAM}` }).click();
    await ui.page.getByText('sees desktop, secret', { exact: true }).waitFor();
    const { users } = await inPage<{ users: { username: string; permissions: { Apps: unknown } }[] }>(
      '/users/list',
    );
    expect(users.find((u) => u.username === TEAM)?.permissions.Apps).toMatchObject({
      Create: false,
      Edit: true,
      Delete: false,
      Upload: true,
      Download: true,
    });

    await signInAs(TEAM);
    await ui.page.getByRole('link', { name: 'secret' }).waitFor();
    await expect(ui.page.getByRole('list', { name: 'Apps' }).getByRole('listitem').count()).resolves.toBe(2);
    await ui.page.getByRole('link', { name: 'desktop' }).click();
    await ui.page.getByRole('heading', { name: 'Upload a release' }).waitFor();
    await ui.page.getByRole('button', { name: 'Unpublish 1.0.0' }).waitFor();
    // Still no right to delete: the button is not there at all.
    await expect(ui.page.getByRole('button', { name: /Delete/ }).count()).resolves.toBe(0);
    // With the upload form and the app's settings, the screen still fits a phone.
    await ui.page.setViewportSize({ width: 360, height: 740 });
    await expectFitsWidth(ui.page);
  });
});
