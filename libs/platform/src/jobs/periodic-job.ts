import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask, type PeriodicTaskOptions } from './periodic-task';

/**
 * A provider that runs `round()` as a PeriodicTask from the application's bootstrap to its
 * shutdown, so each job says only what it does and how often. The schedule is asked for at
 * bootstrap, not at construction, because it usually comes from config injected into the job.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private task?: PeriodicTask;

  protected abstract schedule(): PeriodicTaskOptions;

  protected abstract round(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.task = new PeriodicTask(this.logger, this.schedule(), () => this.round());
    this.task.start();
  }

  /** Waits for the round under way, so a shutdown never cuts one in half. */
  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
  }
}
