import { Injectable, Logger } from '@nestjs/common';
import { ChannelHealthReporter } from '@app/adapter-kit';
import { Topics, type OutboundReceiptV1 } from '@app/contracts';
import type { Publication } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { randomUUID } from 'node:crypto';
import type { CloudAccount } from '../../config/whatsapp-accounts';
import { isoFromSeconds, whatsappEnvelope, type InboundDraft } from '../../inbound/inbound-draft';
import { SentMessageRepository, type SentMessage } from '../../replies/sent-message.repository';
import { receiptError, receiptStatusOf } from '../graph/meta-errors';
import { normalizeCloudMessage } from '../normalize/cloud-message.normalizer';
import {
  CloudMessageSchema,
  CloudStatusSchema,
  type CloudChangeValue,
  type CloudMessage,
  type CloudStatus,
} from '../webhook/cloud-webhook.schema';
import { CloudMediaFetcher } from './cloud-media.fetcher';

/** What one `messages` change of a webhook turns into. */
export interface ChangeOutcome {
  publications: Publication[];
  /** Entries that could not be read at all, for the dead-letter topic. */
  unreadable: { sourceId?: string; json: string; reason: string }[];
}

/**
 * One change of a webhook, for one of our numbers: messages become envelopes (media fetched
 * first), statuses of our replies become receipts, platform errors go to health, logs and metrics.
 */
@Injectable()
export class CloudChangeProcessor {
  private readonly logger = new Logger(CloudChangeProcessor.name);

  constructor(
    private readonly media: CloudMediaFetcher,
    private readonly sent: SentMessageRepository,
    private readonly health: ChannelHealthReporter,
    private readonly metrics: GatewayMetrics,
  ) {}

  async process(
    account: CloudAccount,
    value: CloudChangeValue,
    receivedAt: Date,
  ): Promise<ChangeOutcome> {
    const outcome: ChangeOutcome = { publications: [], unreadable: [] };
    for (const error of value.errors ?? []) {
      // Meta telling us something is wrong on its side (rate limits, account problems): no case.
      this.health.failed(account.id, {
        code: `meta_${error.code ?? 'unknown'}`,
        message: error.title ?? 'platform error',
      });
      this.metrics.messagesRejected.inc({
        channel: 'whatsapp',
        reason: `meta_error_${error.code ?? 'unknown'}`,
      });
      this.logger.warn(
        { account: account.id, code: error.code, title: error.title },
        'WhatsApp reported an error',
      );
    }
    const messages = this.readMessages(value.messages ?? [], outcome);
    const statuses = (value.statuses ?? []).flatMap((raw) => {
      const status = CloudStatusSchema.safeParse(raw);
      if (status.success) return [status.data];
      outcome.unreadable.push({ json: JSON.stringify(raw), reason: 'status not understood' });
      return [];
    });
    const normalized = messages.map((m) => normalizeCloudMessage(m, value.contacts ?? []));
    const ours = await this.sent.find([
      ...statuses.map((s) => s.id),
      ...normalized.flatMap((n) => (n.kind === 'reaction' ? [n.targetId] : [])),
    ]);
    const recipient = account.displayPhoneNumber ?? plusDigits(value.metadata.display_phone_number);
    for (const n of normalized) {
      if (n.kind === 'ignored') {
        this.metrics.messagesRejected.inc({
          channel: 'whatsapp',
          reason: `not_feedback_${n.reason}`,
        });
        continue;
      }
      let draft = n.draft;
      if (n.kind === 'reaction') {
        const target = ours.get(n.targetId);
        if (!target) {
          // A reaction to anything but our reply would open a case for an emoji: counted only.
          this.metrics.messagesRejected.inc({
            channel: 'whatsapp',
            reason: 'reaction_not_on_reply',
          });
          this.logger.log(
            { account: account.id, sourceId: n.draft.sourceId },
            'reaction to a message that is not our reply',
          );
          continue;
        }
        draft = onReply(draft, target, n.emoji);
      }
      const fetched = await this.media.fetch(account, draft);
      outcome.publications.push({
        topic: Topics.IntakeMessages,
        payload: whatsappEnvelope({
          messageId: randomUUID(),
          account: account.id,
          recipient,
          receivedAt,
          draft,
          attachments: fetched.attachments,
          extraMetadata: { phoneNumberId: account.phoneNumberId, ...fetched.metadata },
        }),
      });
    }
    for (const status of statuses) {
      const receipt = this.receiptOf(account, status, ours.get(status.id));
      if (receipt) outcome.publications.push({ topic: Topics.OutboundReceipts, payload: receipt });
    }
    return outcome;
  }

  private readMessages(raw: readonly unknown[], outcome: ChangeOutcome): CloudMessage[] {
    return raw.flatMap((m) => {
      const parsed = CloudMessageSchema.safeParse(m);
      if (parsed.success) return [parsed.data];
      const id = (m as { id?: unknown } | null)?.id;
      outcome.unreadable.push({
        sourceId: typeof id === 'string' ? id : undefined,
        json: JSON.stringify(m),
        reason: 'message without id or sender',
      });
      return [];
    });
  }

  private receiptOf(
    account: CloudAccount,
    status: CloudStatus,
    reply: SentMessage | undefined,
  ): OutboundReceiptV1 | undefined {
    const kind = receiptStatusOf(status.status);
    if (!kind) return undefined;
    const error = status.errors?.[0];
    return {
      schemaVersion: 1,
      receiptId: randomUUID(),
      ...(reply ? { replyId: reply.replyId, caseId: reply.caseId } : {}),
      channel: 'whatsapp',
      channelAccount: account.id,
      status: kind,
      at: isoFromSeconds(status.timestamp) ?? new Date().toISOString(),
      providerMessageId: status.id,
      ...(kind === 'failed' ? { error: receiptError(error?.code, error?.title) } : {}),
    };
  }
}

/**
 * A reaction to our reply is recorded on that reply's case: its text quotes the case's reference
 * number, which core attaches to the case of the same customer (never a new case).
 */
function onReply(
  draft: InboundDraft,
  target: SentMessage,
  emoji: string | undefined,
): InboundDraft {
  return {
    ...draft,
    text: emoji
      ? `Tepki: ${emoji} (${target.reference} numaralı başvurunuz için gönderdiğimiz mesaja)`
      : `Tepki geri alındı (${target.reference} numaralı başvurunuz için gönderdiğimiz mesajdan)`,
    metadata: {
      ...draft.metadata,
      reactionToReply: target.replyId,
      caseReference: target.reference,
    },
  };
}

function plusDigits(number: string | undefined): string | undefined {
  const digits = (number ?? '').replace(/\D/g, '');
  return digits ? `+${digits}` : undefined;
}
