import type { Logger } from 'pino';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Work done once at start-up and then every hour (retention prunes). The timer never keeps the process alive, a run
 * starts only after the previous one ended, a failure is logged and the next hour tries again, and stop() waits for
 * a run in progress so that the database can be closed right after it.
 */
export class HourlyJob {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> = Promise.resolve();

  constructor(
    private readonly logger: Logger,
    /** Said in the log line when a run fails. */
    private readonly failure: string,
    private readonly work: () => Promise<void>,
  ) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.#run(), HOUR_MS);
    this.#timer.unref();
    this.#run();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  #run(): void {
    this.#running = this.#running.then(async () => {
      try {
        await this.work();
      } catch (err) {
        this.logger.warn({ err }, this.failure);
      }
    });
  }
}
