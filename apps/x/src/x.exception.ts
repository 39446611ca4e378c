import { GatewayException } from '@app/platform';

/** The X adapter's own failures; `retriable` says whether the same call may work later. */
export class XException extends GatewayException {
  constructor(code: string, message: string, retriable = false, options?: ErrorOptions) {
    super(code, message, retriable, undefined, options);
  }
}
