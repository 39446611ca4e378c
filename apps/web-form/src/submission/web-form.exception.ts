import { GatewayException } from '@app/platform';

export class WebFormException extends GatewayException {
  constructor(code: string, message: string, retriable = false, details?: unknown) {
    super(code, message, retriable, details);
  }
}
