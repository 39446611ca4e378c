import { Inject, Injectable } from '@nestjs/common';
import type { Language } from '@app/contracts';
import { GatewayMetrics } from '@app/metrics';
import { HttpEdgeException, zodFieldErrors } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { SubmissionScreen } from '../../abuse/submission-screen';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../../config/web-form.config';
import type { SubmissionAccepted } from '../dto/submission-accepted';
import { webFormSubmissionSchema } from '../dto/web-form-submission.schema';
import { SubmitFeedback } from './submit-feedback.usecase';

export interface ApiSubmissionCommand {
  body: unknown;
  idempotencyKey?: string;
  language: Language;
  remoteIp?: string;
}

/**
 * `POST /api/v1/web-form` for headless sites: honeypot first (a bot gets a 202 like anyone and
 * nothing is published), then validation with a message per field, then the captcha if one is
 * configured, then the submission itself.
 */
@Injectable()
export class AcceptApiSubmission {
  private readonly schema: ReturnType<typeof webFormSubmissionSchema>;

  constructor(
    @Inject(WEB_FORM_CONFIG) config: WebFormConfig,
    private readonly screen: SubmissionScreen,
    private readonly submitFeedback: SubmitFeedback,
    private readonly metrics: GatewayMetrics,
  ) {
    this.schema = webFormSubmissionSchema(config.phoneDefaultRegion);
  }

  async execute(command: ApiSubmissionCommand): Promise<SubmissionAccepted> {
    const body: unknown = command.body ?? {};
    const honeypot: unknown =
      typeof body === 'object' && body !== null ? Reflect.get(body, 'website') : undefined;
    if (this.screen.trapped(honeypot)) return { messageId: randomUUID() };
    const parsed = this.schema.safeParse(body);
    if (!parsed.success) {
      this.metrics.messagesRejected.inc({ channel: 'web-form', reason: 'validation_failed' });
      throw HttpEdgeException.validation(zodFieldErrors(parsed.error, body));
    }
    const { website: _honeypot, captchaToken, ...submission } = parsed.data;
    if (!(await this.screen.captchaSolved(captchaToken, command.remoteIp))) {
      throw HttpEdgeException.validation([{ field: 'captchaToken', rule: 'captcha_failed' }]);
    }
    return this.submitFeedback.execute({
      submission,
      idempotencyKey: command.idempotencyKey,
      language: command.language,
      via: 'api',
    });
  }
}
