import { DEFAULT_BACKOFF, type KafkaConsumerOptions } from '@app/kafka';

/**
 * Health beats are read, never acted on: each instance reads the whole topic from its beginning
 * under its own group, and a beat it cannot read is logged and skipped rather than dead-lettered
 * once per dashboard instance.
 */
export function channelHealthConsumerOptions(groupId: string): KafkaConsumerOptions {
  return {
    groupId,
    fromBeginning: true,
    partitionsConsumedConcurrently: 1,
    sessionTimeoutMs: 30_000,
    maxBatchSize: 5_000,
    isolateAfterAttempts: 1,
    maxAttempts: 1,
    backoff: DEFAULT_BACKOFF,
    deadLetters: false,
    dependenciesHealthy: () => Promise.resolve(true),
  };
}
