import { GatewayException } from '@app/platform';

export type EmailErrorCode =
  | 'imap_auth_failed'
  | 'imap_failed'
  | 'uid_validity_changed'
  | 'lease_lost'
  | 'blob_store_failed'
  | 'smtp_not_configured'
  | 'smtp_failed'
  | 'reply_in_progress';

/** What the e-mail adapter throws; `retriable` decides between a retry and a failed receipt. */
export class EmailException extends GatewayException {
  constructor(code: EmailErrorCode, message: string, retriable: boolean, options?: ErrorOptions) {
    super(code, message, retriable, undefined, options);
  }
}
