import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { newAdmin, newTeamUser, PASSWORD } from '../helpers/auth.js';
import { checkScreen, chromiumMissing, expectFitsWidth, withConsole } from '../helpers/browser.js';

let admin: { username: string; token: string };
let team: { username: string };

const ui = withConsole(async (t) => {
  admin = await newAdmin(t.app);
  team = await newTeamUser(t.app, admin.token, { apps: { download: true } });
});

const products = (token: string) => request(ui.t.app).get('/admin/api/products').set('X-Auth-Token', token);

async function signInAs(username: string): Promise<void> {
  await ui.page.goto(ui.url);
  await ui.page.getByLabel('Username').fill(username);
  await ui.page.getByLabel('Password').fill(PASSWORD);
  await ui.page.getByRole('button', { name: 'Sign in' }).click();
  await ui.page.getByRole('button', { name: 'Sign out' }).waitFor();
}

describe.skipIf(chromiumMissing)("the console's Fenfa tokens in Chromium", () => {
  const section = () => ui.page.getByRole('region', { name: 'Fenfa tokens' });
  let secret = '';

  it("shows the API's error when no scope is chosen", async () => {
    await signInAs(admin.username);
    await ui.page.getByRole('link', { name: 'Team and tokens' }).click();
    await section().getByText('No Fenfa tokens yet.').waitFor();
    await section().getByLabel('Fenfa token label').fill('ci-upload');
    await section().getByRole('button', { name: 'Create Fenfa token' }).click();
    await expect(section().getByRole('alert').textContent()).resolves.toBe(
      'scopes must hold "upload" or "admin"',
    );
    // The cookie alone does not mint a token: a write needs the CSRF header only the console's own page holds.
    const forged = await ui.page.evaluate<number>(`fetch('/admin/api/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'forged', scopes: ['admin'] }),
    }).then((r) => r.status)`);
    expect(forged).toBe(403);
  });

  it('creates a token shown once that works as X-Auth-Token', async () => {
    await section()
      .getByRole('checkbox', { name: /^admin/ })
      .check();
    await section().getByRole('button', { name: 'Create Fenfa token' }).click();
    secret = (await section().getByTestId('fenfa-token').textContent()) ?? '';
    expect(secret).toMatch(/^fft_/);
    await section().getByRole('button', { name: 'Copy the new Fenfa token' }).click();
    await expect(ui.page.evaluate('navigator.clipboard.readText()')).resolves.toBe(secret);
    const row = section().getByRole('listitem').filter({ hasText: 'ci-upload' });
    await expect(row.textContent()).resolves.toMatch(/admin, created \d{4}-\d{2}-\d{2}, never used/);
    // The list holds the prefix, never the secret.
    await expect(section().getByRole('list').textContent()).resolves.not.toContain(secret);
    await checkScreen(ui.page, 'fenfa-tokens');

    expect((await products(secret)).status).toBe(200);
    await ui.page.reload();
    await row.filter({ hasText: /last used \d{4}-\d{2}-\d{2}/ }).waitFor();
  });

  it('fits a 360 px phone', async () => {
    await ui.page.setViewportSize({ width: 360, height: 740 });
    await section().getByRole('button', { name: 'Revoke ci-upload' }).waitFor();
    await expectFitsWidth(ui.page);
    await checkScreen(ui.page, 'fenfa-tokens-phone');
    await ui.page.setViewportSize({ width: 1200, height: 900 });
  });

  it('revokes the token after confirmation, and it stops working', async () => {
    await section().getByRole('button', { name: 'Revoke ci-upload' }).click();
    await section().getByText('No Fenfa tokens yet.').waitFor();
    expect((await products(secret)).status).toBe(403);
  });

  it('is not offered to a team user, whose session the token routes refuse', async () => {
    await ui.page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(team.username);
    await expect(ui.page.getByRole('link', { name: 'Team and tokens' }).count()).resolves.toBe(0);
    await ui.page.goto(`${ui.url}/#/team`);
    await ui.page.getByRole('heading', { level: 1 }).waitFor();
    await expect(section().count()).resolves.toBe(0);
    const status = await ui.page.evaluate<number>("fetch('/admin/api/tokens').then((r) => r.status)");
    expect(status).toBe(403);
  });
});
