/**
 * Base of every module's own exception type (`CaseException`, `KafkaException`...). Core logic
 * throws these, never HTTP exceptions; the edge translates them: an HTTP status in a filter, retry
 * or dead letter in a consumer. `retriable` says whether trying the same thing again may work.
 * Messages must not contain personal data or message content: they end up in logs and dead letters.
 */
export abstract class GatewayException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retriable: boolean,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** True for errors that say trying again may succeed (ours and KafkaJS's carry `retriable`). */
export function isRetriable(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { retriable?: unknown }).retriable === true
  );
}

export function errorCode(error: unknown, fallback = 'unexpected_error'): string {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.length > 0 ? code : fallback;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
