import { GatewayException } from '@app/platform';

/**
 * What core's tracking API answered when it did not give a status:
 * - `track_not_found`: no such case, or the second factor does not match (core answers both alike);
 * - `track_rate_limited`: core refused, too many look-ups (`retryAfterSeconds` in details);
 * - `track_refused`: an answer (agreement, survey) that the case no longer takes;
 * - `track_unavailable`: core did not answer in time or failed (retriable).
 */
export type TrackingCode =
  'track_not_found' | 'track_rate_limited' | 'track_refused' | 'track_unavailable';

export class TrackingException extends GatewayException {
  constructor(
    override readonly code: TrackingCode,
    message: string,
    details?: { retryAfterSeconds?: number },
  ) {
    super(code, message, code === 'track_unavailable' || code === 'track_rate_limited', details);
  }

  get retryAfterSeconds(): number | undefined {
    return (this.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  }
}
