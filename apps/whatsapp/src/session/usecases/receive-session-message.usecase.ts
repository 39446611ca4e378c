import { Injectable, Logger } from '@nestjs/common';
import { Topics, type AttachmentRef } from '@app/contracts';
import { EventPublisher, backoffDelay, failureReason } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { errorCode, errorMessage } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { SessionAccount } from '../../config/whatsapp-accounts';
import { whatsappEnvelope, type Metadata } from '../../inbound/inbound-draft';
import { MediaStore } from '../../inbound/media-store';
import { whatsappDeadLetter } from '../../inbound/whatsapp-dead-letter';
import { SessionInboxRepository } from '../session-inbox.repository';
import { SessionInboxRelay } from '../session-inbox.relay';
import { normalizeSessionMessage, sessionVerdict } from '../session-message.normalizer';
import type { SessionMessage } from '../whatsapp-session';

const ATTEMPTS = 5;
const BACKOFF = { initialMs: 500, maxMs: 10_000, factor: 2 };

/**
 * A message from a WhatsApp Web session: filtered, its media into the blob store, normalized,
 * and written to the session inbox, from which the relay puts it on Kafka. WhatsApp Web does not
 * deliver a message twice, so nothing here may give up quietly: what cannot be stored after
 * retries is dead-lettered with the message as the library gave it.
 */
@Injectable()
export class ReceiveSessionMessage {
  private readonly logger = new Logger(ReceiveSessionMessage.name);

  constructor(
    private readonly media: MediaStore,
    private readonly inbox: SessionInboxRepository,
    private readonly relay: SessionInboxRelay,
    private readonly publisher: EventPublisher,
    private readonly metrics: GatewayMetrics,
  ) {}

  async execute(account: SessionAccount, message: SessionMessage): Promise<void> {
    const verdict = sessionVerdict(message, account);
    if (verdict.kind === 'ignored') {
      this.metrics.messagesRejected.inc({
        channel: 'whatsapp',
        reason: `ignored_${verdict.reason}`,
      });
      return;
    }
    const receivedAt = new Date();
    const { attachments, metadata, filename } = await this.fetchMedia(message);
    const displayName = await message
      .getContact()
      .then((c) => c.pushname || c.name || undefined)
      .catch(() => undefined);
    const envelope = whatsappEnvelope({
      messageId: randomUUID(),
      account: account.id,
      recipient: account.id,
      receivedAt,
      draft: normalizeSessionMessage(message, { displayName, filename }),
      attachments,
      extraMetadata: metadata,
    });
    try {
      // Checked now: an envelope that breaks the contract would block the inbox behind it.
      this.publisher.serialize(Topics.IntakeMessages, envelope);
      await this.retrying(() => this.inbox.add(envelope));
      this.relay.kick();
    } catch (error) {
      await this.deadLetter(account, message, error);
    }
  }

  private async fetchMedia(
    message: SessionMessage,
  ): Promise<{ attachments: AttachmentRef[]; metadata: Metadata; filename?: string }> {
    if (!message.hasMedia) return { attachments: [], metadata: {} };
    try {
      const media = await this.retrying(() => message.downloadMedia());
      if (!media) return { attachments: [], metadata: { mediaError: 'media_unavailable' } };
      const filename = media.filename ?? undefined;
      const bytes = Buffer.from(media.data, 'base64');
      const ref = await this.retrying(() => this.media.store(bytes, media.mimetype, filename));
      return { attachments: [ref], metadata: {}, filename };
    } catch (error) {
      this.logger.warn(
        { sourceId: message.id._serialized, code: errorCode(error) },
        'session media not stored',
      );
      return {
        attachments: [],
        metadata: { mediaError: errorCode(error, 'media_failed'), mediaNote: 'Medya alınamadı.' },
      };
    }
  }

  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= ATTEMPTS || (error as { code?: string }).code === 'blob_too_large')
          throw error;
        await delay(backoffDelay(attempt, BACKOFF));
      }
    }
  }

  private async deadLetter(
    account: SessionAccount,
    message: SessionMessage,
    error: unknown,
  ): Promise<void> {
    const letter = whatsappDeadLetter({
      account: account.id,
      reason: failureReason(errorCode(error, 'session_message_failed'), errorMessage(error)),
      data: JSON.stringify(messageData(message)),
      sourceId: message.id._serialized,
      attempts: ATTEMPTS,
    });
    try {
      await this.publisher.publish(Topics.DeadLetters, letter);
      this.metrics.deadLetters.inc({ reason: letter.reason.code });
      this.logger.error(
        { deadLetterId: letter.deadLetterId, reason: letter.reason.code },
        'session message dead-lettered',
      );
    } catch {
      this.logger.error(
        { sourceId: message.id._serialized, reason: letter.reason.code },
        'session message lost: neither PostgreSQL nor Kafka took it',
      );
    }
  }
}

/** The message's data, without the library's methods and its back-reference to the Client. */
function messageData(m: SessionMessage): Record<string, unknown> {
  const {
    id,
    from,
    to,
    author,
    body,
    timestamp,
    type,
    hasMedia,
    fromMe,
    isForwarded,
    location,
    vCards,
  } = m;
  return {
    id,
    from,
    to,
    author,
    body,
    timestamp,
    type,
    hasMedia,
    fromMe,
    isForwarded,
    location,
    vCards,
  };
}
