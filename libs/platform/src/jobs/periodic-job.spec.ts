import { Logger } from '@nestjs/common';
import { PeriodicJob } from './periodic-job';
import type { PeriodicTaskOptions } from './periodic-task';

class CountingJob extends PeriodicJob {
  protected readonly logger = new Logger('test');
  rounds = 0;
  scheduleAsked = 0;

  constructor(private readonly everyMs: number) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    this.scheduleAsked += 1;
    return { failure: 'round failed', everyMs: this.everyMs };
  }

  protected round(): Promise<void> {
    this.rounds += 1;
    return Promise.resolve();
  }
}

describe('PeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs its rounds from bootstrap until shutdown, on the schedule asked for at bootstrap', async () => {
    const job = new CountingJob(1_000);
    expect(job.scheduleAsked).toBe(0);
    job.onApplicationBootstrap();
    expect(job.scheduleAsked).toBe(1);
    await jest.advanceTimersByTimeAsync(3_500);
    expect(job.rounds).toBe(3);
    await job.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(job.rounds).toBe(3);
  });

  it('shuts down cleanly when it never started', async () => {
    await expect(new CountingJob(1_000).onApplicationShutdown()).resolves.toBeUndefined();
  });
});
