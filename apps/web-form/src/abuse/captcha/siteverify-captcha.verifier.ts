import { Logger } from '@nestjs/common';
import { errorMessage } from '@app/platform';
import type { CaptchaVerdict, CaptchaVerifier } from './captcha-verifier';

const TIMEOUT_MS = 5_000;

/**
 * The verify call hCaptcha, Cloudflare Turnstile and reCAPTCHA share: POST
 * `secret`, `response` and `remoteip` form-encoded, read `{ "success": boolean }`. A provider
 * that cannot be reached is `unavailable` (the customer is asked to try again), not a pass.
 */
export class SiteverifyCaptchaVerifier implements CaptchaVerifier {
  readonly enabled = true;
  private readonly logger = new Logger(SiteverifyCaptchaVerifier.name);

  constructor(
    private readonly verifyUrl: string,
    private readonly secret: string,
  ) {}

  async verify(token: string | undefined, remoteIp: string | undefined): Promise<CaptchaVerdict> {
    if (!token || token.length > 4_096) return 'failed';
    const form = new URLSearchParams({ secret: this.secret, response: token });
    if (remoteIp) form.set('remoteip', remoteIp);
    try {
      const response = await fetch(this.verifyUrl, {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) {
        this.logger.warn({ status: response.status }, 'captcha verify endpoint refused the call');
        return 'unavailable';
      }
      const answer = (await response.json()) as { success?: unknown; 'error-codes'?: unknown };
      if (answer.success === true) return 'passed';
      this.logger.log({ errorCodes: answer['error-codes'] }, 'captcha not solved');
      return 'failed';
    } catch (error) {
      this.logger.warn({ error: errorMessage(error) }, 'captcha verify endpoint unreachable');
      return 'unavailable';
    }
  }
}
