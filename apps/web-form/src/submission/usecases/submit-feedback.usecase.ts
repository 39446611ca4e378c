import { Inject, Injectable } from '@nestjs/common';
import { ChannelHealthReporter, ReferenceWaiter } from '@app/adapter-kit';
import { Topics, type AttachmentRef, type Language } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { createHash, randomUUID } from 'node:crypto';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../../config/web-form.config';
import type { SubmissionAccepted } from '../dto/submission-accepted';
import type { WebFormSubmission } from '../dto/web-form-submission.schema';
import { IdempotencyKeyRepository } from '../idempotency-key.repository';
import { webFormEnvelope, type SubmissionVia } from '../web-form-envelope';
import { WebFormException } from '../web-form.exception';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** What a retry must repeat exactly to be the same request: the fields, then files and store text. */
function requestHashOf(command: SubmitFeedbackCommand): string {
  const extra = { attachments: command.attachments ?? [], storeText: command.storeText };
  const hashed =
    extra.attachments.length === 0 && extra.storeText === undefined
      ? command.submission
      : { ...command.submission, ...extra };
  return createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
}

export interface SubmitFeedbackCommand {
  submission: WebFormSubmission;
  /** Files already in the blob store. */
  attachments?: AttachmentRef[];
  idempotencyKey?: string;
  language: Language;
  via: SubmissionVia;
  storeText?: string;
}

/**
 * Publishes a validated submission to the intake topic and waits briefly for core's reference.
 * The answer is given only after Kafka has the message (acks=all); if Kafka cannot take it, the
 * customer is told to retry (503) and nothing is half-done.
 */
@Injectable()
export class SubmitFeedback {
  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly publisher: EventPublisher,
    private readonly waiter: ReferenceWaiter,
    private readonly keys: IdempotencyKeyRepository,
    private readonly metrics: GatewayMetrics,
    private readonly health: ChannelHealthReporter,
  ) {}

  async execute(command: SubmitFeedbackCommand): Promise<SubmissionAccepted> {
    let messageId: string = randomUUID();
    let receivedAt = new Date();
    if (command.idempotencyKey !== undefined) {
      if (!IDEMPOTENCY_KEY.test(command.idempotencyKey)) {
        throw new WebFormException(
          'idempotency_key_invalid',
          'Idempotency-Key must be 1-255 visible ASCII characters',
        );
      }
      const requestHash = requestHashOf(command);
      const claim = await this.keys.claim(
        command.idempotencyKey,
        requestHash,
        messageId,
        this.config.idempotencyTtlHours,
      );
      if (claim.requestHash !== requestHash) {
        throw new WebFormException(
          'idempotency_key_reused',
          'Idempotency-Key reused with a different body',
        );
      }
      ({ messageId, createdAt: receivedAt } = claim);
    }
    const envelope = webFormEnvelope({
      submission: command.submission,
      attachments: command.attachments ?? [],
      via: command.via,
      storeText: command.storeText,
      messageId,
      account: this.config.account,
      receivedAt,
      language: command.language,
      consentNoticeVersion: this.config.consentNoticeVersion,
    });
    // Listen before publishing: a quick core can answer before `publish` returns.
    const pending = this.waiter.wait(messageId, this.config.referenceWaitMs);
    try {
      await this.publisher.publish(Topics.IntakeMessages, envelope);
    } catch (error) {
      pending.cancel();
      this.health.failed(this.config.account, {
        code: 'publish_failed',
        message: 'Kafka did not take a submission',
      });
      throw error;
    }
    this.health.received(this.config.account);
    this.metrics.messagesReceived.inc({ channel: 'web-form', account: this.config.account });
    const reference = await pending.promise;
    return reference ? { messageId, reference } : { messageId };
  }
}
