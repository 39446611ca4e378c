import { Injectable } from '@nestjs/common';
import { ChangeCaseStatus } from '../../workflow/change-case-status.usecase';
import { CaseVerifier } from '../case-verifier';
import type { AgreementRequest, TrackResponse } from '../dto/track.dto';
import { TrackingException } from '../tracking.exception';
import { TrackingAnswersRepository } from '../tracking-answers.repository';
import { TrackingRepository } from '../tracking.repository';
import { TrackCase } from './track-case.usecase';

/**
 * The customer's word on a resolved case: they agree (the case closes, as ISO 10002 wants it
 * closed) or the problem remains (it goes back to In Progress). The workflow checks the move.
 */
@Injectable()
export class RecordAgreement {
  constructor(
    private readonly verifier: CaseVerifier,
    private readonly changeStatus: ChangeCaseStatus,
    private readonly answers: TrackingAnswersRepository,
    private readonly tracking: TrackingRepository,
    private readonly trackCase: TrackCase,
  ) {}

  async execute(reference: string, request: AgreementRequest, ip: string): Promise<TrackResponse> {
    const found = await this.verifier.verify(reference, request.verify, ip);
    if (found.status !== 'resolved') {
      throw new TrackingException(
        'track.not_awaiting_agreement',
        'the case is not waiting for the customer agreement',
      );
    }
    await this.changeStatus.execute({
      reference: found.reference,
      to: request.agree ? 'closed' : 'in_progress',
      actor: 'customer',
      by: 'customer',
      reason: request.agree ? 'customer_agreed' : 'customer_says_problem_remains',
    });
    await this.answers.recordAgreement(found.caseId, {
      agree: request.agree,
      comment: request.comment || null,
      via: 'tracking',
    });
    return this.trackCase.respond((await this.tracking.find(found.reference)) ?? found);
  }
}
