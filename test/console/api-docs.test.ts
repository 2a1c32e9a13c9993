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
    // One document: the page reads /openapi.json itself.
    await request(ui.t.app).get('/docs/openapi.json').expect(404);
    await request(ui.t.app).get('/docs/..%2fpackage.json').expect(404);
  });

  it.skipIf(chromiumMissing)(
    'renders every operation of the whole document in Chromium, with no request elsewhere and no policy violation',
    async () => {
      const doc = (await request(ui.t.app).get('/openapi.json').expect(200)).body as {
        paths: Record<string, Record<string, { tags: string[] }>>;
        'x-tagGroups': { name: string; tags: string[] }[];
      };
      const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          operation: `${method.toUpperCase()} ${path}`,
          tags: operation.tags,
        })),
      );
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
      // Parsing Swagger UI (1.7 MB) and the document takes a while on a busy machine.
      await page.locator('.opblock').first().waitFor({ timeout: 90_000 });
      // With this many operations Swagger UI draws only what the window shows: the test reads what is drawn, scrolls
      // a window height, and goes on to the end of the page. Read through the debugging protocol, after the frames
      // that draw the new part (the page's policy refuses eval, so nothing is evaluated by the page itself).
      const operations = new Set<string>();
      const tags = new Set<string>();
      for (let step = 0; ; step++) {
        const seen = await page.evaluate<{
          operations: string[];
          tags: string[];
          end: boolean;
        }>(`new Promise((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => done({
            operations: [...document.querySelectorAll('.opblock')].map((o) =>
              o.querySelector('.opblock-summary-method').textContent + ' ' +
              o.querySelector('.opblock-summary-path').dataset.path),
            tags: [...document.querySelectorAll('.opblock-tag')].map((tag) => tag.dataset.tag),
            end: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
          }))))`);
        for (const operation of seen.operations) operations.add(operation);
        for (const tag of seen.tags) tags.add(tag);
        if (seen.end) break;
        expect(step, 'the page ends').toBeLessThan(1000);
        await page.evaluate('window.scrollBy(0, window.innerHeight)');
      }
      expect([...operations].sort()).toEqual(documented.map((d) => d.operation).sort());
      // Every face's group of tags is on the page, each tag with its operations.
      for (const group of doc['x-tagGroups']) {
        const used = group.tags.filter((tag) => documented.some((d) => d.tags.includes(tag)));
        expect(used.length, group.name).toBeGreaterThan(0);
        expect(
          used.filter((tag) => !tags.has(tag)),
          group.name,
        ).toEqual([]);
      }
      expect(operations).toContain('GET /checkVersion');
      expect(operations).toContain('GET /v1/applications');
      expect(operations).toContain('GET /admin/api/products');
      expect(elsewhere).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    },
    180_000,
  );
});
