import { Injectable } from '@nestjs/common';
import type { Topics } from '@app/contracts';
import type { BatchOutcome, ConsumedBatch } from '@app/kafka';
import { DataSource } from 'typeorm';
import { AcknowledgementReceipts } from '../../acknowledgements/acknowledgement-receipts';
import { CaseHistoryRepository } from '../../cases/case-history.repository';
import { ThreadKeyRepository } from '../../cases/thread-key.repository';
import { CoreException } from '../../core.exception';
import { emailThreadKey } from '../../intake/pipeline/intake-context';
import { CaseReplyRepository } from '../case-reply.repository';

/**
 * Records on each case what happened to the replies sent to its customer: sent, delivered, read,
 * failed with its reason, or undeliverable (a bounce: that contact no longer works). The Message-ID
 * of a sent e-mail becomes a thread key, so the customer's answer to it joins the case.
 */
@Injectable()
export class RecordReceipts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replies: CaseReplyRepository,
    private readonly history: CaseHistoryRepository,
    private readonly threadKeys: ThreadKeyRepository,
    private readonly acknowledgements: AcknowledgementReceipts,
  ) {}

  async execute(batch: ConsumedBatch<typeof Topics.OutboundReceipts>): Promise<BatchOutcome> {
    try {
      await this.dataSource.transaction(async (em) => {
        const moved = await this.replies.record(
          em,
          batch.map((m) => m.value),
        );
        await this.threadKeys.insert(
          em,
          moved
            .filter((r) => r.channel === 'email' && r.status === 'sent' && r.providerMessageId)
            .map((r) => ({
              kind: 'email',
              value: emailThreadKey(r.providerMessageId!).slice('email:'.length),
              caseId: r.caseId,
            })),
        );
        await this.history.append(
          em,
          moved.map((r) => ({
            caseId: r.caseId,
            at: new Date(r.at),
            kind: r.status === 'undeliverable' ? 'contact_undeliverable' : `reply_${r.status}`,
            actor: `${r.channel}-adapter`,
            details: {
              replyId: r.replyId,
              channel: r.channel,
              ...(r.error ? { error: r.error } : {}),
            },
          })),
        );
        // A sent acknowledgement is the case's acknowledged time, against its SLA target.
        await this.acknowledgements.record(em, moved);
      });
      return {};
    } catch (error) {
      throw CoreException.from(error);
    }
  }
}
