import { randomUUID } from 'node:crypto';
import type { CaseEventOf, Channel } from '@app/contracts';
import type { NewCase } from './case.repository';

export function caseCreatedEvent(c: NewCase): CaseEventOf<'case.created'> {
  return {
    schemaVersion: 1,
    eventId: randomUUID(),
    occurredAt: c.openedAt.toISOString(),
    type: 'case.created',
    caseId: c.id,
    reference: c.reference,
    data: {
      messageId: c.firstMessageId,
      channel: c.channel,
      channelAccount: c.channelAccount,
      feedbackType: c.feedbackType,
      status: c.status,
      receivedAt: c.receivedAt.toISOString(),
    },
  };
}

export function messageDuplicateEvent(
  args: { caseId: string; reference: string; messageId: string; channel: Channel },
  at: Date,
): CaseEventOf<'message.duplicate'> {
  return {
    schemaVersion: 1,
    eventId: randomUUID(),
    occurredAt: at.toISOString(),
    type: 'message.duplicate',
    caseId: args.caseId,
    reference: args.reference,
    data: { messageId: args.messageId, channel: args.channel },
  };
}
