const MINUTE_MS = 60_000;

/** Minutes kept: the sparkline shows the last hour. */
export const SERIES_MINUTES = 60;

/**
 * Messages received and errors per minute for one channel account, filled from the deltas of
 * the instances' cumulative counters, each delta in the minute of the beat that carried it.
 */
export class MinuteSeries {
  private readonly buckets = new Map<number, { received: number; errors: number }>();

  add(atMs: number, received: number, errors: number, nowMs: number): void {
    const minute = Math.floor(atMs / MINUTE_MS);
    // A beat older than the window (read back from the topic at start-up) changes nothing shown.
    if (minute <= Math.floor(nowMs / MINUTE_MS) - SERIES_MINUTES) return;
    if (received === 0 && errors === 0) return;
    const bucket = this.buckets.get(minute) ?? { received: 0, errors: 0 };
    bucket.received += received;
    bucket.errors += errors;
    this.buckets.set(minute, bucket);
  }

  /** The last hour, oldest minute first, ending with the current (unfinished) minute. */
  window(nowMs: number): { received: number[]; errors: number[] } {
    const current = Math.floor(nowMs / MINUTE_MS);
    for (const minute of this.buckets.keys())
      if (minute <= current - SERIES_MINUTES) this.buckets.delete(minute);
    const received: number[] = [];
    const errors: number[] = [];
    for (let minute = current - SERIES_MINUTES + 1; minute <= current; minute++) {
      const bucket = this.buckets.get(minute);
      received.push(bucket?.received ?? 0);
      errors.push(bucket?.errors ?? 0);
    }
    return { received, errors };
  }
}
