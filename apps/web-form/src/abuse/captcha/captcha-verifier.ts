/** Outcome of checking a captcha answer with its provider. */
export type CaptchaVerdict = 'passed' | 'failed' | 'unavailable';

/**
 * A pluggable captcha check. The page and the JSON API ask it before anything is stored or
 * published; `enabled` false (the default) means no widget on the page and no check.
 */
export interface CaptchaVerifier {
  readonly enabled: boolean;
  verify(token: string | undefined, remoteIp: string | undefined): Promise<CaptchaVerdict>;
}

export const CAPTCHA_VERIFIER = Symbol('CAPTCHA_VERIFIER');

export class CaptchaOff implements CaptchaVerifier {
  readonly enabled = false;

  verify(): Promise<CaptchaVerdict> {
    return Promise.resolve('passed');
  }
}
