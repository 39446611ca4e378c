import { Inject, Injectable } from '@nestjs/common';
import type { Language } from '@app/contracts';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { FormRenderer, type FieldProblem } from '../page/form-renderer';
import type { PageResponse } from '../page/page-response';
import type { TrackStatus, Verification } from './dto/track-status';
import type { TrackValues } from './track-form';
import { trackPage, type TrackView } from './views/track.view';

/** Builds the tracking page: messages in the page's language, dates in the organisation's zone. */
@Injectable()
export class TrackPageRenderer {
  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly forms: FormRenderer,
  ) {}

  lookUp(args: {
    lang: Language;
    status: number;
    values: TrackValues;
    problems?: readonly FieldProblem[];
    banner?: TrackView['banner'];
    retryAfterSeconds?: number;
  }): PageResponse {
    const html = trackPage({
      lang: args.lang,
      timeZone: this.config.timeZone,
      values: args.values,
      errors: this.forms.messages(args.lang, args.problems ?? []),
      banner: args.banner,
    });
    return { status: args.status, html, retryAfterSeconds: args.retryAfterSeconds };
  }

  caseStatus(args: {
    lang: Language;
    status: number;
    caseStatus: TrackStatus;
    verification: Verification;
    banner?: TrackView['banner'];
    answer?: { comment?: string; score?: number; problems: readonly FieldProblem[] };
  }): PageResponse {
    const html = trackPage({
      lang: args.lang,
      timeZone: this.config.timeZone,
      values: args.verification,
      errors: {},
      banner: args.banner,
      status: args.caseStatus,
      verification: args.verification,
      answer: args.answer && {
        comment: args.answer.comment,
        score: args.answer.score,
        errors: this.forms.messages(args.lang, args.answer.problems),
      },
    });
    return { status: args.status, html };
  }
}
