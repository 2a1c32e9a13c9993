import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { PAGE_POLICY } from '../../src/http/console/index.js';
import { chromiumMissing, withConsole } from '../helpers/browser.js';

const ui = withConsole();

describe('GET /docs', () => {
  it('is a page under the pages’ policy whose scripts and styles come from this server', async () => {
    const page = await request(ui.t.app).get('/docs').expect(200).expect('Content-Type', /html/);
    expect(page.headers['content-security-policy']).toBe(PAGE_POLICY);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.sort()).toEqual([
      '/docs/start.js',
      '/docs/swagger-ui-bundle.js',
      '/docs/swagger-ui.css',
      '/openapi.json',
    ]);
    for (const asset of assets) await request(ui.t.app).get(asset).expect(200);
    await request(ui.t.app).get('/docs/package.json').expect(404);
    await request(ui.t.app).get('/docs/..%2fpackage.json').expect(404);
  });

  it.skipIf(chromiumMissing)(
    'renders every operation in Chromium, with no request elsewhere and no policy violation',
    async () => {
      const context = await ui.browser.newContext();
      const page = await context.newPage();
      const elsewhere: string[] = [];
      const violations: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(ui.url)) elsewhere.push(r.url());
      });
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${ui.url}/docs`);
      const doc = (await request(ui.t.app).get('/docs/openapi.json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
      // Swagger UI lists each operation once per tag, and every operation has one tag.
      // Counted through the debugging protocol: a polled expression would be evaluated in the page, which its policy
      // (no eval) refuses.
      await new Promise((r) => setTimeout(r, 5000));
      console.log('COUNT', await page.locator('.opblock').count(), operations);
      await expect
        .poll(() => page.locator('.opblock').count(), { timeout: 8_000, interval: 250 })
        .toBe(operations);
      await expect(page.locator('.opblock-summary-path[data-path="/checkVersion"]').count()).resolves.toBe(1);
      await expect(page.locator('.opblock-summary-path[data-path="/v1/applications"]').count()).resolves.toBe(
        1,
      );
      expect(elsewhere).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    },
    // Parsing Swagger UI (1.7 MB) and drawing a hundred operations takes a while on a busy machine.
    120_000,
  );
});
