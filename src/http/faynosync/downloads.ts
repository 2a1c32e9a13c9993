import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { downloadUrl } from '../../core/downloads.js';
import { invalid } from '../../core/errors.js';
import { actorOf, authenticate, permit } from '../shared/auth.js';

function wantsRedirect(value: unknown): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw invalid('redirect must be 1 (answer with a redirect) or 0 (answer with JSON)');
}

/**
 * `GET /download?key=…`: FaynoSync's JSON answer `{"download_url"}` by default. With `redirect=1` the same URL
 * comes as a 302, for updaters that send credentials and follow redirects but cannot read JSON. The redirect
 * tells nothing the JSON does not, its target is always built by the store (never taken from the request), and
 * the route still needs the caller's credentials; clients drop the Authorization header when a redirect leaves
 * the origin (S3), and with the local driver the target is this server.
 */
export function downloadsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/download', authenticate(ctx), permit('apps', 'download'), async (req, res) => {
    const redirect = wantsRedirect(req.query.redirect);
    const url = await downloadUrl(ctx, actorOf(res), req.query.key);
    // A signed URL is a permission for whoever holds it: no shared cache may hand it to the next caller.
    res.setHeader('Cache-Control', 'private, no-store');
    if (redirect) {
      res.redirect(302, url);
      return;
    }
    res.json({ download_url: url });
  });

  return router;
}
