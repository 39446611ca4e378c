import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  const logger = new Logger('test');

  it('never runs two rounds at once, goes on after a failed round, and stop waits for the round under way', async () => {
    jest.useFakeTimers();
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    let rounds = 0;
    let release: () => void = () => undefined;
    const task = new PeriodicTask(logger, { failure: 'round failed', everyMs: 100 }, () => {
      rounds += 1;
      if (rounds === 1) return Promise.reject(new Error('database down'));
      return new Promise<void>((resolve) => (release = resolve));
    });
    task.start();
    await jest.advanceTimersByTimeAsync(100);
    expect(warn).toHaveBeenCalledWith({ error: 'database down' }, 'round failed');
    await jest.advanceTimersByTimeAsync(100); // round 2 starts and hangs
    await jest.advanceTimersByTimeAsync(500); // ticks while it hangs start nothing
    expect(rounds).toBe(2);

    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(rounds).toBe(2);
    jest.useRealTimers();
  });
});

describe('PeriodicTask with runAtStart', () => {
  it('runs its first round at start, then on the interval', async () => {
    jest.useFakeTimers();
    let rounds = 0;
    const options = { failure: 'round failed', everyMs: 100, runAtStart: true };
    const task = new PeriodicTask(new Logger('test'), options, () => {
      rounds += 1;
      return Promise.resolve();
    });
    task.start();
    expect(rounds).toBe(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(rounds).toBe(2);
    await task.stop();
    jest.useRealTimers();
  });
});
