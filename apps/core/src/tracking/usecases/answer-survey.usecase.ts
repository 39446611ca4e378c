import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseHistoryRepository } from '../../cases/case-history.repository';
import { SurveyRepository } from '../../surveys/survey.repository';
import { CaseVerifier } from '../case-verifier';
import type { SurveyAnswerRequest, TrackResponse } from '../dto/track.dto';
import { TrackingException } from '../tracking.exception';
import { TrackingRepository } from '../tracking.repository';
import { TrackCase } from './track-case.usecase';

/** The satisfaction survey answered on the tracking page: a score 1-5 and a comment, kept with the case. */
@Injectable()
export class AnswerSurvey {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: CaseVerifier,
    private readonly surveys: SurveyRepository,
    private readonly history: CaseHistoryRepository,
    private readonly tracking: TrackingRepository,
    private readonly trackCase: TrackCase,
  ) {}

  async execute(
    reference: string,
    request: SurveyAnswerRequest,
    ip: string,
  ): Promise<TrackResponse> {
    const found = await this.verifier.verify(reference, request.verify, ip);
    if (found.status !== 'resolved' && found.status !== 'closed') {
      throw new TrackingException(
        'track.survey_closed',
        'the survey opens once the case is resolved',
      );
    }
    const at = new Date();
    await this.dataSource.transaction(async (em) => {
      await this.surveys.answer(em, found.caseId, {
        score: request.score,
        comment: request.comment || null,
        via: 'tracking',
        at,
      });
      await this.history.append(em, [
        {
          caseId: found.caseId,
          at,
          kind: 'survey_answered',
          actor: 'customer',
          details: { score: request.score, via: 'tracking' },
        },
      ]);
    });
    return this.trackCase.respond((await this.tracking.find(found.reference)) ?? found);
  }
}
