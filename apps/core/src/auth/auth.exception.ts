import { GatewayException } from '@app/platform';

/** Failures of token management: unknown token, a manager without a region... */
export class AuthException extends GatewayException {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, false, details);
  }
}
