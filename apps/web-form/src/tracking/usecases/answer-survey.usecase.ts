import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '../../page/form-renderer';
import type { PageResponse } from '../../page/page-response';
import { CoreTrackingClient } from '../core-tracking.client';
import { TRACK_TEXTS } from '../i18n/track-texts';
import { TrackPageRenderer } from '../track-page.renderer';
import { checkTrackValues, commentOf, scoreOf, trackValues } from '../track-form';
import { LookUpStatus, type TrackCommand } from './look-up-status.usecase';

/** `POST /track/survey`: a score from 1 to 5 and an optional comment, passed to core. */
@Injectable()
export class AnswerSurvey {
  constructor(
    private readonly core: CoreTrackingClient,
    private readonly lookUp: LookUpStatus,
    private readonly pages: TrackPageRenderer,
  ) {}

  async execute(command: TrackCommand): Promise<PageResponse> {
    const { language: lang, body } = command;
    const values = trackValues(body);
    const checked = checkTrackValues(values);
    if (!checked.ok) {
      return this.pages.lookUp({ lang, status: 400, values, problems: checked.problems });
    }
    const v = checked.verification;
    const score = scoreOf(body);
    const { comment, tooLong } = commentOf(body);
    const problems: FieldProblem[] = [];
    if (score === undefined) problems.push({ field: 'score', rule: 'required' });
    if (tooLong) problems.push({ field: 'comment', rule: 'too_long' });
    if (problems.length > 0 || score === undefined) {
      return this.lookUp.show(lang, v, command.clientIp, {
        status: 400,
        answer: { comment, score, problems },
      });
    }
    return this.lookUp.answered(
      lang,
      v,
      command.clientIp,
      () => this.core.survey(v, { score, comment }, command.clientIp),
      TRACK_TEXTS[lang].thanks.survey,
    );
  }
}
