import type { z } from 'zod';
import { CaseEventV1Schema, caseEventKey, type CaseEventV1 } from './case-event.v1';
import { ChannelHealthV1Schema, channelHealthKey, type ChannelHealthV1 } from './channel-health.v1';
import {
  OutboundReceiptV1Schema,
  outboundReceiptKey,
  type OutboundReceiptV1,
} from './outbound-receipt.v1';
import { OutboundReplyV1Schema, outboundReplyKey, type OutboundReplyV1 } from './outbound-reply.v1';
import { DeadLetterV1Schema, deadLetterKey, type DeadLetterV1 } from './dead-letter.v1';
import {
  InboundMessageV1Schema,
  inboundMessageKey,
  type InboundMessageV1,
} from './inbound-message.v1';

/** Every Kafka topic the gateway uses. The `.v1` suffix is the payload's major version. */
export const Topics = {
  IntakeMessages: 'intake.messages.v1',
  CaseEvents: 'cases.events.v1',
  DeadLetters: 'intake.dlq.v1',
  OutboundReplies: 'outbound.replies.v1',
  OutboundReceipts: 'outbound.receipts.v1',
  ChannelHealth: 'channels.health.v1',
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];

/** The typed map of topics to payloads: `TopicPayload<'intake.messages.v1'>` is the envelope. */
export interface TopicPayloads {
  'intake.messages.v1': InboundMessageV1;
  'cases.events.v1': CaseEventV1;
  'intake.dlq.v1': DeadLetterV1;
  'outbound.replies.v1': OutboundReplyV1;
  'outbound.receipts.v1': OutboundReceiptV1;
  'channels.health.v1': ChannelHealthV1;
}
export type TopicPayload<T extends TopicName> = TopicPayloads[T];

interface TopicContract<T extends TopicName> {
  schema: z.ZodType<TopicPayloads[T], unknown>;
  key(payload: TopicPayloads[T]): string;
}

export const TOPIC_CONTRACTS: { [T in TopicName]: TopicContract<T> } = {
  'intake.messages.v1': { schema: InboundMessageV1Schema, key: inboundMessageKey },
  'cases.events.v1': { schema: CaseEventV1Schema, key: caseEventKey },
  'intake.dlq.v1': { schema: DeadLetterV1Schema, key: deadLetterKey },
  'outbound.replies.v1': { schema: OutboundReplyV1Schema, key: outboundReplyKey },
  'outbound.receipts.v1': { schema: OutboundReceiptV1Schema, key: outboundReceiptKey },
  'channels.health.v1': { schema: ChannelHealthV1Schema, key: channelHealthKey },
};

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

/**
 * The topics each of core's two consumer groups reads: the intake group takes in messages,
 * receipts and dead letters, the customer side reads the case events back. Core wires its
 * consumers from this and the dashboard measures their lag from it, so the two cannot drift.
 */
export const CORE_CONSUMPTION = {
  intake: [Topics.IntakeMessages, Topics.OutboundReceipts, Topics.DeadLetters],
  customerSide: [Topics.CaseEvents],
} as const satisfies Record<string, readonly TopicName[]>;

export function isTopicName(value: string): value is TopicName {
  return (ALL_TOPICS as readonly string[]).includes(value);
}
