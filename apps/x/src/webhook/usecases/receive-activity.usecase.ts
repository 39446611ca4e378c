import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayMetrics } from '@app/metrics';
import { errorMessage } from '@app/platform';
import { XAccountStatus } from '../../account/x-account-status';
import { X_CONFIG, type XConfig } from '../../config/x.config';
import { XException } from '../../x.exception';
import { itemsWithMedia } from '../../intake/items-with-media';
import { XIntake, type IntakeItem, type RejectedItem } from '../../intake/x-intake';
import { XMediaFetcher } from '../../media/media.fetcher';
import {
  ActivityPayloadError,
  readActivity,
  type ActivityBatch,
} from '../../normalize/from-activity';
import { directMessageEnvelope, mentionEnvelope } from '../../normalize/x-envelopes';
import { WebhookSignature } from '../webhook-signature';

export interface ReceiveActivityCommand {
  rawBody: Buffer;
  signature: string | string[] | undefined;
}

export interface ActivityReceived {
  received: number;
}

/**
 * An Account Activity delivery: verified over its exact bytes before it is parsed, turned into
 * envelopes, and answered only after Kafka has them (a KafkaException bubbles up as 503, so X
 * delivers again). What can be read but not used goes to the dead-letter topic, and X gets its
 * 200: sending it again would not help.
 */
@Injectable()
export class ReceiveActivity {
  private readonly logger = new Logger(ReceiveActivity.name);

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    private readonly signature: WebhookSignature,
    private readonly intake: XIntake,
    private readonly media: XMediaFetcher,
    private readonly status: XAccountStatus,
    private readonly metrics: GatewayMetrics,
  ) {}

  async execute(command: ReceiveActivityCommand): Promise<ActivityReceived> {
    const verdict = this.signature.verify(command.rawBody, command.signature);
    if (verdict !== 'valid') {
      // Why, and how big: never the body, which is someone's message.
      this.logger.warn(
        { reason: `signature_${verdict}`, bytes: command.rawBody.length },
        'X webhook refused',
      );
      this.metrics.messagesRejected.inc({ channel: 'x', reason: `signature_${verdict}` });
      throw new XException('signature_invalid', `webhook signature ${verdict}`);
    }
    const batch = await this.read(command.rawBody);
    if (!batch) return { received: 0 };
    if (batch.forUserId !== undefined && batch.forUserId !== this.config.userId) {
      this.logger.warn(
        { reason: 'unknown_account' },
        'X webhook event for an account we do not serve',
      );
      this.metrics.messagesRejected.inc({ channel: 'x', reason: 'unknown_account' });
      return { received: 0 };
    }
    if (batch.revokedBy === this.config.userId) {
      this.logger.error("the X account withdrew our app's access: new credentials are needed");
      this.status.set(
        'access',
        { state: 'needs-auth', detail: 'access-revoked' },
        { code: 'x_access_revoked', message: 'the account revoked the app (user_event.revoke)' },
      );
    }
    const items = await this.items(batch);
    const rejected: RejectedItem[] = batch.malformed.map((m) => ({
      raw: m.raw,
      code: 'unreadable_event',
      reason: m.reason,
    }));
    try {
      await this.intake.publish(items, rejected);
    } catch (error) {
      this.status.set(
        'webhook',
        { state: 'degraded', detail: 'kafka-unavailable' },
        {
          code: 'publish_failed',
          message: errorMessage(error),
        },
      );
      throw error;
    }
    this.status.set('webhook', { state: 'up', detail: 'receiving' });
    return { received: items.length };
  }

  /** The delivery's events, or undefined when the bytes are no event at all (dead-lettered). */
  private async read(rawBody: Buffer): Promise<ActivityBatch | undefined> {
    try {
      return readActivity(JSON.parse(rawBody.toString('utf8')), this.config.userId);
    } catch (error) {
      const unreadable = error instanceof SyntaxError || error instanceof ActivityPayloadError;
      if (!unreadable) throw error;
      // The parser's message quotes the body: say what is wrong without it.
      const reason =
        error instanceof SyntaxError
          ? 'signed webhook body is not valid JSON'
          : 'signed webhook body is not an Account Activity event object';
      await this.intake.publish([], [{ raw: rawBody, code: 'unreadable_webhook', reason }]);
      return undefined;
    }
  }

  private async items(batch: ActivityBatch): Promise<IntakeItem[]> {
    const context = { account: this.config.userId, receivedAt: new Date() };
    const mentions = await itemsWithMedia(batch.mentions, this.media, (m, media) =>
      mentionEnvelope(m, media, context),
    );
    const dms = await itemsWithMedia(batch.directMessages, this.media, (dm, media) =>
      directMessageEnvelope(dm, media, context),
    );
    return [...mentions, ...dms];
  }
}
