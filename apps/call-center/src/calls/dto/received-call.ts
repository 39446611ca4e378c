import type { CallEvent } from './call-event.schema';

/** A call as validated, with the bytes it came in (kept for a dead letter, never logged). */
export interface ReceivedCall {
  call: CallEvent;
  rawBody: Buffer;
}
