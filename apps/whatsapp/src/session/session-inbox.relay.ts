import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ChannelHealthReporter } from '@app/adapter-kit';
import { Topics, type InboundMessageV1 } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { errorMessage } from '@app/platform';
import { SessionInboxRepository } from './session-inbox.repository';

const EVERY_MS = 2_000;
const BATCH = 200;

/**
 * Moves session messages from the inbox to Kafka, oldest first: at once when one arrives, and
 * every few seconds for what Kafka could not take before (or what a stopped instance left).
 * Several instances relaying the same row publish it twice at worst, and core keeps one.
 */
@Injectable()
export class SessionInboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionInboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly inbox: SessionInboxRepository,
    private readonly publisher: EventPublisher,
    private readonly health: ChannelHealthReporter,
    private readonly metrics: GatewayMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      let batch: InboundMessageV1[] = [];
      try {
        batch = await this.inbox.oldest(BATCH);
        if (batch.length === 0) return;
        await this.publisher.publish(Topics.IntakeMessages, batch);
        await this.inbox.remove(batch.map((e) => e.messageId));
      } catch (error) {
        for (const account of new Set(batch.map((e) => e.channelAccount))) {
          this.health.failed(account, {
            code: 'publish_failed',
            message: 'Kafka did not take session messages',
          });
        }
        this.logger.warn(
          { waiting: batch.length, error: errorMessage(error) },
          'session messages wait for Kafka',
        );
        return;
      }
      for (const envelope of batch) {
        this.health.received(envelope.channelAccount);
        this.metrics.messagesReceived.inc({
          channel: 'whatsapp',
          account: envelope.channelAccount,
        });
      }
    }
  }
}
