import { Injectable } from '@nestjs/common';
import { fieldValue } from '../../page/page-form';
import type { PageResponse } from '../../page/page-response';
import { CoreTrackingClient } from '../core-tracking.client';
import { TRACK_TEXTS } from '../i18n/track-texts';
import { TrackPageRenderer } from '../track-page.renderer';
import { checkTrackValues, commentOf, trackValues } from '../track-form';
import { LookUpStatus, type TrackCommand } from './look-up-status.usecase';

/**
 * `POST /track/agreement`: the customer's "I agree, close it" or "The problem remains" on a
 * resolved case, passed to core, then the case shown again as it now stands.
 */
@Injectable()
export class AnswerAgreement {
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
    const answer = fieldValue(body, 'agree');
    const { comment, tooLong } = commentOf(body);
    if ((answer !== 'yes' && answer !== 'no') || tooLong) {
      const problems = tooLong ? [{ field: 'comment', rule: 'too_long' }] : [];
      return this.lookUp.show(lang, v, command.clientIp, {
        status: 400,
        answer: { comment, problems },
      });
    }
    const thanks = TRACK_TEXTS[lang].thanks;
    return this.lookUp.answered(
      lang,
      v,
      command.clientIp,
      () => this.core.agreement(v, { agree: answer === 'yes', comment }, command.clientIp),
      answer === 'yes' ? thanks.agreed : thanks.disagreed,
    );
  }
}
