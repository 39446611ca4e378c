import { Injectable } from '@nestjs/common';
import type { Language } from '@app/contracts';
import type { FieldProblem } from '../../page/form-renderer';
import type { PageResponse } from '../../page/page-response';
import { CoreTrackingClient } from '../core-tracking.client';
import type { Verification } from '../dto/track-status';
import { TRACK_TEXTS } from '../i18n/track-texts';
import { TrackPageRenderer } from '../track-page.renderer';
import { checkTrackValues, trackValues } from '../track-form';
import { TrackingException } from '../tracking.exception';
import type { TrackView } from '../views/track.view';

export interface TrackCommand {
  body: Record<string, unknown>;
  language: Language;
  clientIp?: string;
}

/**
 * `POST /track`: checks the reference (check digit) and the second factor, asks core, and shows
 * the status timeline, or the form again with why not. Core answers a wrong number and a wrong
 * factor alike, and so does this page.
 */
@Injectable()
export class LookUpStatus {
  constructor(
    private readonly core: CoreTrackingClient,
    private readonly pages: TrackPageRenderer,
  ) {}

  async execute(command: TrackCommand): Promise<PageResponse> {
    const values = trackValues(command.body);
    const checked = checkTrackValues(values);
    if (!checked.ok) {
      return this.pages.lookUp({
        lang: command.language,
        status: 400,
        values,
        problems: checked.problems,
      });
    }
    return this.show(command.language, checked.verification, command.clientIp);
  }

  /** The case's status page, optionally with a banner or the problems of a refused answer. */
  async show(
    lang: Language,
    verification: Verification,
    clientIp: string | undefined,
    extra: {
      status?: number;
      banner?: TrackView['banner'];
      answer?: { comment?: string; score?: number; problems: readonly FieldProblem[] };
    } = {},
  ): Promise<PageResponse> {
    try {
      const caseStatus = await this.core.status(verification, clientIp);
      return this.pages.caseStatus({
        lang,
        status: extra.status ?? 200,
        caseStatus,
        verification,
        banner: extra.banner,
        answer: extra.answer,
      });
    } catch (error) {
      return this.refusal(lang, verification, error);
    }
  }

  /**
   * Passes an answer of the customer's to core, then shows the case as it now stands: with
   * `thanks`, or with why core refused it.
   */
  async answered(
    lang: Language,
    verification: Verification,
    clientIp: string | undefined,
    send: () => Promise<void>,
    thanks: string,
  ): Promise<PageResponse> {
    try {
      await send();
    } catch (error) {
      if (error instanceof TrackingException && error.code === 'track_refused') {
        return this.show(lang, verification, clientIp, {
          status: 409,
          banner: { kind: 'warn', text: TRACK_TEXTS[lang].refused },
        });
      }
      return this.refusal(lang, verification, error);
    }
    return this.show(lang, verification, clientIp, { banner: { kind: 'ok', text: thanks } });
  }

  /** Core said no or could not answer: the look-up form, kept, with the reason. */
  refusal(lang: Language, verification: Verification, error: unknown): PageResponse {
    if (!(error instanceof TrackingException)) throw error;
    const t = TRACK_TEXTS[lang];
    const values = { reference: verification.reference, verify: verification.verify };
    switch (error.code) {
      case 'track_not_found':
        return this.pages.lookUp({
          lang,
          status: 404,
          values,
          banner: { kind: 'warn', text: t.notFound },
        });
      case 'track_rate_limited':
        return this.pages.lookUp({
          lang,
          status: 429,
          values,
          banner: { kind: 'warn', text: t.rateLimited },
          retryAfterSeconds: error.retryAfterSeconds,
        });
      default:
        return this.pages.lookUp({
          lang,
          status: 503,
          values,
          banner: { kind: 'warn', text: t.unavailable },
          retryAfterSeconds: 30,
        });
    }
  }
}
