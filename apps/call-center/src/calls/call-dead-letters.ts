import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics, type FailureReason } from '@app/contracts';
import { channelDeadLetter, EventPublisher } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { CALL_CENTER_CONFIG, type CallCenterConfig } from '../config/call-center.config';

/**
 * Calls that passed validation but could not be made into a valid envelope (a gap between our
 * schema and the contract): kept on the dead-letter topic with the exact bytes received, so they
 * can be replayed after a fix, instead of being refused to a sender that would retry for ever.
 */
@Injectable()
export class CallDeadLetters {
  private readonly logger = new Logger(CallDeadLetters.name);

  constructor(
    @Inject(CALL_CENTER_CONFIG) private readonly config: CallCenterConfig,
    private readonly publisher: EventPublisher,
    private readonly metrics: GatewayMetrics,
  ) {}

  async send(callId: string, rawBody: Buffer, reason: FailureReason): Promise<void> {
    await this.publisher.publish(
      Topics.DeadLetters,
      channelDeadLetter({
        service: 'call-center',
        channel: 'call-center',
        channelAccount: this.config.account,
        sourceId: callId,
        reason,
        // CallEventPipe lets only valid UTF-8 through, so the exact bytes travel as text.
        payload: rawBody,
        attempts: 1,
      }),
    );
    this.metrics.deadLetters.inc({ reason: reason.code });
    this.logger.error({ code: reason.code }, 'call dead-lettered');
  }
}
