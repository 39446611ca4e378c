import type { z } from 'zod';
import { CaseEventV1Schema, caseEventKey, type CaseEventV1 } from './case-event.v1';
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
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];

/** The typed map of topics to payloads: `TopicPayload<'intake.messages.v1'>` is the envelope. */
export interface TopicPayloads {
  'intake.messages.v1': InboundMessageV1;
  'cases.events.v1': CaseEventV1;
  'intake.dlq.v1': DeadLetterV1;
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
};

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

export function isTopicName(value: string): value is TopicName {
  return (ALL_TOPICS as readonly string[]).includes(value);
}
