import { Router } from 'express';
import type { AppContext } from '../../context.js';

/**
 * `GET /health`: 200 `{"status":"healthy"}`, or 503 `{"status":"degraded","reason":…}` naming every problem, so that
 * a server answering update checks from memory through an outage is not reported healthy while writes fail.
 */
export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/health', async (req, res) => {
    const reasons = await ctx.degradedReasons();
    if (reasons.length === 0) {
      res.json({ status: 'healthy' });
      return;
    }
    const reason = reasons.join('; ');
    req.log.warn({ reason }, 'health check: degraded');
    res.status(503).json({ status: 'degraded', reason });
  });
  return router;
}
