import type { CaptchaConfig } from '../../config/web-form.config';
import { captchaProviderSpec } from './captcha-providers';
import { CaptchaOff, type CaptchaVerifier } from './captcha-verifier';
import { SiteverifyCaptchaVerifier } from './siteverify-captcha.verifier';

export function createCaptchaVerifier(config: CaptchaConfig): CaptchaVerifier {
  const spec = captchaProviderSpec(config.provider);
  if (!spec || !config.secret) return new CaptchaOff();
  return new SiteverifyCaptchaVerifier(config.verifyUrl ?? spec.verifyUrl, config.secret);
}
