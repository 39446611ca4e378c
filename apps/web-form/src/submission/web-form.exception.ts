import { GatewayException } from '@app/platform';

export class WebFormException extends GatewayException {
  constructor(code: string, message: string, retriable = false) {
    super(code, message, retriable);
  }
}
