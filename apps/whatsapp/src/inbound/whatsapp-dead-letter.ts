import { randomUUID } from 'node:crypto';
import type { DeadLetterV1, FailureReason } from '@app/contracts';

/** What WhatsApp sent us and we could not take in, kept with its reason for a replay after a fix. */
export function whatsappDeadLetter(args: {
  account: string;
  reason: FailureReason;
  /** The entry as received (webhook JSON, or the session message's data). */
  data: string;
  sourceId?: string;
  attempts: number;
}): DeadLetterV1 {
  return {
    schemaVersion: 1,
    deadLetterId: randomUUID(),
    failedAt: new Date().toISOString(),
    service: 'whatsapp',
    reason: args.reason,
    source: {
      kind: 'channel',
      channel: 'whatsapp',
      channelAccount: args.account,
      ...(args.sourceId ? { sourceId: args.sourceId } : {}),
    },
    payload: { encoding: 'utf8', data: args.data },
    attempts: args.attempts,
  };
}
