import { Inject, Injectable } from '@nestjs/common';
import { Topics, type CaseStatus } from '@app/contracts';
import { DataSource } from 'typeorm';
import { caseStatusChangedEvent } from '../cases/case-events';
import { CaseHistoryRepository } from '../cases/case-history.repository';
import { caseNotFound, ownReference } from '../cases/case-reference';
import { CaseRepository } from '../cases/case.repository';
import { toCaseResponse, type CaseResponse } from '../cases/dto/case.response';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxRepository } from '../outbox/outbox.repository';
import { checkTransition, type StatusActor } from './case-workflow';
import { CaseStatusRepository } from './case-status.repository';
import { WorkflowException } from './workflow.exception';

export interface ChangeCaseStatusCommand {
  reference: string;
  to: CaseStatus;
  actor: StatusActor;
  /** Who: the ops token's name, 'customer' or 'system'. Goes into history and the event. */
  by: string;
  /** Why, without personal data: shown to ops and on the timeline. */
  reason?: string;
  /** A manager's region: a case of another region is answered as not found. */
  regionScope?: string | null;
  /** The moment of the change; defaults to now (the quiet-period job passes its own clock). */
  at?: Date;
}

/**
 * The only way a case changes status, whoever asks: the ops API, the customer's agreement or
 * reopen (tracking page, reply), the quiet-period job. The transition is checked against the
 * workflow under a row lock, and the change, its history entry and `case.status_changed` are
 * written in one transaction (the outbox publishes the event).
 */
@Injectable()
export class ChangeCaseStatus {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly statuses: CaseStatusRepository,
    private readonly history: CaseHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(command: ChangeCaseStatusCommand): Promise<CaseResponse> {
    const reference = ownReference(command.reference, this.config.referencePrefix);
    if (!reference) throw caseNotFound();
    const at = command.at ?? new Date();
    await this.dataSource.transaction(async (em) => {
      const found = await this.cases.lockByReference(em, reference);
      if (!found || (command.regionScope && found.regionCode !== command.regionScope))
        throw caseNotFound();
      const from = found.status;
      const check = checkTransition(from, command.to, {
        actor: command.actor,
        resolvedAt: found.resolvedAt,
        now: at,
        quietPeriodMs: this.config.workflow.closeAfterResolvedDays * 86_400_000,
      });
      if (!check.ok)
        throw new WorkflowException(check.code, check.message, { from, to: command.to });
      await this.statuses.setStatus(em, found.id, command.to, at);
      const change = {
        from,
        to: command.to,
        actor: command.actor,
        by: command.by,
        ...(command.reason ? { reason: command.reason } : {}),
      };
      await this.history.append(em, [
        { caseId: found.id, at, kind: 'status_changed', actor: command.by, details: change },
      ]);
      // Every case opened by intake has a customer; the event needs one to answer them.
      if (found.customerId) {
        await this.outbox.enqueue(em, Topics.CaseEvents, [
          caseStatusChangedEvent({ ...found, customerId: found.customerId }, change, at),
        ]);
      }
    });
    this.relay.wake();
    const updated = await this.cases.findByReference(reference);
    return toCaseResponse(updated!);
  }
}
