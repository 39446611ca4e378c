import { Logger } from '@nestjs/common';
import { decodePayload, type DeadLetterV1, type TopicName } from '@app/contracts';
import { errorCode, errorMessage, isRetriable } from '@app/platform';
import type { KafkaMessage } from 'kafkajs';
import { setTimeout as delay } from 'node:timers/promises';
import { failureReason, kafkaDeadLetter } from '../dead-letter';
import { backoffDelay, type BackoffOptions } from '../retry';
import type { BatchOutcome, ConsumedBatch, ConsumedMessage } from './consumed-message';

export interface BatchProcessingOptions {
  /** Most messages handed to the handler at once (one database transaction in core). */
  maxBatchSize: number;
  /** A multi-message batch that keeps failing is split into single messages after this many tries. */
  isolateAfterAttempts: number;
  /** A single message failing with retriable errors this often is dead-lettered, unless... */
  maxAttempts: number;
  /** ...the app's own dependencies are down: then it is an outage, and we wait, not discard. */
  dependenciesHealthy: () => Promise<boolean>;
  backoff: BackoffOptions;
  /**
   * False for consumers that only observe (a web form waiting for its reference): what they
   * cannot use is logged and skipped instead of filling the dead-letter topic once per instance.
   */
  deadLetters: boolean;
}

/** What the processor needs from KafkaJS's eachBatch, so it can be driven without a broker. */
export interface BatchControls {
  heartbeat(): Promise<void>;
  isRunning(): boolean;
  isStale(): boolean;
  /** Marks `offset` processed and commits `offset + 1` for the partition. */
  commit(offset: string): Promise<void>;
}

export type BatchHandler = (batch: ConsumedBatch) => Promise<BatchOutcome | void>;

/** Thrown to leave a batch uncommitted because the consumer is stopping or lost the partition. */
export class ConsumerStoppedError extends Error {}

/**
 * Runs one partition's fetched messages through a handler with the guarantees DESIGN.md asks for:
 * - commit only after the handler resolved (its work is durable) and dead letters are published;
 * - a message that breaks its contract, or that the handler cannot process, goes to the
 *   dead-letter topic with its reason, and the messages behind it go on;
 * - retriable failures are retried with backoff, heartbeating so the group keeps the partition.
 */
export class BatchProcessor {
  private readonly logger = new Logger(BatchProcessor.name);

  constructor(
    private readonly service: string,
    private readonly handler: BatchHandler,
    private readonly publishDeadLetters: (letters: DeadLetterV1[]) => Promise<void>,
    private readonly options: BatchProcessingOptions,
  ) {}

  async process(
    topic: TopicName,
    partition: number,
    messages: KafkaMessage[],
    controls: BatchControls,
  ): Promise<void> {
    for (let start = 0; start < messages.length; start += this.options.maxBatchSize) {
      this.ensureRunning(controls);
      const chunk = messages.slice(start, start + this.options.maxBatchSize);
      const letters: DeadLetterV1[] = [];
      const valid: ConsumedMessage[] = [];
      for (const message of chunk) {
        const decoded = decodePayload(topic, message.value);
        if (decoded.ok) {
          valid.push({
            value: decoded.value,
            topic,
            partition,
            offset: message.offset,
            key: message.key ? message.key.toString('utf8') : null,
            timestamp: message.timestamp,
          });
        } else {
          const summary = decoded.issues
            .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
            .join('; ');
          letters.push(
            this.letter(
              topic,
              partition,
              message,
              failureReason(decoded.reason, summary, { issues: decoded.issues }),
              0,
            ),
          );
        }
      }
      if (valid.length > 0) {
        const byOffset = new Map(chunk.map((m) => [m.offset, m]));
        const failed = await this.handle(valid, controls);
        for (const { message, reason, attempts } of failed) {
          letters.push(
            this.letter(topic, partition, byOffset.get(message.offset)!, reason, attempts),
          );
        }
      }
      if (letters.length > 0) await this.publishLetters(letters, controls);
      await controls.commit(chunk[chunk.length - 1].offset);
      await controls.heartbeat();
    }
  }

  private async handle(
    batch: ConsumedMessage[],
    controls: BatchControls,
  ): Promise<
    { message: ConsumedMessage; reason: ReturnType<typeof failureReason>; attempts: number }[]
  > {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.handler(batch);
        const byOffset = new Map(batch.map((m) => [m.offset, m]));
        return (outcome?.rejected ?? []).flatMap((r) => {
          const message = byOffset.get(r.offset);
          return message ? [{ message, reason: r.reason, attempts: attempt }] : [];
        });
      } catch (error) {
        const retriable = isRetriable(error);
        const reason = failureReason(errorCode(error, 'handler_failed'), errorMessage(error));
        if (batch.length > 1 && (!retriable || attempt >= this.options.isolateAfterAttempts)) {
          // One bad message must not hold back the others: find it by handling them one by one.
          this.logger.warn(
            { size: batch.length, code: reason.code, retriable },
            'batch failed, isolating its messages',
          );
          const failures = [];
          for (const message of batch) failures.push(...(await this.handle([message], controls)));
          return failures;
        }
        if (batch.length === 1 && !retriable)
          return [{ message: batch[0], reason, attempts: attempt }];
        if (batch.length === 1 && attempt >= this.options.maxAttempts) {
          if (await this.options.dependenciesHealthy().catch(() => false)) {
            return [
              {
                message: batch[0],
                reason: failureReason(
                  'retries_exhausted',
                  `gave up after ${attempt} attempts: ${reason.message}`,
                ),
                attempts: attempt,
              },
            ];
          }
          this.logger.warn(
            { code: reason.code },
            'dependencies down: waiting instead of dead-lettering',
          );
        }
        const wait = backoffDelay(Math.min(attempt, 20), this.options.backoff);
        this.logger.warn(
          { size: batch.length, attempt, waitMs: wait, code: reason.code, error: reason.message },
          'batch failed, retrying',
        );
        await this.sleep(wait, controls);
      }
    }
  }

  private async publishLetters(letters: DeadLetterV1[], controls: BatchControls): Promise<void> {
    if (!this.options.deadLetters) {
      for (const l of letters)
        this.logger.warn({ source: l.source, reason: l.reason.code }, 'message skipped');
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await this.publishDeadLetters(letters);
        for (const l of letters) {
          this.logger.warn(
            { deadLetterId: l.deadLetterId, source: l.source, reason: l.reason.code },
            'message dead-lettered',
          );
        }
        return;
      } catch (error) {
        // Committing past a message whose dead letter is not written would lose it: wait instead.
        const wait = backoffDelay(Math.min(attempt, 20), this.options.backoff);
        this.logger.error(
          { attempt, waitMs: wait, error: errorMessage(error) },
          'publishing dead letters failed, retrying',
        );
        await this.sleep(wait, controls);
      }
    }
  }

  private letter(
    topic: TopicName,
    partition: number,
    message: KafkaMessage,
    reason: ReturnType<typeof failureReason>,
    attempts: number,
  ): DeadLetterV1 {
    return kafkaDeadLetter({ service: this.service, topic, partition, message, reason, attempts });
  }

  private ensureRunning(controls: BatchControls): void {
    if (!controls.isRunning() || controls.isStale())
      throw new ConsumerStoppedError('consumer stopping or partition revoked');
  }

  /** Sleeps in short steps, heartbeating so a long backoff does not cost us the partition. */
  private async sleep(ms: number, controls: BatchControls): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      this.ensureRunning(controls);
      await delay(Math.min(1_000, until - Date.now()));
      await controls.heartbeat();
    }
  }
}
