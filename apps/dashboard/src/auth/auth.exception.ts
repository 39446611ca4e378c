import { GatewayException } from '@app/platform';

/** `unauthorized`: no valid session or token (401); `csrf_failed`: a form not from our page (403). */
export class AuthException extends GatewayException {
  constructor(code: 'unauthorized' | 'csrf_failed', message: string) {
    super(code, message, false);
  }
}
