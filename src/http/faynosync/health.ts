import { Router } from 'express';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';

export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/health', async (req, res) => {
    try {
      await sql`select 1`.execute(ctx.database.db);
      res.json({ status: 'healthy' });
    } catch (err) {
      req.log.error({ err }, 'health check: database unreachable');
      res.status(503).json({ status: 'unhealthy', details: 'database connection failed' });
    }
  });
  return router;
}
