/**
 * A background job that makes one pass every interval (deadline scanner, postal tracker…): a pass
 * still running is never doubled (the next tick tries again), a failed pass is logged and the job goes
 * on, the timer does not keep the process alive, and stop() waits for the pass in progress.
 */
import { logger } from '../logging';

export class PeriodicPass {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly pass: () => Promise<unknown>,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.pass()
        .catch((err) => logger(this.name).error({ err }, 'pass failed'))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
