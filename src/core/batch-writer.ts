/**
 * Rows gathered in memory under a key and written together `flushMs` after the first of them, one write after
 * another: the skeleton of the counters (core/batched-counter.ts) and of the telemetry recorder
 * (core/telemetry/recorder.ts), which differ in how rows fold and in what a failed write does.
 */
export abstract class BatchWriter<R> {
  protected buffer = new Map<string, R>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly flushMs: number) {}

  /** Rows waiting for the next write. */
  get buffered(): number {
    return this.buffer.size;
  }

  /** Writes what is gathered; resolves when it (and any flush before it) is written, or kept or dropped by `write`. */
  flush(): Promise<void> {
    const rows = [...this.buffer.values()];
    this.buffer = new Map();
    this.flushing = this.flushing.then(() => this.write(rows));
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Starts the timer of the next write, unless one is running. */
  protected schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushMs);
  }

  /** Writes rows taken from the buffer; never rejects. */
  protected abstract write(rows: R[]): Promise<void>;
}
