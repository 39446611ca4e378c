import { DEFAULT_BACKOFF, type KafkaConsumerOptions } from '@app/kafka';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Consumer settings for the CaseEventsConsumer of an app answering synchronously: every instance
 * must see every case event to answer its own waiting requests, so each has a group of its own,
 * starting from new events; what it cannot read is skipped, not dead-lettered once per instance.
 */
export function referenceWaiterConsumerOptions(app: string): KafkaConsumerOptions {
  return {
    groupId: `${app}.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}`,
    fromBeginning: false,
    partitionsConsumedConcurrently: 1,
    sessionTimeoutMs: 30_000,
    maxBatchSize: 1_000,
    isolateAfterAttempts: 1,
    maxAttempts: 1,
    backoff: DEFAULT_BACKOFF,
    deadLetters: false,
    dependenciesHealthy: () => Promise.resolve(true),
  };
}
