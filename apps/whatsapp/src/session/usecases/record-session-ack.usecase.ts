import { Injectable, Logger } from '@nestjs/common';
import { Topics, type ReceiptStatus } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { errorMessage } from '@app/platform';
import { randomUUID } from 'node:crypto';
import type { SessionAccount } from '../../config/whatsapp-accounts';
import { SentMessageRepository } from '../../replies/sent-message.repository';
import type { SessionAck } from '../whatsapp-session';

/** `sent` is reported when sending; later acks add delivery, reading and failure. */
const STATUS_OF_ACK: Partial<Record<SessionAck, ReceiptStatus>> = {
  [-1]: 'failed',
  2: 'delivered',
  3: 'read',
  4: 'read',
};

/** Delivery acks of replies sent on a WhatsApp Web session, as receipts on the reply's case. */
@Injectable()
export class RecordSessionAck {
  private readonly logger = new Logger(RecordSessionAck.name);

  constructor(
    private readonly sent: SentMessageRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(account: SessionAccount, messageId: string, ack: SessionAck): Promise<void> {
    const status = STATUS_OF_ACK[ack];
    if (!status) return;
    try {
      const reply = (await this.sent.find([messageId])).get(messageId);
      if (!reply) return; // a message sent from the phone itself, not a reply of ours
      await this.publisher.publish(Topics.OutboundReceipts, {
        schemaVersion: 1,
        receiptId: randomUUID(),
        replyId: reply.replyId,
        caseId: reply.caseId,
        channel: 'whatsapp',
        channelAccount: account.id,
        status,
        at: new Date().toISOString(),
        providerMessageId: messageId,
        ...(status === 'failed'
          ? {
              error: {
                code: 'session_ack_error',
                message: 'WhatsApp Web reported the message as failed',
              },
            }
          : {}),
      });
    } catch (error) {
      // WhatsApp Web does not repeat an ack: a lost one leaves the case at its previous status.
      this.logger.warn(
        { account: account.id, status, error: errorMessage(error) },
        'session ack not recorded',
      );
    }
  }
}
