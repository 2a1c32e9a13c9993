import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, newAdmin, newTeamUser, PASSWORD } from '../helpers/auth.js';
import { checkScreen, chromiumMissing, expectFitsWidth, withConsole } from '../helpers/browser.js';
import { binaryBody, reportBody } from '../helpers/reports.js';

let admin: { username: string; token: string };
let team: { username: string };

const CRASH = 'crash: segfault.signal-11';
const HANG = 'update_failure: signature.mismatch';
const OOM = 'crash: out-of-memory';
const DETAILS = { stack: ['main', 'render', 'draw'], build: 'abc123' };

async function reportingApp(name: string): Promise<{ id: string; key: string }> {
  const created = await request(ui.t.app)
    .post('/app/create')
    .set(bearer(admin.token))
    .field('data', JSON.stringify({ app: name, reports: 'true' }))
    .expect(200);
  const id = created.body['createAppResult.Created'] as string;
  const keys = await request(ui.t.app).get('/report-keys/list').set(bearer(admin.token)).expect(200);
  const key = (keys.body.report_keys as { app_id: string; key_value: string }[]).find((k) => k.app_id === id);
  if (!key) throw new Error(`no report key for ${name}`);
  return { id, key: key.key_value };
}

/** Reports as a shipped app sends them, through the real ingest route. */
async function ingest(key: string, app: string, options: Parameters<typeof reportBody>[1], device: string) {
  await request(ui.t.app)
    .post('/reports/ingest')
    .set('Authorization', `Bearer ${key}`)
    .set('X-Device-ID', device)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(reportBody(app, options)))
    .expect(202);
}

const ui = withConsole(async (t) => {
  admin = await newAdmin(t.app);
  const desktop = await reportingApp('desktop');
  const mobile = await reportingApp('mobile');
  await ingest(desktop.key, 'desktop', { details: DETAILS }, 'device-1');
  await ingest(desktop.key, 'desktop', {}, 'device-2');
  await ingest(desktop.key, 'desktop', { type: 'update_failure', reason: 'signature.mismatch' }, 'device-1');
  await ingest(mobile.key, 'mobile', { reason: 'out-of-memory' }, 'device-3');
  team = await newTeamUser(t.app, admin.token, { apps: { download: true, allowed: [desktop.id] } });
});

async function signIn(username: string): Promise<void> {
  await ui.page.goto(ui.url);
  await ui.page.getByLabel('Username').fill(username);
  await ui.page.getByLabel('Password').fill(PASSWORD);
  await ui.page.getByRole('button', { name: 'Sign in' }).click();
  await ui.page.getByRole('link', { name: 'Reports' }).click();
  await ui.page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
}

const filters = () => ui.page.getByRole('region', { name: 'Filters' });
const groups = () => ui.page.getByRole('region', { name: 'Report groups' });
const groupTitles = async () => {
  await groups().waitFor();
  return groups()
    .locator('h3')
    .evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent?.trim()));
};

