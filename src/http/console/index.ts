import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { login } from '../../core/accounts/login.js';
import { DomainError, unauthorized } from '../../core/errors.js';
import { notesHtml } from '../../core/feeds/notes.js';
import { pageEventReport } from '../../core/page-event-report.js';
import { actorOf, authenticate } from '../shared/auth.js';
import { jsonBody } from '../shared/body.js';
import {
  csrfToken,
  SESSION_COOKIE,
  sessionCookieHeader,
  sessionFromCookie,
} from '../shared/session-cookie.js';
import { routeInput } from '../shared/validate.js';
import { CONSOLE_ROUTES as R } from './schemas.js';

/** scripts/build-web.mjs writes the bundles here; the path is the same from src/ (tests) and dist/ (npm start). */
export const WEB_DIR = fileURLToPath(new URL('../../../dist-web/', import.meta.url));
const ASSETS = new Set(['console.js', 'console.css', 'public.js', 'public.css']);

/** The pages' own policy: script and style only from this server, no inline script, nothing framed. */
export const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https: http:; " +
  "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Updraft console</title>
<link rel="stylesheet" href="/console/console.css">
<script type="module" src="/console/console.js"></script>
</head>
<body><div id="app"></div><noscript>The Updraft console needs JavaScript; the API works without it.</noscript></body>
</html>
`;

export function sendPage(res: Response, status: number, html: string): void {
  res.status(status);
  res.setHeader('Content-Security-Policy', PAGE_POLICY);
  res.setHeader('Cache-Control', 'no-store');
  res.type('html').send(html);
}

/** A browser navigating to `/`: no credentials header and HTML preferred over JSON (FaynoSync's listing keeps JSON). */
function wantsConsole(req: Request): boolean {
  return !req.headers.authorization && req.accepts(['json', 'html']) === 'html';
}

/**
 * The console: its page at `/`, its bundles under `/console/`, and its cookie session. Signing in gives the same
 * JWT as `/login`, but in an HttpOnly, SameSite=Strict cookie, and answers the CSRF token writes must carry.
 */
export function consoleRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;
  const { config } = ctx;
  const { limiter, knownAddresses: known } = ctx.logins;

  router.get('/', (req, res, next) => {
    if (!wantsConsole(req)) {
      next();
      return;
    }
    res.vary('Accept');
    sendPage(res, 200, CONSOLE_HTML);
  });

  router.get('/console/:asset', (req, res, next) => {
    const { asset } = routeInput(R.asset, req).params;
    if (!ASSETS.has(asset)) {
      next();
      return;
    }
    if (!existsSync(WEB_DIR + asset))
      throw new DomainError('unavailable', 'the web bundles are not built: run npm run build');
    res.sendFile(asset, { root: WEB_DIR, headers: { 'Cache-Control': 'no-cache' }, etag: true });
  });

  router.post('/console/session', jsonBody(config.jsonMaxBytes), async (req, res) => {
    const { body } = routeInput(R.signIn, req);
    const token = await login(db, config, limiter, known, {
      username: body.username,
      password: body.password,
      ip: req.ip,
    });
    res.setHeader('Set-Cookie', sessionCookieHeader(token, req.secure, config.tokenTtlSeconds));
    res.json({ csrf: csrfToken(token, config.jwtSecret) });
  });

  // A reloaded console asks for its CSRF token again; a cross-site page cannot read this answer (no CORS for it).
  const signedIn = (req: Request, _res: Response, next: () => void) => {
    if (req.headers.authorization || !sessionFromCookie(req))
      throw unauthorized('not signed in: sign in first');
    next();
  };
  router.get('/console/session', signedIn, authenticate(ctx), (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ csrf: csrfToken(sessionFromCookie(req) ?? '', config.jwtSecret) });
  });

  // The changelog editor's preview: the HTML the feeds (Sparkle, Velopack) and the public page make of the markdown.
  router.post('/console/notes-preview', authenticate(ctx), jsonBody(config.jsonMaxBytes), (req, res) => {
    const { changelog } = routeInput(R.notesPreview, req).body;
    res.json({ html: notesHtml(changelog) });
  });

  // The download page's counters, for the app's screen: any signed-in user that may see the app.
  router.get('/console/page-events', authenticate(ctx), async (req, res) => {
    const { app, days } = routeInput(R.pageEvents, req).query;
    res.setHeader('Cache-Control', 'no-store');
    res.json(await pageEventReport(db, actorOf(res), app, days));
  });

  router.delete('/console/session', (req, res) => {
    res.setHeader('Set-Cookie', sessionCookieHeader(undefined, req.secure, 0));
    res.json({ [SESSION_COOKIE]: 'removed' });
  });

  return router;
}
