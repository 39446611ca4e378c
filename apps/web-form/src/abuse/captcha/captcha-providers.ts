import type { CaptchaProvider } from '../../config/web-form.config';

/** What the page needs to show a provider's widget, and where its answer is checked. */
export interface CaptchaProviderSpec {
  /** The provider's script; the widget fills the response field inside the form. */
  scriptUrl: string;
  widgetClass: string;
  /** Name of the form field the widget fills with its token. */
  responseField: string;
  verifyUrl: string;
  /** Origins the page's Content-Security-Policy must allow for scripts and frames. */
  cspOrigins: string[];
}

export const CAPTCHA_PROVIDER_SPECS: Record<
  Exclude<CaptchaProvider, 'off'>,
  CaptchaProviderSpec
> = {
  hcaptcha: {
    scriptUrl: 'https://js.hcaptcha.com/1/api.js',
    widgetClass: 'h-captcha',
    responseField: 'h-captcha-response',
    verifyUrl: 'https://api.hcaptcha.com/siteverify',
    cspOrigins: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
  },
  turnstile: {
    scriptUrl: 'https://challenges.cloudflare.com/turnstile/v0/api.js',
    widgetClass: 'cf-turnstile',
    responseField: 'cf-turnstile-response',
    verifyUrl: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
    cspOrigins: ['https://challenges.cloudflare.com'],
  },
  recaptcha: {
    scriptUrl: 'https://www.google.com/recaptcha/api.js',
    widgetClass: 'g-recaptcha',
    responseField: 'g-recaptcha-response',
    verifyUrl: 'https://www.google.com/recaptcha/api/siteverify',
    cspOrigins: ['https://www.google.com', 'https://www.gstatic.com'],
  },
};

export function captchaProviderSpec(provider: CaptchaProvider): CaptchaProviderSpec | undefined {
  return provider === 'off' ? undefined : CAPTCHA_PROVIDER_SPECS[provider];
}
