import type { DeadLetterV1, FailureReason } from '@app/contracts';
import { channelDeadLetter } from '@app/kafka';

/** What WhatsApp sent us and we could not take in, kept with its reason for a replay after a fix. */
export function whatsappDeadLetter(args: {
  account: string;
  reason: FailureReason;
  /** The entry as received (webhook JSON, or the session message's data). */
  data: string;
  sourceId?: string;
  attempts: number;
}): DeadLetterV1 {
  return channelDeadLetter({
    service: 'whatsapp',
    channel: 'whatsapp',
    channelAccount: args.account,
    sourceId: args.sourceId,
    reason: args.reason,
    payload: args.data,
    attempts: args.attempts,
  });
}
