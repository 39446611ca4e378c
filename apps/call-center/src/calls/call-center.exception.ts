import { GatewayException } from '@app/platform';

/** The call centre's own failures; `retriable` ones are answered 503 (try again shortly). */
export class CallCenterException extends GatewayException {
  constructor(code: string, message: string, retriable = false) {
    super(code, message, retriable);
  }
}
