import { GatewayException } from '@app/platform';

/** Personal-data requests that cannot succeed as asked. */
export class PrivacyException extends GatewayException {
  constructor(code: 'customer_not_found', message: string) {
    super(code, message, false);
  }
}
