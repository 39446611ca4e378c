import type { TwitterRateLimit } from 'twitter-api-v2';

/** What one page of polling did. */
export interface PollStep {
  /** True when the scan has more pages: the next one is asked for without waiting the interval. */
  more: boolean;
  rateLimit?: TwitterRateLimit;
}

/** One X endpoint read page by page, each page published and checkpointed before the next. */
export interface EndpointPoller {
  readonly part: 'mentions' | 'dm';
  readonly intervalMs: number;
  step(): Promise<PollStep>;
}
