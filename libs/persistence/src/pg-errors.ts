/**
 * Whether a PostgreSQL failure is worth retrying. By SQLSTATE class: 08 connection, 40
 * serialization failure / deadlock, 53 insufficient resources, 57 operator intervention (server
 * shutting down), 58 system error. Everything else (bad data, constraint violations, syntax) fails
 * the same way again. Socket-level failures carry no SQLSTATE and are retriable.
 */
const RETRIABLE_CLASSES = new Set(['08', '40', '53', '57', '58']);
const RETRIABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const RETRIABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection.*closed/i,
  /Client has encountered a connection error/i,
];

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  // TypeORM wraps driver errors in QueryFailedError with the original as `driverError`.
  const candidates = [error, (error as { driverError?: unknown }).driverError];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function isRetriablePgError(error: unknown): boolean {
  const code = sqlState(error);
  if (code && /^[0-9A-Z]{5}$/.test(code)) return RETRIABLE_CLASSES.has(code.slice(0, 2));
  if (code && RETRIABLE_NODE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return RETRIABLE_MESSAGES.some((pattern) => pattern.test(message));
}

export function pgErrorCode(error: unknown): string | undefined {
  return sqlState(error);
}

export const PG_UNIQUE_VIOLATION = '23505';
