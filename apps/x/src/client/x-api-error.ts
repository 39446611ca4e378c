import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  type TwitterRateLimit,
} from 'twitter-api-v2';
import { XAuthException } from '../auth/x-auth.exception';

/**
 * What a failed X call means for the caller:
 * - `rate-limited`: a 429 for the request window; try again after `resetAt`.
 * - `usage-capped`: a 429 because the monthly post cap is used up (the rate-limit headers still
 *   show requests left); nothing works before `resetAt`.
 * - `auth`: 401 or 403; a person must fix the credentials, the app's access or its enrolment.
 * - `rejected`: any other 4xx; the same request will fail again.
 * - `transient`: no answer, a broken answer or a 5xx; try again later.
 */
export type XFailureKind = 'rate-limited' | 'usage-capped' | 'auth' | 'rejected' | 'transient';

export interface XFailure {
  kind: XFailureKind;
  /** Stable code for receipts, health and metrics: `x_rate_limited`, `x_forbidden`... */
  code: string;
  /** For logs and health: status, problem type and title only, never a detail naming someone. */
  message: string;
  status?: number;
  /** The problem type's last segment (`client-forbidden`, `usage-capped`...), when X gave one. */
  problem?: string;
  resetAt?: Date;
}

/** X counts requests in 15-minute windows; a 429 without a reset header waits a minute. */
const RATE_LIMIT_FALLBACK_MS = 60_000;
const USAGE_CAP_FALLBACK_MS = 60 * 60_000;

function problemOf(error: ApiResponseError): string | undefined {
  const type = error.data?.type;
  if (typeof type === 'string' && type.length > 0) return type.split('/').pop();
  return undefined;
}

/** The latest reset among the limits that are used up (the window, and the 24-hour limits). */
export function exhaustedUntil(limit: TwitterRateLimit | undefined): Date | undefined {
  if (!limit) return undefined;
  const resets = [limit, limit.day, limit.userDay]
    .filter((l): l is NonNullable<typeof l> => l !== undefined && l.remaining === 0)
    .map((l) => l.reset)
    .filter((reset) => Number.isFinite(reset) && reset > 0);
  return resets.length > 0 ? new Date(Math.max(...resets) * 1000) : undefined;
}

function resetOf(error: ApiResponseError): Date | undefined {
  const reset = error.rateLimit?.reset;
  const exhausted = exhaustedUntil(error.rateLimit);
  if (exhausted) return exhausted;
  return reset !== undefined && Number.isFinite(reset) && reset > 0
    ? new Date(reset * 1000)
    : undefined;
}

function isUsageCap(error: ApiResponseError, problem: string | undefined): boolean {
  if (problem === 'usage-capped' || error.data?.title === 'UsageCapExceeded') return true;
  // Observed: a cap hit answers 429 while the window still has requests left.
  const limit = error.rateLimit;
  return limit !== undefined && limit.remaining > 0 && exhaustedUntil(limit) === undefined;
}

export function classifyXError(error: unknown, now = new Date()): XFailure {
  // Our token could not be refreshed or read: as good as a 401, without asking X.
  if (error instanceof XAuthException) {
    return { kind: 'auth', code: error.code, message: error.message };
  }
  if (error instanceof ApiResponseError) {
    const status = error.code;
    const problem = problemOf(error);
    const title = typeof error.data?.title === 'string' ? `: ${error.data.title}` : '';
    const message = `X answered ${status}${problem ? ` (${problem})` : ''}${title}`.slice(0, 300);
    const base = { status, message, ...(problem ? { problem } : {}) };
    if (status === 429) {
      const capped = isUsageCap(error, problem);
      const reset = resetOf(error);
      const fallback = capped ? USAGE_CAP_FALLBACK_MS : RATE_LIMIT_FALLBACK_MS;
      const resetAt =
        reset && reset.getTime() > now.getTime() ? reset : new Date(now.getTime() + fallback);
      return capped
        ? { ...base, kind: 'usage-capped', code: 'x_usage_capped', resetAt }
        : { ...base, kind: 'rate-limited', code: 'x_rate_limited', resetAt };
    }
    if (status === 401) return { ...base, kind: 'auth', code: 'x_unauthorized' };
    if (status === 403) {
      return {
        ...base,
        kind: 'auth',
        code: problem === 'client-forbidden' ? 'x_client_forbidden' : 'x_forbidden',
      };
    }
    if (status >= 400 && status < 500)
      return { ...base, kind: 'rejected', code: `x_rejected_${status}` };
    return { ...base, kind: 'transient', code: 'x_server_error' };
  }
  if (error instanceof ApiRequestError) {
    const cause = error.requestError?.message ?? error.message;
    return { kind: 'transient', code: 'x_unreachable', message: `X did not answer: ${cause}` };
  }
  if (error instanceof ApiPartialResponseError) {
    return { kind: 'transient', code: 'x_unreachable', message: error.message };
  }
  return {
    kind: 'transient',
    code: 'x_call_failed',
    message: error instanceof Error ? error.message : String(error),
  };
}
