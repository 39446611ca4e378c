import { GatewayException } from '@app/platform';
import { isRetriablePgError, pgErrorCode } from '@app/persistence';

/**
 * Driver messages name constraints and columns, but data errors quote the offending value
 * (`invalid input syntax for type uuid: "..."`), which could be personal data: drop it.
 */
function safeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/: ".*"$/s, ': "[redacted]"');
}

/** Core's own failures. `retriable` tells the Kafka consumer to retry or to dead-letter. */
export class CoreException extends GatewayException {
  /** Translates anything thrown while processing into a CoreException that says whether to retry. */
  static from(error: unknown): GatewayException {
    if (error instanceof GatewayException) return error;
    const sqlState = pgErrorCode(error);
    const retriable = isRetriablePgError(error);
    const code = retriable
      ? 'database_unavailable'
      : sqlState
        ? `database_error_${sqlState}`
        : 'processing_failed';
    return new CoreException(code, safeMessage(error), retriable, undefined, { cause: error });
  }
}
