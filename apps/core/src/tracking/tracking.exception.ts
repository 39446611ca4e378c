import { GatewayException } from '@app/platform';

export type TrackingErrorCode =
  'track.not_found' | 'track.rate_limited' | 'track.not_awaiting_agreement' | 'track.survey_closed';

/**
 * Answers of the public tracking API. `track.not_found` is the one answer for an unknown number,
 * a malformed one and a wrong second factor: telling them apart would let anyone probe which
 * reference numbers exist.
 */
export class TrackingException extends GatewayException {
  constructor(code: TrackingErrorCode, message: string) {
    super(code, message, false);
  }

  static notFound(): TrackingException {
    return new TrackingException('track.not_found', 'no case matches this reference and check');
  }
}