describe.skipIf(chromiumMissing)('the reports screen in Chromium', () => {
  it('lists the open groups of every app, and filters them by app', async () => {
    await signIn(admin.username);
    await expect.poll(groupTitles).toEqual([OOM, HANG, CRASH]);
    const crash = ui.page.getByRole('listitem', { name: CRASH });
    await crash.getByText('desktop 0.0.0.5 (nightly), darwin arm64').waitFor();
    await crash.getByText(/^2 report\(s\)/).waitFor();
    await checkScreen(ui.page, 'reports');
    await filters().getByLabel('App').selectOption('mobile');
    await expect.poll(groupTitles).toEqual([OOM]);
    await filters().getByLabel('App').selectOption('');
    await expect.poll(groupTitles).toEqual([OOM, HANG, CRASH]);
  });

  it("edits a group's status, tags and note, showing the API's message for a refused change", async () => {
    const crash = ui.page.getByRole('listitem', { name: CRASH });
    await crash.getByText('Triage').click();
    await crash.getByLabel('Tags (comma-separated)').fill('ui, not a tag!');
    await crash.getByRole('button', { name: `Save ${CRASH}` }).click();
    await expect(crash.getByRole('alert').textContent()).resolves.toBe(
      "invalid tags: each tag is 1 to 64 letters, digits, '.', '_' or '-'",
    );
    await crash.getByLabel('Status').selectOption('resolved');
    await crash.getByLabel('Tags (comma-separated)').fill('ui, regression');
    await crash.getByLabel('Note').fill('Fixed in 1.2: the renderer no longer frees the canvas twice.');
    await crash.getByRole('button', { name: `Save ${CRASH}` }).click();
    // Resolved, it leaves the list of open groups.
    await expect.poll(groupTitles).toEqual([OOM, HANG]);
    await filters().getByLabel('Status').selectOption('all');
    await expect.poll(groupTitles).toEqual([OOM, HANG, CRASH]);
    const resolved = ui.page.getByRole('listitem', { name: CRASH });
    await expect(resolved.getByRole('heading').textContent()).resolves.toBe(`${CRASH} resolved`);
    await expect(
      resolved.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents(),
    ).resolves.toEqual(['ui', 'regression']);
    await expect(resolved.locator('p.notes').textContent()).resolves.toBe(
      'Fixed in 1.2: the renderer no longer frees the canvas twice.',
    );
    const stored = await request(ui.t.app)
      .get('/reports/groups')
      .query({ status: 'resolved' })
      .set(bearer(admin.token))
      .expect(200);
    expect(stored.body.items).toMatchObject([
      {
        event: { reason: 'segfault.signal-11' },
        status: 'resolved',
        tags: ['ui', 'regression'],
        note: 'Fixed in 1.2: the renderer no longer frees the canvas twice.',
        resolved_by: admin.username,
      },
    ]);
  });

  it("shows a group's stored details as links to their content", async () => {
    const crash = ui.page.getByRole('listitem', { name: CRASH });
    await crash.getByRole('button', { name: `Show details of ${CRASH}` }).click();
    const link = crash.getByRole('link', { name: /^Details of / });
    await link.waitFor();
    await expect(link.count()).resolves.toBe(1);
    const href = (await link.getAttribute('href')) ?? '';
    // The local driver's signed URL names API_URL's host; the test fetches it through the app.
    const url = new URL(href);
    const blob = await request(ui.t.app)
      .get(url.pathname + url.search)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(JSON.parse(gunzipSync(blob.body as Buffer).toString('utf8'))).toEqual(DETAILS);
    await checkScreen(ui.page, 'reports-details');
    // The group without stored details says so.
    const hang = ui.page.getByRole('listitem', { name: HANG });
    await hang.getByRole('button', { name: `Show details of ${HANG}` }).click();
    await hang.getByText('No details were stored for this group.').waitFor();
  });

  it('deletes a group after confirmation', async () => {
    await ui.page
      .getByRole('listitem', { name: OOM })
      .getByRole('button', { name: `Delete ${OOM}` })
      .click();
    await expect.poll(groupTitles).toEqual([HANG, CRASH]);
    const left = await request(ui.t.app)
      .get('/reports/groups')
      .query({ status: 'all' })
      .set(bearer(admin.token));
    expect(left.body.total).toBe(2);
  });

  it('shows a team user only the groups of its apps, without the actions it may not take', async () => {
    await ui.page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(team.username);
    await filters().getByLabel('Status').selectOption('all');
    await expect.poll(groupTitles).toEqual([HANG, CRASH]);
    await expect(ui.page.getByText('Triage').count()).resolves.toBe(0);
    await expect(ui.page.getByRole('button', { name: /^Delete/ }).count()).resolves.toBe(0);
    await checkScreen(ui.page, 'reports-team-user');
  });

  it('fits a 360 px phone in the dark theme', async () => {
    await ui.page.setViewportSize({ width: 360, height: 740 });
    const toggle = ui.page.getByRole('button', { name: 'Dark theme' });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await groups().waitFor();
    await expectFitsWidth(ui.page);
    await checkScreen(ui.page, 'reports-phone-dark');
  });
});
