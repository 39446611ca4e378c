import { Injectable, Logger } from '@nestjs/common';
import { ChannelHealthReporter } from '@app/adapter-kit';
import { Topics, type DeadLetterV1 } from '@app/contracts';
import { EventPublisher, failureReason, type Publication } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { isRetriablePgError } from '@app/persistence';
import { GatewayException } from '@app/platform';
import { AccountRegistry } from '../../accounts/account-registry';
import { whatsappDeadLetter } from '../../inbound/whatsapp-dead-letter';
import { WhatsAppException } from '../../whatsapp.exception';
import { CloudChangeValueSchema, CloudWebhookSchema } from '../webhook/cloud-webhook.schema';
import { parseWebhookJson } from '../webhook/webhook-json';
import { WebhookSignature } from '../webhook/webhook-signature';
import { CloudChangeProcessor } from './cloud-change.processor';

export interface WebhookDelivery {
  raw: Buffer;
  signature: string | string[] | undefined;
}

/**
 * `POST /webhooks/whatsapp`. The signature is checked over the exact bytes before anything reads
 * them. Everything the delivery yields (envelopes, receipts, dead letters for what cannot be read)
 * is published in one request; the answer is 200 only once Kafka has it all, and 503 otherwise,
 * so that Meta delivers again. Redeliveries are harmless: core keeps one message per wamid.
 */
@Injectable()
export class ReceiveWebhook {
  private readonly logger = new Logger(ReceiveWebhook.name);

  constructor(
    private readonly signature: WebhookSignature,
    private readonly accounts: AccountRegistry,
    private readonly changes: CloudChangeProcessor,
    private readonly publisher: EventPublisher,
    private readonly health: ChannelHealthReporter,
    private readonly metrics: GatewayMetrics,
  ) {}

  async execute(delivery: WebhookDelivery): Promise<void> {
    const covered = this.verify(delivery);
    const receivedAt = new Date();
    const publications: Publication[] = [];
    const letter = (
      account: string,
      reason: string,
      code: string,
      data: string,
      sourceId?: string,
    ) =>
      publications.push({
        topic: Topics.DeadLetters,
        payload: whatsappDeadLetter({
          account,
          reason: failureReason(code, reason),
          data,
          sourceId,
          attempts: 1,
        }),
      });

    const json = parseWebhookJson(delivery.raw);
    const webhook = json.ok ? CloudWebhookSchema.safeParse(json.value) : undefined;
    if (!json.ok || !webhook?.success) {
      letter(
        'unknown',
        json.ok ? 'not a WhatsApp Business Account webhook' : json.reason,
        json.ok ? 'unexpected_payload' : 'malformed_json',
        delivery.raw.toString('utf8'),
      );
    } else {
      if (json.lenient)
        this.logger.warn(
          { bytes: delivery.raw.length },
          'webhook body read leniently (trailing comma)',
        );
      for (const change of webhook.data.entry.flatMap((e) => e.changes)) {
        if (change.field !== 'messages') {
          this.logger.log(
            { field: change.field },
            'webhook change of a field we do not use ignored',
          );
          continue;
        }
        const value = CloudChangeValueSchema.safeParse(change.value);
        const phoneNumberId = value.success ? value.data.metadata.phone_number_id : undefined;
        const account = phoneNumberId
          ? this.accounts.cloudByPhoneNumberId(phoneNumberId)
          : undefined;
        if (!value.success || !account || !covered.has(account.phoneNumberId)) {
          const why = !value.success
            ? 'change without metadata'
            : `phone number id ${phoneNumberId} is not served here`;
          letter(
            phoneNumberId ?? 'unknown',
            why,
            value.success ? 'unknown_account' : 'unexpected_payload',
            JSON.stringify(change),
          );
          continue;
        }
        const outcome = await this.withStorage(() =>
          this.changes.process(account, value.data, receivedAt),
        );
        publications.push(...outcome.publications);
        for (const u of outcome.unreadable)
          letter(account.id, u.reason, 'unreadable_entry', u.json, u.sourceId);
      }
    }
    await this.publish(publications);
  }

  private verify(delivery: WebhookDelivery): ReadonlySet<string> {
    try {
      return this.signature.verify(delivery.raw, delivery.signature);
    } catch (error) {
      const code = error instanceof GatewayException ? error.code : 'signature_invalid';
      this.metrics.messagesRejected.inc({ channel: 'whatsapp', reason: code });
      // Why, and how much: never the body, which carries customers' messages.
      this.logger.warn({ reason: code, bytes: delivery.raw.length }, 'webhook refused: signature');
      throw error;
    }
  }

  private async withStorage<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof GatewayException) throw error;
      if (isRetriablePgError(error)) {
        throw new WhatsAppException('storage_unavailable', 'PostgreSQL is unavailable', true);
      }
      throw error;
    }
  }

  private async publish(publications: Publication[]): Promise<void> {
    if (publications.length === 0) return;
    const accountsOf = (topic: string) =>
      publications
        .filter((p) => p.topic === topic)
        .map((p) => (p.payload as { channelAccount: string }).channelAccount);
    try {
      await this.publisher.publishAll(publications);
    } catch (error) {
      for (const account of new Set(accountsOf(Topics.IntakeMessages))) {
        this.health.failed(account, {
          code: 'publish_failed',
          message: 'Kafka did not take a webhook delivery',
        });
      }
      throw error;
    }
    for (const account of accountsOf(Topics.IntakeMessages)) {
      this.health.received(account);
      this.metrics.messagesReceived.inc({ channel: 'whatsapp', account });
    }
    for (const p of publications) {
      if (p.topic !== Topics.DeadLetters) continue;
      const letter = p.payload as DeadLetterV1;
      this.metrics.deadLetters.inc({ reason: letter.reason.code });
      this.logger.warn(
        { deadLetterId: letter.deadLetterId, reason: letter.reason.code },
        'webhook entry dead-lettered',
      );
    }
  }
}
