import { GatewayException } from '@app/platform';

export type NotificationErrorCode = 'resolution_delay_not_open' | 'resolution_delay_date_past';

/** A notification request that cannot succeed as asked. Never retriable. */
export class NotificationException extends GatewayException {
  constructor(code: NotificationErrorCode, message: string, details?: unknown) {
    super(code, message, false, details);
  }
}
