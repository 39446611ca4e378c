import type { CallAcknowledgement } from '../call-acknowledgement';

/**
 * `202 Accepted`: Kafka has the call. The reference (and the acknowledgement to read to the
 * caller) are there when core was quick enough; the tracking link always is.
 */
export interface CallAccepted {
  messageId: string;
  reference?: string;
  trackingUrl: string;
  acknowledgement?: CallAcknowledgement;
}
