import { z } from 'zod';
import { CaseStatusSchema, ChannelSchema, FeedbackTypeSchema } from './channel';

const isoTime = z.iso.datetime({ offset: true });

const base = {
  schemaVersion: z.literal(1),
  eventId: z.uuid(),
  occurredAt: isoTime,
  caseId: z.uuid(),
  reference: z.string().min(1).max(40),
};

export const CaseCreatedV1Schema = z.object({
  ...base,
  type: z.literal('case.created'),
  data: z.object({
    /** The inbound message that opened the case: adapters use it to answer the sender. */
    messageId: z.uuid(),
    channel: ChannelSchema,
    channelAccount: z.string(),
    feedbackType: FeedbackTypeSchema,
    status: CaseStatusSchema,
    receivedAt: isoTime,
  }),
});

/**
 * A redelivered inbound message (same channel and source id): nothing new was created. Adapters
 * that answer synchronously (web form, call centre) use it to give a retried request the
 * reference of the case the first delivery opened.
 */
export const MessageDuplicateV1Schema = z.object({
  ...base,
  type: z.literal('message.duplicate'),
  data: z.object({
    messageId: z.uuid(),
    channel: ChannelSchema,
  }),
});

export const CaseEventV1Schema = z.discriminatedUnion('type', [
  CaseCreatedV1Schema,
  MessageDuplicateV1Schema,
]);
export type CaseEventV1 = z.infer<typeof CaseEventV1Schema>;
export type CaseEventType = CaseEventV1['type'];
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEventV1, { type: T }>;

/** Events of one case share a key, so they stay in order for every consumer. */
export function caseEventKey(event: CaseEventV1): string {
  return event.caseId;
}

/** The inbound message an event answers, when it answers one. */
export function messageIdOf(event: CaseEventV1): string | undefined {
  return 'messageId' in event.data ? event.data.messageId : undefined;
}
