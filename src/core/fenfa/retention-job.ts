import { applyAllRetention } from '../commands/apply-retention.js';
import { HourlyJob } from '../hourly-job.js';
import type { ReleaseDeps } from '../releases/upload.js';

/** Applies every variant's retention policy once at start-up and then every hour (a policy of days ages hourly). */
export class FenfaRetention extends HourlyJob {
  constructor(deps: ReleaseDeps) {
    super(deps.logger, 'Fenfa retention failed', async () => {
      const removed = await applyAllRetention(deps);
      if (removed > 0) deps.logger.info({ removed }, 'Fenfa releases past their retention deleted');
    });
  }
}
