import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayMetrics } from '@app/metrics';
import { WebFormException } from '../submission/web-form.exception';
import { CAPTCHA_VERIFIER, type CaptchaVerifier } from './captcha/captcha-verifier';

/**
 * The honeypot: a field people never see (hidden by the page's CSS, skipped by screen readers
 * and the tab order) but form-filling bots do. A submission that fills it is answered as if it
 * had been accepted, so the bot learns nothing, and nothing is stored or published.
 */
export const HONEYPOT_FIELD = 'website';

@Injectable()
export class SubmissionScreen {
  private readonly logger = new Logger(SubmissionScreen.name);

  constructor(
    @Inject(CAPTCHA_VERIFIER) private readonly captchaVerifier: CaptchaVerifier,
    private readonly metrics: GatewayMetrics,
  ) {}

  get captchaEnabled(): boolean {
    return this.captchaVerifier.enabled;
  }

  /** True when the honeypot is filled; counts and logs it (without the content). */
  trapped(honeypot: unknown): boolean {
    const filled = typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot != null;
    if (filled) {
      this.metrics.messagesRejected.inc({ channel: 'web-form', reason: 'honeypot' });
      this.logger.warn('honeypot filled: answered as accepted, nothing published');
    }
    return filled;
  }

  /** Whether the captcha was solved; throws a retriable exception when its provider is down. */
  async captchaSolved(token: unknown, remoteIp: string | undefined): Promise<boolean> {
    if (!this.captchaVerifier.enabled) return true;
    const verdict = await this.captchaVerifier.verify(
      typeof token === 'string' ? token : undefined,
      remoteIp,
    );
    if (verdict === 'unavailable') {
      throw new WebFormException('captcha_unavailable', 'captcha provider unavailable', true);
    }
    if (verdict === 'failed') {
      this.metrics.messagesRejected.inc({ channel: 'web-form', reason: 'captcha_failed' });
    }
    return verdict === 'passed';
  }
}
