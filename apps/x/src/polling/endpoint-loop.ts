import { Logger } from '@nestjs/common';
import { GatewayException, errorMessage } from '@app/platform';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import type { XAccountStatus } from '../account/x-account-status';
import { XAuthException } from '../auth/x-auth.exception';
import type { XUserCredentials } from '../auth/x-user-credentials';
import { classifyXError } from '../client/x-api-error';
import type { EndpointPoller } from './endpoint-poller';
import { failureDelayMs, pageDelayMs, pollDelayMs } from './poll-timing';

/** Longest single sleep: Node's timers cannot sleep until a monthly usage cap resets. */
const MAX_SLEEP_MS = 60 * 60_000;
const MAX_FAILURE_DELAY_MS = 15 * 60_000;

const AUTH_DETAIL: Record<string, string> = {
  x_unauthorized: 'unauthorized',
  x_forbidden: 'forbidden',
  x_client_forbidden: 'client-forbidden',
  x_token_refresh_failed: 'refresh-failed',
  x_token_file_invalid: 'token-file-invalid',
  x_token_expired: 'token-expired',
};

/** What a refused endpoint needs: credentials to read again, and how long to leave X alone. */
export interface AuthRetry {
  credentials: Pick<XUserCredentials, 'reload' | 'refreshPending'>;
  retryMs: number;
}

/** Sleeps until `until` (in bounded steps) or until the signal aborts. */
export async function sleepUntil(until: number, signal: AbortSignal): Promise<void> {
  while (!signal.aborted && Date.now() < until) {
    await delay(Math.min(MAX_SLEEP_MS, until - Date.now()), undefined, { signal }).catch(
      () => undefined,
    );
  }
}

function isXApiError(error: unknown): boolean {
  return (
    error instanceof XAuthException ||
    error instanceof ApiResponseError ||
    error instanceof ApiRequestError ||
    error instanceof ApiPartialResponseError
  );
}

/**
 * Polls one endpoint until stopped, and turns what X answers into health:
 * - a 429 waits for the reset X names (`degraded`, rate-limited or usage-capped);
 * - 401 and 403 are `needs-auth`: the credentials are read again (a person may have put new
 *   ones in the token file or the store, or fixed the app's access) and tried only every
 *   `retryMs`, since hammering X with refused credentials gets the app suspended; the first
 *   call that works clears it. A 401 on an OAuth 2.0 token that can be refreshed is tried
 *   again at once, once, with the refreshed token;
 * - anything else (X or Kafka or PostgreSQL unreachable) is retried with a growing delay.
 * Checkpoints move inside `step` only after Kafka has the page, so every retry is safe.
 */
export class EndpointLoop {
  private readonly logger: Logger;

  constructor(
    private readonly poller: EndpointPoller,
    private readonly status: XAccountStatus,
    private readonly auth: AuthRetry,
  ) {
    this.logger = new Logger(`EndpointLoop:${poller.part}`);
  }

  async run(signal: AbortSignal): Promise<void> {
    const part = this.poller.part;
    let failures = 0;
    let refusals = 0;
    let reload = false;
    while (!signal.aborted) {
      let wait: number;
      try {
        if (reload) this.auth.credentials.reload();
        reload = false;
        const step = await this.poller.step();
        if (refusals > 0) this.logger.log('X accepts our credentials again');
        failures = 0;
        refusals = 0;
        this.status.set(part, { state: 'up', detail: 'polling' });
        // A call as our account worked: whatever said access was lost is over.
        if (this.status.get('access')?.state === 'needs-auth') this.status.clear('access');
        wait = step.more
          ? pageDelayMs(step.rateLimit)
          : pollDelayMs(this.poller.intervalMs, step.rateLimit);
      } catch (error) {
        if (signal.aborted) break;
        const auth = isXApiError(error) && classifyXError(error).kind === 'auth';
        refusals = auth ? refusals + 1 : 0;
        wait = auth ? this.onRefused(error, refusals) : this.onFailure(error, ++failures);
        reload = auth && wait > 0;
      }
      await sleepUntil(Date.now() + wait, signal);
    }
  }

  /** Records a refusal as `needs-auth` and says when to try again. */
  private onRefused(error: unknown, refusals: number): number {
    const failure = classifyXError(error);
    const renewable =
      refusals === 1 && failure.status === 401 && this.auth.credentials.refreshPending();
    if (renewable) {
      this.logger.warn({ code: failure.code }, 'X refused the token: trying a refreshed one');
      return 0;
    }
    const log = { code: failure.code, status: failure.status, problem: failure.problem };
    if (refusals <= 2) {
      this.logger.error(
        { ...log, retryMs: this.auth.retryMs },
        'X refused our credentials: this endpoint waits for a person to fix them',
      );
    } else {
      this.logger.warn(log, 'X still refuses our credentials');
    }
    this.status.set(
      this.poller.part,
      { state: 'needs-auth', detail: AUTH_DETAIL[failure.code] ?? 'forbidden' },
      { code: failure.code, message: failure.message },
    );
    return this.auth.retryMs;
  }

  /** Records the failure in health and says how long to wait. */
  private onFailure(error: unknown, failures: number): number {
    const part = this.poller.part;
    const backoff = failureDelayMs(
      failures,
      Math.min(this.poller.intervalMs, 5_000),
      MAX_FAILURE_DELAY_MS,
    );
    if (!isXApiError(error)) {
      const code = error instanceof GatewayException ? error.code : 'poll_failed';
      const detail = code === 'publish_failed' ? 'kafka-unavailable' : 'retrying';
      this.logger.warn(
        { code, failures, waitMs: backoff, error: errorMessage(error) },
        'poll failed',
      );
      this.status.set(part, { state: 'degraded', detail }, { code, message: errorMessage(error) });
      return backoff;
    }
    const failure = classifyXError(error);
    const report = { code: failure.code, message: failure.message };
    switch (failure.kind) {
      case 'rate-limited':
      case 'usage-capped': {
        const wait = Math.max(1_000, failure.resetAt!.getTime() - Date.now() + 1_000);
        this.logger.warn(
          { code: failure.code, resetAt: failure.resetAt },
          'X rate limit: waiting for the reset',
        );
        this.status.set(part, { state: 'degraded', detail: failure.kind }, report);
        return wait;
      }
      case 'rejected':
        this.logger.error({ code: failure.code, failures, waitMs: backoff }, 'X rejected the poll');
        this.status.set(part, { state: 'down', detail: 'rejected' }, report);
        return backoff;
      default:
        this.logger.warn({ code: failure.code, failures, waitMs: backoff }, 'X unreachable');
        this.status.set(part, { state: 'degraded', detail: 'x-unreachable' }, report);
        return backoff;
    }
  }
}
