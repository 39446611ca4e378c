import { Injectable } from '@nestjs/common';
import type { OutboundReceiptV1 } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { CaseHistoryRepository } from '../cases/case-history.repository';
import { AcknowledgementRepository } from './acknowledgement.repository';

const SENT: readonly string[] = ['sent', 'delivered', 'read'];

/**
 * The moment an acknowledgement went out is the case's acknowledged time: measured against the
 * 6-working-hour target (met or late). Called with the receipts that moved a reply forward.
 */
@Injectable()
export class AcknowledgementReceipts {
  constructor(
    private readonly acknowledgements: AcknowledgementRepository,
    private readonly history: CaseHistoryRepository,
  ) {}

  async record(em: EntityManager, receipts: readonly OutboundReceiptV1[]): Promise<void> {
    const sent = receipts.filter((r) => r.replyId && SENT.includes(r.status));
    const replies = await this.acknowledgements.acknowledgementReplies(
      em,
      sent.map((r) => r.replyId!),
    );
    const asks = sent.flatMap((receipt) => {
      const reply = replies.get(receipt.replyId!);
      return reply
        ? [
            {
              caseId: reply.caseId,
              at: new Date(receipt.at),
              via: `reply:${reply.channel}`,
              receipt,
              reply,
            },
          ]
        : [];
    });
    const done = new Map(
      (await this.acknowledgements.markAcknowledged(em, asks)).map((d) => [d.caseId, d]),
    );
    await this.history.append(
      em,
      asks.flatMap(({ caseId, receipt, reply }) => {
        const ack = done.get(caseId);
        // The first receipt of its case in the batch is the one that acknowledged it.
        if (!ack) return [];
        done.delete(caseId);
        return [
          {
            caseId,
            at: ack.at,
            kind: 'acknowledged',
            actor: 'core',
            details: {
              via: 'reply',
              replyId: receipt.replyId,
              channel: reply.channel,
              late: ack.late,
            },
          },
        ];
      }),
    );
  }
}
