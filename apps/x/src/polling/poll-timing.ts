import type { TwitterRateLimit } from 'twitter-api-v2';
import { exhaustedUntil } from '../client/x-api-error';

/** A little past X's reset time: its clock and ours are not the same clock. */
const RESET_MARGIN_MS = 1_000;

/** How long before the next page may be asked for: at once, unless the window is used up. */
export function pageDelayMs(limit: TwitterRateLimit | undefined, now = Date.now()): number {
  const until = exhaustedUntil(limit);
  return until ? Math.max(0, until.getTime() - now + RESET_MARGIN_MS) : 0;
}

/**
 * How long until the next poll: the configured interval, longer when the window is used up, and
 * stretched so that the requests left last until the window resets.
 */
export function pollDelayMs(
  intervalMs: number,
  limit: TwitterRateLimit | undefined,
  now = Date.now(),
): number {
  const blocked = pageDelayMs(limit, now);
  if (blocked > 0) return Math.max(intervalMs, blocked);
  if (!limit || !Number.isFinite(limit.reset) || !(limit.remaining > 0)) return intervalMs;
  const untilReset = limit.reset * 1000 - now;
  return Math.max(intervalMs, untilReset > 0 ? Math.ceil(untilReset / limit.remaining) : 0);
}

/** Exponential backoff for repeated failures, from `baseMs` up to `maxMs`. */
export function failureDelayMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
