import { Injectable, Logger } from '@nestjs/common';
import { Topics, type CaseEventV1 } from '@app/contracts';
import type { BatchOutcome, ConsumedBatch } from '@app/kafka';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { caseCreatedEvent, messageDuplicateEvent } from '../../cases/case-events';
import { CaseRepository, type NewCase } from '../../cases/case.repository';
import { CoreException } from '../../core.exception';
import { MessageRepository } from '../../messages/message.repository';
import { OutboxRelay } from '../../outbox/outbox.relay';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { CaseClock } from '../../references/case-clock';
import { ReferenceAllocator } from '../../references/reference-allocator';

type IntakeBatch = ConsumedBatch<typeof Topics.IntakeMessages>;

/**
 * Records a batch of inbound messages in one transaction: new messages get a case and a
 * reference number, redeliveries are counted and create nothing, and the events describing it
 * all go into the outbox in the same transaction. The Kafka offsets are committed after this
 * resolves, so a crash anywhere before commit replays the batch and the unique constraints make
 * the replay harmless.
 */
@Injectable()
export class ProcessInboundBatch {
  private readonly logger = new Logger(ProcessInboundBatch.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly cases: CaseRepository,
    private readonly outbox: OutboxRepository,
    private readonly references: ReferenceAllocator,
    private readonly relay: OutboxRelay,
    private readonly clock: CaseClock,
  ) {}

  async execute(batch: IntakeBatch): Promise<BatchOutcome> {
    const now = this.clock.now();
    const year = this.clock.yearOf(now);
    try {
      await this.references.prepareYear(year);
      const counts = await this.dataSource.transaction(async (em) => {
        const { fresh, duplicates } = await this.messages.record(em, batch);
        const references = await this.references.allocate(em, year, fresh.length);
        const newCases: NewCase[] = fresh.map(({ value: m }, i) => ({
          id: randomUUID(),
          reference: references[i].text,
          referenceYear: year,
          referenceSerial: references[i].serial,
          status: 'created',
          feedbackType: m.declaredType ?? 'complaint',
          channel: m.channel,
          channelAccount: m.channelAccount,
          firstMessageId: m.messageId,
          receivedAt: new Date(m.receivedAt),
          openedAt: now,
          updatedAt: now,
        }));
        await this.cases.insertMany(em, newCases);
        await this.messages.assignCases(
          em,
          newCases.map((c) => ({ messageId: c.firstMessageId, caseId: c.id })),
        );

        // A redelivery answers with the case its first delivery opened (maybe in this very batch).
        const caseOfNewMessage = new Map(newCases.map((c) => [c.firstMessageId, c]));
        const storedReferences = await this.cases.referencesOf(
          em,
          duplicates.flatMap((d) => (d.caseId ? [d.caseId] : [])),
        );
        const duplicateEvents = duplicates.flatMap((d) => {
          const inBatch = caseOfNewMessage.get(d.existingMessageId);
          const caseId = d.caseId ?? inBatch?.id;
          const reference = d.caseId ? storedReferences.get(d.caseId) : inBatch?.reference;
          if (!caseId || !reference) return [];
          return [
            messageDuplicateEvent(
              {
                caseId,
                reference,
                messageId: d.message.value.messageId,
                channel: d.message.value.channel,
              },
              now,
            ),
          ];
        });
        const events: CaseEventV1[] = [...newCases.map(caseCreatedEvent), ...duplicateEvents];
        await this.outbox.enqueue(em, Topics.CaseEvents, events);
        return { cases: newCases.length, duplicates: duplicates.length };
      });
      this.relay.wake();
      this.logger.log(
        { size: batch.length, ...counts, partition: batch[0]?.partition },
        'intake batch recorded',
      );
      return {};
    } catch (error) {
      throw CoreException.from(error);
    }
  }
}
