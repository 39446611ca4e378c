import { Injectable } from '@nestjs/common';
import type { OutboundReceiptV1 } from '@app/contracts';
import type { EntityManager } from 'typeorm';

type CaseReceipt = OutboundReceiptV1 & { replyId: string; caseId: string };

@Injectable()
export class CaseReplyRepository {
  /**
   * Records receipts in order, later statuses winning (a bounce after "sent" is recorded; a late
   * "sent" after "read" is not). Returns the receipts that moved a reply forward: what the case
   * history should tell. A receipt for a reply core did not ask for is recorded when it names an
   * existing case. Receipts are few next to inbound messages: one statement each keeps the order
   * of several receipts of one reply in one batch.
   */
  async record(em: EntityManager, receipts: readonly OutboundReceiptV1[]): Promise<CaseReceipt[]> {
    const moved: CaseReceipt[] = [];
    for (const r of receipts) {
      if (!r.replyId || !r.caseId) continue;
      const rows: unknown[] = await em.query(
        `INSERT INTO case_replies AS c (reply_id, case_id, channel, channel_account, status, status_at, provider_message_id, error, attempts)
         SELECT $1, k.id, $3, $4, $5, $6, $7, $8::jsonb, $9 FROM cases k WHERE k.id = $2
         ON CONFLICT (reply_id) DO UPDATE
            SET status = EXCLUDED.status, status_at = EXCLUDED.status_at,
                provider_message_id = COALESCE(EXCLUDED.provider_message_id, c.provider_message_id),
                error = COALESCE(EXCLUDED.error, c.error), attempts = GREATEST(c.attempts, EXCLUDED.attempts)
          WHERE array_position(ARRAY['requested','sent','delivered','read','failed','undeliverable'], EXCLUDED.status)
              > array_position(ARRAY['requested','sent','delivered','read','failed','undeliverable'], c.status)
         RETURNING reply_id`,
        [
          r.replyId,
          r.caseId,
          r.channel,
          r.channelAccount,
          r.status,
          r.at,
          r.providerMessageId ?? null,
          r.error ? JSON.stringify(r.error) : null,
          r.attempt ?? 1,
        ],
      );
      if (rows.length === 1) moved.push(r as CaseReceipt);
    }
    return moved;
  }
}
