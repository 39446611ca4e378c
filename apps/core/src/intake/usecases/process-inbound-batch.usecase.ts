import { Injectable, Logger } from '@nestjs/common';
import type { Topics } from '@app/contracts';
import type { BatchOutcome, ConsumedBatch } from '@app/kafka';
import { DataSource, type EntityManager } from 'typeorm';
import type { NewCaseRecord } from '../../cases/case-record';
import { GatewayMetrics } from '@app/metrics';
import { CaseRepository } from '../../cases/case.repository';
import { CoreException } from '../../core.exception';
import { CustomerResolver, type ResolvedCustomers } from '../../customers/customer-resolver';
import { MessageRepository } from '../../messages/message.repository';
import { OutboxRelay } from '../../outbox/outbox.relay';
import { CaseClock } from '../../references/case-clock';
import { ReferenceAllocator } from '../../references/reference-allocator';
import { CaseOpener } from '../pipeline/case-opener';
import type { IntakeContext } from '../pipeline/intake-context';
import { IntakeContextRepository } from '../pipeline/intake-context.repository';
import type { IntakePlan } from '../pipeline/intake-plan';
import { IntakePlanWriter } from '../pipeline/intake-plan.writer';
import { IntakePlanner } from '../pipeline/intake-planner';

type IntakeBatch = ConsumedBatch<typeof Topics.IntakeMessages>;

/**
 * Core, for each batch of inbound messages (DESIGN.md, "Core, in order"): find each sender's
 * customer (its own short transaction), then in one transaction tell first deliveries from
 * redeliveries, load what the decisions need, decide in order where each new message belongs
 * (a thread, the same complaint again, or a new case), open the new cases (reference,
 * classification, routing, SLA) and write it all with its events in the outbox. Kafka offsets are
 * committed after this resolves: a crash before replays the batch, and the unique constraints make
 * the replay create nothing twice.
 */
@Injectable()
export class ProcessInboundBatch {
  private readonly logger = new Logger(ProcessInboundBatch.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerResolver,
    private readonly messages: MessageRepository,
    private readonly contexts: IntakeContextRepository,
    private readonly planner: IntakePlanner,
    private readonly references: ReferenceAllocator,
    private readonly opener: CaseOpener,
    private readonly cases: CaseRepository,
    private readonly writer: IntakePlanWriter,
    private readonly relay: OutboxRelay,
    private readonly clock: CaseClock,
    private readonly metrics: GatewayMetrics,
  ) {}

  async execute(batch: IntakeBatch): Promise<BatchOutcome> {
    const now = this.clock.now();
    const year = this.clock.yearOf(now);
    const timer = this.metrics.processingSeconds.startTimer({ stage: 'intake_batch' });
    try {
      await this.references.prepareYear(year);
      // Redeliveries are included, harmlessly: which messages are new is known only later.
      const customers = await this.customers.resolve(batch.map((m) => m.value));
      const { plan, opened } = await this.dataSource.transaction((em) =>
        this.process(em, batch, customers, now, year),
      );
      this.relay.wake();
      timer();
      // Counted once committed: a rolled-back batch is counted when its retry commits.
      for (const m of plan.messages) {
        this.metrics.messagesReceived.inc({
          channel: m.message.channel,
          account: m.message.channelAccount,
        });
      }
      for (const r of plan.redeliveries)
        this.metrics.duplicates.inc({ channel: r.message.channel });
      this.logger.debug(
        {
          size: batch.length,
          opened,
          joined: plan.joining.length,
          redelivered: plan.redeliveries.length,
          partition: batch[0]?.partition,
        },
        'intake batch recorded',
      );
      return {};
    } catch (error) {
      throw CoreException.from(error);
    }
  }

  private async process(
    em: EntityManager,
    batch: IntakeBatch,
    customers: ResolvedCustomers,
    now: Date,
    year: number,
  ) {
    const sorted = await this.messages.sort(em, batch);
    const fresh = sorted.fresh.map((m) => m.value);
    const context = await this.contexts.load(em, this.planner.contextQuery(fresh, customers));
    const plan = this.planner.plan(sorted, customers.customerOf, context);
    const allocated = await this.references.allocate(em, year, plan.opening.length);
    const opened = plan.opening.map((p, i) => this.opener.open(p, allocated[i], now));
    await this.writer.write(
      em,
      plan,
      opened,
      await this.referencesNamed(em, plan, opened, context),
      now,
    );
    return { plan, opened: opened.length };
  }

  /** The reference of every case the batch's events name: new, joined, quoted or redelivered to. */
  private async referencesNamed(
    em: EntityManager,
    plan: IntakePlan,
    opened: NewCaseRecord[],
    context: IntakeContext,
  ): Promise<Map<string, string>> {
    const references = new Map(opened.map((c) => [c.id, c.reference]));
    const named = [
      ...plan.joining.map((m) => m.caseId),
      ...opened.flatMap((c) => c.relatedCaseIds),
      ...plan.redeliveries.flatMap((r) => (r.caseId ? [r.caseId] : [])),
    ];
    const unknown: string[] = [];
    for (const id of named) {
      if (references.has(id)) continue;
      const known = context.caseById(id)?.reference;
      if (known) references.set(id, known);
      else unknown.push(id);
    }
    for (const [id, reference] of await this.cases.referencesOf(em, unknown))
      references.set(id, reference);
    return references;
  }
}
