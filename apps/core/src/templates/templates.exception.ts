import { GatewayException } from '@app/platform';

export type TemplateErrorCode = 'template_unknown' | 'template_placeholder_unknown';

/** A template request that cannot succeed as asked. Never retriable. */
export class TemplateException extends GatewayException {
  constructor(code: TemplateErrorCode, message: string, details?: unknown) {
    super(code, message, false, details);
  }
}
