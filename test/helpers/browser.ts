import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from './app.js';

/** Debian's chromium package; .ci/run installs it when missing, so in CI the browser tests always run. */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);
if (chromiumMissing) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs the chromium package`);
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}

/** Screenshots of every screen, for people to look at; git-ignored. */
export const SCREENSHOTS = 'test-screenshots';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The whole server on a free local port, as a browser reaches it. */
export async function listen(app: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a console test works with, ready once its file's `beforeAll` has run. */
export interface ConsoleSetup {
  t: TestApp;
  /** Where the server listens, as the browser reaches it. */
  url: string;
  /** Unset when Chromium is missing (the browser tests are skipped then). */
  browser: Browser;
  /** One context of 1200×900 that may use the clipboard on the server's origin, and its page. */
  context: BrowserContext;
  /** Waits up to 15 s for what it is asked to find, and accepts every dialog (confirmations). */
  page: Page;
}

/**
 * The set-up every console test file shares, registered as its `beforeAll` and `afterAll` (the global set-up has
 * built the web bundles): a test app (`prepare` fills it before it listens), the server on a free port, Chromium
 * with one context and page.
 */
export function withConsole(prepare?: (t: TestApp) => Promise<void>): ConsoleSetup {
  const ui = {} as ConsoleSetup;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    ui.t = await createTestApp();
    await prepare?.(ui.t);
    server = await listen(ui.t.app);
    ui.url = server.url;
    if (chromiumMissing) return;
    ui.browser = await launchChromium();
    ui.context = await ui.browser.newContext({ viewport: { width: 1200, height: 900 } });
    await ui.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ui.url });
    ui.page = await ui.context.newPage();
    ui.page.setDefaultTimeout(15_000);
    ui.page.on('dialog', (dialog) => void dialog.accept());
  }, 120_000);
  afterAll(async () => {
    await ui.browser?.close();
    await server?.close();
    await ui.t?.close();
  });
  return ui;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Checks the page with axe-core (injected into the page, no network) and saves its screenshot: a screen passes
 * with no serious or critical violation.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  // Evaluated through the debugging protocol: the page's policy (no inline script) stays on while axe runs.
  await page.evaluate(axeSource);
  const violations = await page.evaluate<string[]>(`axe.run(document).then((result) =>
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
  expect(violations, `axe on ${name}`).toEqual([]);
}

/**
 * Asserts that the page does not scroll sideways at its current width. On failure it names the elements that stick
 * out past the viewport outside any scrolling box, so a layout that breaks only on one machine's fonts says why.
 */
export async function expectFitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  if (overflow <= 0) return;
  const culprits = await page.evaluate<string[]>(`(() => {
    const clipped = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth && !clipped(el))
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' right=' +
        Math.round(el.getBoundingClientRect().right) + ' "' + (el.textContent || '').trim().slice(0, 40) + '"');
  })()`);
  expect.fail(
    `the page is ${overflow} px wider than the ${page.viewportSize()?.width} px viewport: ${culprits.join('; ')}`,
  );
}
