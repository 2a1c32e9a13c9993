import { Router } from 'express';

/**
 * FaynoSync's TUF routes (`/tuf/v1/*`, behaviour §11). Apps may carry the `tuf` flag, which is stored and listed,
 * but Updraft signs nothing yet: every route says so with 501 rather than a 404 that reads like a wrong URL.
 */
export function tufRouter(): Router {
  const router = Router();
  router.all('/tuf/v1/{*rest}', (_req, res) => {
    res.status(501).json({
      error:
        'TUF signing (/tuf/v1/*) is not implemented in Updraft yet: the app flag "tuf" is stored and listed, but no TUF metadata is published',
    });
  });
  return router;
}
