import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelHealthReporter } from '@app/adapter-kit';
import {
  Topics,
  validatePayload,
  type DeadLetterV1,
  type InboundMessageV1,
  type InboundMessageV1Input,
} from '@app/contracts';
import { channelDeadLetter, EventPublisher, failureReason, type Publication } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { X_CONFIG, type XConfig } from '../config/x.config';

/** A message ready for core, with the item X sent, in case it must be dead-lettered instead. */
export interface IntakeItem {
  envelope: InboundMessageV1Input;
  raw: unknown;
}

/** An item that could not become a message: kept on the dead-letter topic with its reason. */
export interface RejectedItem {
  /** The item as X sent it: parsed JSON, or the exact bytes when they did not parse. */
  raw: unknown;
  sourceId?: string;
  code: string;
  reason: string;
}

export interface IntakeResult {
  published: number;
  deadLettered: number;
}

/**
 * The one way X messages reach Kafka, for the pollers and the webhook alike. Every envelope is
 * checked against its contract first, so one bad item goes to the dead-letter topic instead of
 * failing the whole page; then messages and dead letters go out in one request. It resolves only
 * when Kafka has them all: only then may a checkpoint move or a webhook be answered 200.
 */
@Injectable()
export class XIntake {
  private readonly logger = new Logger(XIntake.name);

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    private readonly publisher: EventPublisher,
    private readonly health: ChannelHealthReporter,
    private readonly metrics: GatewayMetrics,
  ) {}

  async publish(
    items: readonly IntakeItem[],
    rejected: readonly RejectedItem[] = [],
  ): Promise<IntakeResult> {
    const messages: InboundMessageV1[] = [];
    const letters: DeadLetterV1[] = rejected.map((r) => this.letter(r));
    for (const item of items) {
      const checked = validatePayload(Topics.IntakeMessages, item.envelope);
      if (checked.ok) {
        messages.push(checked.value);
        continue;
      }
      const where = checked.issues.map((i) => i.path || '(message)').join(', ');
      letters.push(
        this.letter({
          raw: item.raw,
          sourceId: item.envelope.sourceId,
          code: 'contract_violation',
          reason: `the message built from this item breaks the envelope contract at ${where}`,
        }),
      );
    }
    const publications: Publication[] = [
      ...messages.map((payload) => ({ topic: Topics.IntakeMessages, payload })),
      ...letters.map((payload) => ({ topic: Topics.DeadLetters, payload })),
    ];
    await this.publisher.publishAll(publications);
    const account = this.config.userId;
    for (let i = 0; i < messages.length; i++) this.health.received(account);
    if (messages.length > 0) {
      this.metrics.messagesReceived.inc({ channel: 'x', account }, messages.length);
    }
    for (const letter of letters) {
      this.metrics.deadLetters.inc({ reason: letter.reason.code });
      this.logger.warn(
        { deadLetterId: letter.deadLetterId, reason: letter.reason.code },
        'X item dead-lettered',
      );
    }
    return { published: messages.length, deadLettered: letters.length };
  }

  private letter(item: RejectedItem): DeadLetterV1 {
    return channelDeadLetter({
      service: 'x',
      channel: 'x',
      channelAccount: this.config.userId,
      sourceId: item.sourceId,
      reason: failureReason(item.code, item.reason),
      // Bytes that did not parse go as they came; a parsed item goes back to its JSON.
      payload: Buffer.isBuffer(item.raw) ? item.raw : (JSON.stringify(item.raw) ?? 'null'),
      attempts: 0,
    });
  }
}
