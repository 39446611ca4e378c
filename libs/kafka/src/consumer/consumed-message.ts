import type { FailureReason, TopicName, TopicPayload } from '@app/contracts';

export interface ConsumedMessage<T extends TopicName = TopicName> {
  /** The payload, validated against the topic's contract. */
  value: TopicPayload<T>;
  topic: T;
  partition: number;
  offset: string;
  key: string | null;
  /** Broker timestamp (ms since epoch, as a string, as Kafka gives it). */
  timestamp: string;
}

/** Messages of one partition, in offset order. */
export type ConsumedBatch<T extends TopicName = TopicName> = readonly ConsumedMessage<T>[];

/**
 * What a batch handler may return: messages it refused on their own merits (the others were
 * processed). They go to the dead-letter topic; the batch is committed.
 */
export interface BatchOutcome {
  rejected?: { offset: string; reason: FailureReason }[];
}
