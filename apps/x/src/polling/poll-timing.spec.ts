import { failureDelayMs, pageDelayMs, pollDelayMs } from './poll-timing';

const NOW = 1_800_000_000_000;
const inSeconds = (s: number) => NOW / 1000 + s;

describe('poll timing from the x-rate-limit-* headers', () => {
  it('asks for the next page at once while the window has requests left', () => {
    expect(pageDelayMs({ limit: 900, remaining: 10, reset: inSeconds(600) }, NOW)).toBe(0);
  });

  it('waits for the reset, and a little past it, when the window is used up', () => {
    expect(pageDelayMs({ limit: 900, remaining: 0, reset: inSeconds(60) }, NOW)).toBe(61_000);
    expect(pollDelayMs(5_000, { limit: 900, remaining: 0, reset: inSeconds(60) }, NOW)).toBe(
      61_000,
    );
  });

  it('spreads the requests left over the rest of the window', () => {
    expect(pollDelayMs(1_000, { limit: 180, remaining: 10, reset: inSeconds(600) }, NOW)).toBe(
      60_000,
    );
    expect(pollDelayMs(60_000, { limit: 900, remaining: 800, reset: inSeconds(600) }, NOW)).toBe(
      60_000,
    );
    expect(pollDelayMs(60_000, undefined, NOW)).toBe(60_000);
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 10].map((n) => failureDelayMs(n, 1_000, 5_000))).toEqual([
      1_000, 2_000, 4_000, 5_000,
    ]);
  });
});
