import type { KafkaConsumerOptions } from '@app/kafka';
import type { DataSource } from 'typeorm';
import type { SmtpConfig } from '../config/email.config';

/** How the replies consumer (the only consumer of this app) reads `outbound.replies.v1`. */
export function repliesConsumerOptions(
  smtp: SmtpConfig,
  dataSource: DataSource,
): KafkaConsumerOptions {
  return {
    groupId: smtp.consumerGroup,
    fromBeginning: true,
    partitionsConsumedConcurrently: 3,
    sessionTimeoutMs: 30_000,
    maxBatchSize: 20,
    isolateAfterAttempts: 1,
    // The use case gives a reply up itself (a `failed` receipt) after EMAIL_REPLY_MAX_ATTEMPTS;
    // the consumer's own limit only catches what is not an SMTP failure.
    maxAttempts: smtp.maxAttempts + 2,
    backoff: { initialMs: 500, maxMs: 60_000, factor: 2 },
    deadLetters: true,
    // PostgreSQL down (claims cannot be recorded) is an outage to wait out, not poison.
    dependenciesHealthy: () =>
      dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
  };
}
