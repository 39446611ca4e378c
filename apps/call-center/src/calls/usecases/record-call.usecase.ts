import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelHealthReporter, ReferenceWaiter } from '@app/adapter-kit';
import { Topics } from '@app/contracts';
import { EventPublisher, failureReason, KafkaException } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { isRetriablePgError } from '@app/persistence';
import { errorMessage } from '@app/platform';
import { createHash } from 'node:crypto';
import { CALL_CENTER_CONFIG, type CallCenterConfig } from '../../config/call-center.config';
import { callAcknowledgement, trackingLink } from '../call-acknowledgement';
import { callEnvelope } from '../call-envelope';
import { callMessageId } from '../call-message-id';
import { CallCenterException } from '../call-center.exception';
import { CallDeadLetters } from '../call-dead-letters';
import { CallRepository, type CallClaim } from '../call.repository';
import type { CallAccepted } from '../dto/call-accepted';
import type { CallEvent } from '../dto/call-event.schema';
import type { ReceivedCall } from '../dto/received-call';

/**
 * Records a call: claims its call id, publishes the envelope and waits briefly for core's
 * reference so the agent can read it to the caller, with the tracking link: that answer is the
 * call centre's acknowledgement. The answer is given only after Kafka has the
 * message (acks=all); when Kafka or PostgreSQL cannot take it the sender is told to retry (503)
 * and nothing is half-done. A redelivery is published again under the same messageId: core
 * recognises it, creates nothing and names the case it already opened.
 */
@Injectable()
export class RecordCall {
  private readonly logger = new Logger(RecordCall.name);

  constructor(
    @Inject(CALL_CENTER_CONFIG) private readonly config: CallCenterConfig,
    private readonly calls: CallRepository,
    private readonly publisher: EventPublisher,
    private readonly waiter: ReferenceWaiter,
    private readonly deadLetters: CallDeadLetters,
    private readonly metrics: GatewayMetrics,
    private readonly health: ChannelHealthReporter,
  ) {}

  async execute({ call, rawBody }: ReceivedCall): Promise<CallAccepted> {
    const { account } = this.config;
    const payloadHash = createHash('sha256').update(JSON.stringify(call)).digest('hex');
    const claim = await this.claim(call.callId, payloadHash);
    if (claim.payloadHash !== payloadHash) {
      this.metrics.messagesRejected.inc({ channel: 'call-center', reason: 'call_conflict' });
      throw new CallCenterException(
        'call_conflict',
        'call id already recorded with different content',
      );
    }
    const { messageId } = claim;
    const envelope = callEnvelope({ call, messageId, account, receivedAt: claim.receivedAt });
    // Listen before publishing: a quick core can answer before `publish` returns.
    const pending = this.waiter.wait(messageId, this.config.referenceWaitMs);
    try {
      await this.publisher.publish(Topics.IntakeMessages, envelope);
    } catch (error) {
      pending.cancel();
      if (error instanceof KafkaException && error.code === 'contract_violation') {
        await this.deadLetters.send(
          call.callId,
          rawBody,
          failureReason(error.code, error.message, error.details),
        );
        await this.markPublished(call.callId);
        return this.accepted(call, messageId);
      }
      this.health.failed(account, { code: 'publish_failed', message: 'Kafka did not take a call' });
      this.health.update(account, { state: 'degraded', detail: 'kafka-unavailable' });
      throw error;
    }
    this.health.update(account, { state: 'up', detail: 'listening' });
    this.health.received(account);
    this.metrics.messagesReceived.inc({ channel: 'call-center', account });
    await this.markPublished(call.callId);
    return this.accepted(call, messageId, await pending.promise);
  }

  private accepted(call: CallEvent, messageId: string, reference?: string): CallAccepted {
    const language = call.language ?? 'tr';
    const trackingUrl = trackingLink(this.config.trackingUrl, language, reference);
    if (!reference) return { messageId, trackingUrl };
    return {
      messageId,
      reference,
      trackingUrl,
      acknowledgement: callAcknowledgement(language, reference, trackingUrl),
    };
  }

  private async claim(callId: string, payloadHash: string): Promise<CallClaim> {
    const { account } = this.config;
    try {
      return await this.calls.claim(
        account,
        callId,
        callMessageId(account, callId),
        payloadHash,
        this.config.kafka.publishTimeoutMs,
      );
    } catch (error) {
      if (!isRetriablePgError(error)) throw error;
      this.health.failed(account, { code: 'database_unavailable', message: errorMessage(error) });
      this.health.update(account, { state: 'degraded', detail: 'database-unavailable' });
      throw new CallCenterException('database_unavailable', 'PostgreSQL did not answer', true);
    }
  }

  /** Best effort: Kafka has the call; a missed mark only lets a changed body through later. */
  private async markPublished(callId: string): Promise<void> {
    try {
      await this.calls.markPublished(this.config.account, callId);
    } catch (error) {
      this.logger.warn({ error: errorMessage(error) }, 'call not marked as published');
    }
  }
}
