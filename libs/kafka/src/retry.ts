import { setTimeout as delay } from 'node:timers/promises';

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 30_000, factor: 2 };

/**
 * Exponential backoff with "equal jitter": half of the step is fixed so delays keep growing, half
 * is random so many instances retrying after the same outage do not hit the broker in lockstep.
 * `attempt` counts from 1.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random = Math.random,
): number {
  const step = Math.min(
    options.maxMs,
    options.initialMs * options.factor ** Math.max(0, attempt - 1),
  );
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retries `fn` with backoff until it succeeds or `signal` aborts (then rejects with the abort). */
export async function retryForever<T>(
  fn: () => Promise<T>,
  onError: (error: unknown, attempt: number, delayMs: number) => void,
  signal: AbortSignal,
  options: BackoffOptions = DEFAULT_BACKOFF,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    signal.throwIfAborted();
    try {
      return await fn();
    } catch (error) {
      signal.throwIfAborted();
      const wait = backoffDelay(attempt, options);
      onError(error, attempt, wait);
      await delay(wait, undefined, { signal });
    }
  }
}

/** Rejects with `onTimeout()` if `promise` has not settled after `ms`. */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
