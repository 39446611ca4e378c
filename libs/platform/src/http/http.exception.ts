import { GatewayException } from '../errors/gateway.exception';

export interface FieldError {
  /** Dotted path of the field in the request (`email`, `attachments.2`). */
  field: string;
  /** What is wrong: `required`, `too_long`, `invalid`... or a field-specific rule. */
  rule: string;
}

/** Errors raised at the HTTP edge itself (body parsing, validation, authentication). */
export class HttpEdgeException extends GatewayException {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, false, details);
  }

  static validation(fieldErrors: FieldError[]): HttpEdgeException {
    return new HttpEdgeException('validation_failed', 'request failed validation', fieldErrors);
  }

  get fieldErrors(): FieldError[] {
    return this.code === 'validation_failed' ? (this.details as FieldError[]) : [];
  }
}
