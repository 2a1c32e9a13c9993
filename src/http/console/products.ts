import express, { type Request, type Response, type Router } from 'express';
import QRCode from 'qrcode';
import type { AppContext } from '../../context.js';
import { notesHtml } from '../../core/feeds/notes.js';
import {
  detectVisitor,
  downloadsFor,
  type PageFile,
  pageChannel,
  platformFamily,
} from '../../core/product-page.js';
import type { CatalogApp, TenantCatalog } from '../../core/releases/catalog-load.js';
import type { Release } from '../../core/releases/index-load.js';
import { parseWith, routeInput } from '../shared/validate.js';
import { sendPage } from './index.js';
import { CONSOLE_ROUTES as R } from './schemas.js';

const OLDER_VERSIONS = 10;

function html(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function page(title: string, body: string, detected = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${html(title)}</title>
<link rel="stylesheet" href="/console/public.css">
<script type="module" src="/console/public.js"></script>
</head>
<body data-detected="${html(detected)}"><main>
${body}
</main></body>
</html>
`;
}

/** What the link of an iOS file does instead of downloading it: bind the device first, then install over the air. */
export interface IosAction {
  kind: 'bind' | 'install';
  href: string;
}

function fileLink(file: PageFile, cls: string, ping: string, ios?: IosAction): string {
  const a = file.artifact;
  const label = `${a.fileName} (${a.platform}${a.arch ? ` ${a.arch}` : ''}, ${size(a.size)})`;
  const href = ios?.href ?? a.link;
  const text = ios ? `${ios.kind === 'bind' ? 'Bind device' : 'Install'}: ${label}` : label;
  const tail = ios ? ` data-ios="${ios.kind}"` : ' download';
  return `<a class="${cls}" href="${html(href)}" data-platform="${html(file.family ?? '')}" data-arch="${html(file.cpu ?? '')}" ping="${html(`${ping}?platform=${file.family ?? ''}`)}"${tail}>${html(text)}</a>`;
}

export const NOT_FOUND = page(
  'Not found',
  '<h1>No such app</h1><p>There is no public download page here. Check the address you were given.</p>',
);

/**
 * The public download page of an app, `/products/{owner}/{app_name}`: the latest published version's files with the
 * one for the visitor's platform first, the notes, the checksums, a QR code of the page, and older versions. A
 * private app's page is the same 404 as a missing one. Rendered on the server: it works without script.
 */
export function productsRouter(ctx: AppContext): Router {
  const router = express.Router();
  const releases = ctx.releases;

  /** The public app a page is about, or undefined: a private app is as unknown as a missing one. */
  const publicApp = async (req: Request) => {
    const { owner, app: appName } = routeInput(R.productPage, req).params;
    const tenantId = await releases.tenantOf(owner);
    const catalog = tenantId === undefined ? undefined : await releases.catalog(tenantId);
    const app = catalog?.apps.get(appName);
    return catalog && app && !app.private ? { owner, appName, catalog, app } : undefined;
  };

  // Browsers send a link's `ping` as a POST when it is followed: a download click, counted without a redirect.
  router.post('/products/:owner/:app/downloaded', async (req: Request, res: Response) => {
    const found = await publicApp(req);
    if (!found) {
      res.status(404).end();
      return;
    }
    const asked = routeInput(R.productDownloaded, req).query.platform;
    const platform = asked === undefined ? '' : (platformFamily(asked) ?? '');
    // Counted in memory and written in batches (core/batched-counter.ts): a visit never waits on the database.
    ctx.counters.pageEvents.count({
      tenantId: found.catalog.tenantId,
      appId: found.app.id,
      kind: 'download',
      platform,
    });
    res.status(204).end();
  });

  router.get('/products/:owner/:app', async (req: Request, res: Response) => {
    const found = await publicApp(req);
    if (!found) {
      sendPage(res, 404, NOT_FOUND);
      return;
    }
    await renderProductPage(ctx, req, res, found);
  });

  return router;
}

/** The page of a public app the visitor reached, by its owner and name or by Fenfa's product address. */
export interface PageApp {
  owner: string;
  appName: string;
  catalog: TenantCatalog;
  app: CatalogApp;
}

/**
 * Renders the download page of a public app (found by the caller, which answers the 404 of a missing one). `ios`
 * gives, by artifact id, what an iOS file's link does instead of downloading (Fenfa's product pages: bind, then
 * install).
 */
export async function renderProductPage(
  ctx: AppContext,
  req: Request,
  res: Response,
  found: PageApp,
  ios: ReadonlyMap<string, IosAction> = new Map(),
): Promise<void> {
  const { owner, appName, catalog, app } = found;
  const index = await ctx.releases.index(catalog, app);
  const asked = parseWith('console', R.productPage.input.query, req.query).channel;
  const channelId = pageChannel(catalog, index, asked);
  const line: readonly Release[] = channelId === undefined ? [] : (index.channels.get(channelId) ?? []);
  const latest = line.at(-1);
  const visitor = detectVisitor(req.headers);
  ctx.counters.pageEvents.count({
    tenantId: catalog.tenantId,
    appId: app.id,
    kind: 'visit',
    platform: visitor.platform ?? '',
  });
  const path = `/products/${encodeURIComponent(owner)}/${encodeURIComponent(appName)}`;
  const pageUrl = `${ctx.config.apiUrl}${path}`;
  const ping = `${path}/downloaded`;
  const qr = await QRCode.toString(pageUrl, { type: 'svg', margin: 1 });
  res.setHeader('Vary', 'User-Agent, Sec-CH-UA-Platform, Sec-CH-UA-Arch');
  res.setHeader('Accept-CH', 'Sec-CH-UA-Platform, Sec-CH-UA-Arch, Sec-CH-UA-Bitness');
  if (!latest) {
    sendPage(res, 200, page(app.name, `<h1>${html(app.name)}</h1><p>No version has been published yet.</p>`));
    return;
  }
  const version = latest.version.text;
  const files = downloadsFor(latest.artifacts, visitor);
  const [recommended, ...others] = files;
  const notes = notesHtml(latest.changelog);
  const older = line
    .slice(0, -1)
    .reverse()
    .slice(0, OLDER_VERSIONS)
    .map((r) => {
      const links = downloadsFor(r.artifacts, visitor)
        .map((f) => `<li>${fileLink(f, 'file', ping, ios.get(f.artifact.id))}</li>`)
        .join('');
      return `<li><details><summary>${html(r.version.text)} — ${r.publishedAt.toISOString().slice(0, 10)}</summary><ul>${links}</ul></details></li>`;
    })
    .join('');
  const body = `<h1>${html(app.name)} ${html(version)}</h1>
<p class="date">Published ${latest.publishedAt.toISOString().slice(0, 10)}</p>
${recommended ? `<section aria-labelledby="get"><h2 id="get">Download</h2><p>${fileLink(recommended, 'recommended', ping, ios.get(recommended.artifact.id))}</p></section>` : '<p>This version has no files to download.</p>'}
${others.length ? `<section aria-labelledby="all"><h2 id="all">Other platforms</h2><ul class="files">${others.map((f) => `<li>${fileLink(f, 'file', ping, ios.get(f.artifact.id))}</li>`).join('')}</ul></section>` : ''}
${notes ? `<section aria-labelledby="notes"><h2 id="notes">Release notes</h2><div class="notes">${notes}</div></section>` : ''}
<section aria-labelledby="sums"><h2 id="sums">Checksums (SHA-256)</h2><table><tbody>${files
    .map(
      (f) =>
        `<tr><th scope="row">${html(f.artifact.fileName)}</th><td><code>${f.artifact.sha256}</code></td></tr>`,
    )
    .join('')}</tbody></table></section>
<section aria-labelledby="qr"><h2 id="qr">On your phone</h2><figure role="img" aria-label="QR code of this page's address">${qr}</figure></section>
${older ? `<section aria-labelledby="older"><h2 id="older">Older versions</h2><ul class="older">${older}</ul></section>` : ''}`;
  sendPage(res, 200, page(`Download ${app.name}`, body, visitor.platform ?? ''));
}
