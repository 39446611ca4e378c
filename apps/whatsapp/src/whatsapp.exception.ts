import { GatewayException } from '@app/platform';

/** Failures of the WhatsApp adapter; `retriable` says whether Meta's retry (or ours) may work. */
export class WhatsAppException extends GatewayException {
  constructor(code: string, message: string, retriable = false, details?: unknown) {
    super(code, message, retriable, details);
  }
}
