import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import { DataSource } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { CaseStatusRepository } from './case-status.repository';
import { ChangeCaseStatus } from './change-case-status.usecase';
import { WorkflowException } from './workflow.exception';

const BATCH = 200;

/**
 * Closes resolved cases whose customer stayed silent for CASE_CLOSE_AFTER_RESOLVED_DAYS, as the
 * policy allows. Each goes through ChangeCaseStatus like any other change (actor `system`), so
 * the rules, the history and the event are the same; a case another instance closed first, or
 * that the customer reopened meanwhile, is refused by the workflow and skipped.
 */
@Injectable()
export class CloseQuietCasesJob extends PeriodicJob {
  protected readonly logger = new Logger(CloseQuietCasesJob.name);

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
    private readonly statuses: CaseStatusRepository,
    private readonly changeCaseStatus: ChangeCaseStatus,
  ) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    return {
      failure: 'closing quiet cases failed',
      everyMs: this.config.workflow.closeCheckIntervalMs,
    };
  }

  protected round(): Promise<unknown> {
    return this.tick();
  }

  /** Closes every case quiet long enough at `now`; returns how many it closed. */
  async tick(now: Date = new Date()): Promise<number> {
    const before = new Date(
      now.getTime() - this.config.workflow.closeAfterResolvedDays * 86_400_000,
    );
    let closed = 0;
    for (;;) {
      const references = await this.statuses.resolvedBefore(this.dataSource.manager, before, BATCH);
      let progressed = 0;
      for (const reference of references) {
        try {
          await this.changeCaseStatus.execute({
            reference,
            to: 'closed',
            actor: 'system',
            by: 'system',
            reason: 'no_answer_after_resolved',
            at: now,
          });
          progressed++;
        } catch (error) {
          if (!(error instanceof WorkflowException)) throw error;
        }
      }
      closed += progressed;
      if (references.length < BATCH || progressed === 0) return closed;
    }
  }
}
