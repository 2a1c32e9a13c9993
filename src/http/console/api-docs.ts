import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { updraftVersion } from '../../version.js';
import { buildOpenApi } from '../shared/openapi.js';
import { routeInput } from '../shared/validate.js';
import { sendPage } from './index.js';
import { CONSOLE_ROUTES as R } from './schemas.js';

/** swagger-ui-dist's prebuilt files, served as they are: no CDN, and the page makes no request elsewhere. */
const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_FILES = new Map([
  ['swagger-ui-bundle.js', 'swagger-ui-bundle.js'],
  ['swagger-ui.css', 'swagger-ui.css'],
]);

/**
 * Starts Swagger UI on this server's whole document; a file, since the page's policy allows no inline script.
 * From 150 tags and operations on (this document has more), Swagger UI (5.35) draws only the part of the list the
 * window shows and the rest as the reader scrolls: every operation is there, and the page stays quick.
 */
const START_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#api',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Updraft API reference</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<script src="/docs/swagger-ui-bundle.js" defer></script>
<script src="/docs/start.js" defer></script>
</head>
<body><main id="api"></main><noscript>The API reference needs JavaScript; the document itself is at <a href="/openapi.json">/openapi.json</a>.</noscript></body>
</html>
`;

/** `GET /openapi.json` (built once, on first request: every face has declared its routes by then) and `GET /docs`. */
export function apiDocsRouter(ctx: AppContext): Router {
  const router = express.Router();
  let document: string | undefined;

  router.get('/openapi.json', (_req, res) => {
    document ??= JSON.stringify({
      ...buildOpenApi(updraftVersion()),
      servers: [{ url: ctx.config.apiUrl }],
    });
    res.setHeader('Cache-Control', 'no-cache');
    res.type('json').send(document);
  });

  router.get('/docs', (_req, res) => sendPage(res, 200, PAGE));

  router.get('/docs/:asset', (req, res, next) => {
    const { asset } = routeInput(R.apiReferenceAsset, req).params;
    if (asset === 'start.js') {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('js').send(START_SCRIPT);
      return;
    }
    const file = SWAGGER_FILES.get(asset);
    if (!file) {
      next();
      return;
    }
    res.sendFile(file, { root: SWAGGER_DIR, headers: { 'Cache-Control': 'public, max-age=86400' } });
  });

  return router;
}
