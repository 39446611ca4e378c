import type { Logger } from '@nestjs/common';
import { errorMessage } from '../errors/gateway.exception';

export interface PeriodicTaskOptions {
  /** Shown in the log line of a failed round, e.g. "SLA check failed". */
  failure: string;
  everyMs: number;
  /** A housekeeping sweep must not keep a process alive that is otherwise done. */
  unref?: boolean;
  /** Run the first round at start rather than one interval later (figures shown from the start). */
  runAtStart?: boolean;
}

/**
 * Runs one round of background work every `everyMs`. Never two rounds at once: a slow round makes
 * the next tick skip, so a backlog never stacks up overlapping rounds (or their transactions). A
 * failed round is logged and the next one tries again. `stop()` waits for the round under way, so
 * a shutdown never cuts one in half.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly logger: Logger,
    private readonly options: PeriodicTaskOptions,
    private readonly round: () => Promise<unknown>,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.everyMs);
    if (this.options.unref) this.timer.unref();
    if (this.options.runAtStart) this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running ??= this.round()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.logger.warn({ error: errorMessage(error) }, this.options.failure),
      )
      .finally(() => (this.running = undefined));
  }
}
