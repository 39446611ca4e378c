import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentRef, Language } from '@app/contracts';
import { GatewayMetrics } from '@app/metrics';
import { isRetriable, translate, zodFieldErrors } from '@app/platform';
import { createHash } from 'node:crypto';
import { captchaProviderSpec } from '../../abuse/captcha/captcha-providers';
import { HONEYPOT_FIELD, SubmissionScreen } from '../../abuse/submission-screen';
import { AttachmentIntake } from '../../attachments/attachment-intake';
import type { ReceivedFile } from '../../attachments/attachment-upload.storage';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../../config/web-form.config';
import { StoreCatalogue } from '../../stores/store-catalogue';
import {
  feedbackSchema,
  type WebFormSubmission,
} from '../../submission/dto/web-form-submission.schema';
import { SubmitFeedback } from '../../submission/usecases/submit-feedback.usecase';
import { FormRenderer, type FieldProblem } from '../form-renderer';
import { feedbackInput, fieldValue, fieldValues, formValues, type FormValues } from '../page-form';
import type { PageResponse } from '../page-response';
import { PAGE_TEXTS } from '../i18n/page-texts';
import { confirmationPage } from '../views/confirmation.view';

export interface PageSubmissionCommand {
  body: Record<string, unknown>;
  files: readonly ReceivedFile[];
  language: Language;
  remoteIp?: string;
}

interface StoreChoice {
  storeCode?: string;
  storeText?: string;
  problem?: FieldProblem;
}

/**
 * `POST /`: the form without JavaScript. Answers with a page: the confirmation (with the
 * reference when core gave it in time), the same form with a message under each wrong field and
 * everything kept (files too, as claim checks), or, when Kafka cannot take it, the form kept
 * with a "please send again" banner (503).
 */
@Injectable()
export class SubmitPageForm {
  private readonly schema: ReturnType<typeof feedbackSchema>;

  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly screen: SubmissionScreen,
    private readonly attachments: AttachmentIntake,
    private readonly stores: StoreCatalogue,
    private readonly submitFeedback: SubmitFeedback,
    private readonly forms: FormRenderer,
    private readonly metrics: GatewayMetrics,
  ) {
    this.schema = feedbackSchema(config.phoneDefaultRegion);
  }

  async execute(command: PageSubmissionCommand): Promise<PageResponse> {
    const { body, language: lang } = command;
    if (this.screen.trapped(fieldValue(body, HONEYPOT_FIELD))) {
      return {
        status: 200,
        html: confirmationPage({ lang, trackingUrl: this.config.trackingUrl }),
      };
    }
    const values = formValues(body);
    const problems: FieldProblem[] = [];
    let kept: AttachmentRef[] = [];
    try {
      const captchaField = captchaProviderSpec(this.config.captcha.provider)?.responseField;
      const human = await this.screen.captchaSolved(
        captchaField && fieldValue(body, captchaField),
        command.remoteIp,
      );
      if (!human) problems.push({ field: 'captcha', rule: 'captcha_failed' });
      const parsed = this.schema.safeParse(feedbackInput(values));
      if (!parsed.success) problems.push(...zodFieldErrors(parsed.error, feedbackInput(values)));
      const store = await this.chooseStore(values.store);
      if (store.problem) problems.push(store.problem);
      const checked = await this.attachments.check(command.files, fieldValues(body, 'kept'));
      problems.push(...checked.problems.map((p) => ({ field: 'attachments', ...p })));
      // Good files are stored even when something else is wrong, so the customer need not pick
      // them again; not for a failed captcha, which is what a bot filling our disk would get.
      kept = human
        ? [...checked.kept, ...(await this.attachments.store(checked.fresh))]
        : checked.kept;
      if (problems.length > 0 || !parsed.success) {
        this.metrics.messagesRejected.inc({ channel: 'web-form', reason: 'validation_failed' });
        return this.forms.render({ lang, status: 400, values, problems, kept });
      }
      const submission: WebFormSubmission = { ...parsed.data, storeCode: store.storeCode };
      const accepted = await this.submitFeedback.execute({
        submission,
        attachments: kept,
        idempotencyKey: idempotencyKey(values, submission, kept, store.storeText),
        language: lang,
        via: 'page',
        storeText: store.storeText,
      });
      return {
        status: 200,
        html: confirmationPage({
          lang,
          reference: accepted.reference,
          trackingUrl: this.config.trackingUrl,
        }),
      };
    } catch (error) {
      if (!isRetriable(error)) throw error;
      return this.tryAgain(lang, values, kept, error);
    }
  }

  /** The form as sent, with a banner asking to send it again: Kafka (or a provider) is away. */
  private tryAgain(lang: Language, values: FormValues, kept: AttachmentRef[], error: unknown) {
    const code = (error as { code?: unknown }).code;
    const banner =
      code === 'publish_failed' || typeof code !== 'string'
        ? PAGE_TEXTS[lang].unavailable
        : translate(this.forms.catalog, lang, code, 'unavailable');
    return this.forms.render({ lang, status: 503, values, kept, banner, retryAfterSeconds: 5 });
  }

  /** A store picked from the list, its code typed in, or (with no list to check) free text. */
  private async chooseStore(text: string | undefined): Promise<StoreChoice> {
    const typed = text?.trim();
    if (!typed) return {};
    const found = await this.stores.find(typed);
    if (found) return { storeCode: found.code };
    const list = await this.stores.list();
    if (list.available && list.stores.length > 0) {
      return { problem: { field: 'store', rule: 'unknown' } };
    }
    return { storeText: typed.slice(0, 200) };
  }
}

/**
 * One key per form shown and per content: a second tap or a reload sends the same message again
 * (core recognises it), while the form corrected after a 503 is a submission of its own.
 */
function idempotencyKey(
  values: FormValues,
  submission: WebFormSubmission,
  attachments: AttachmentRef[],
  storeText: string | undefined,
): string {
  const content = JSON.stringify([submission, attachments.map((a) => a.sha256), storeText ?? null]);
  return `page:${values.formKey}:${createHash('sha256').update(content).digest('hex')}`;
}
