import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentRef, Language } from '@app/contracts';
import { mergeCatalogs, PLATFORM_ERRORS, translate, type ErrorCatalog } from '@app/platform';
import { captchaProviderSpec } from '../abuse/captcha/captcha-providers';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { StoreCatalogue } from '../stores/store-catalogue';
import { WEB_FORM_ERRORS } from '../submission/web-form.errors';
import { emptyForm, type FormValues } from './page-form';
import type { PageResponse } from './page-response';
import { formPage, type FormView } from './views/form.view';
import { fill } from './views/html';

/** A field's problem before it is put into words: the rule, and the file it is about. */
export interface FieldProblem {
  field: string;
  rule: string;
  filename?: string;
}

export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Builds the form page: the fields as typed, the messages in the page's language, the stores. */
@Injectable()
export class FormRenderer {
  readonly catalog: ErrorCatalog = mergeCatalogs(PLATFORM_ERRORS, WEB_FORM_ERRORS);

  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly stores: StoreCatalogue,
  ) {}

  blank(lang: Language): Promise<PageResponse> {
    return this.render({ lang, status: 200, values: emptyForm() });
  }

  async render(args: {
    lang: Language;
    status: number;
    values: FormValues;
    problems?: readonly FieldProblem[];
    kept?: readonly AttachmentRef[];
    banner?: string;
    retryAfterSeconds?: number;
  }): Promise<PageResponse> {
    const spec = captchaProviderSpec(this.config.captcha.provider);
    const view: FormView = {
      lang: args.lang,
      values: args.values,
      errors: this.messages(args.lang, args.problems ?? []),
      stores: await this.stores.list(),
      kept: args.kept ?? [],
      limits: {
        ...this.config.attachments,
        sizeText: formatSize(this.config.attachments.maxBytes),
      },
      notice: {
        controller: this.config.dataController,
        contact: this.config.privacyContact,
        version: this.config.consentNoticeVersion,
      },
      banner: args.banner,
      captcha:
        spec && this.config.captcha.siteKey
          ? {
              widgetClass: spec.widgetClass,
              siteKey: this.config.captcha.siteKey,
              scriptUrl: spec.scriptUrl,
            }
          : undefined,
    };
    return { status: args.status, html: formPage(view), retryAfterSeconds: args.retryAfterSeconds };
  }

  /** One list of messages per field, in the order the problems were found. */
  messages(lang: Language, problems: readonly FieldProblem[]): Record<string, string[]> {
    const byField: Record<string, string[]> = {};
    const limits = {
      max: this.config.attachments.maxFiles,
      size: formatSize(this.config.attachments.maxBytes),
    };
    for (const p of problems) {
      const text = fill(translate(this.catalog, lang, `${p.field}.${p.rule}`, p.rule), limits);
      const message = p.filename ? `${p.filename}: ${text}` : text;
      const messages = (byField[p.field] ??= []);
      if (!messages.includes(message)) messages.push(message);
    }
    return byField;
  }
}
