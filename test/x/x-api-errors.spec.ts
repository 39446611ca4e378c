import { ApiRequestError, ApiResponseError, type TwitterRateLimit } from 'twitter-api-v2';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { classifyXError } from '../../apps/x/src/client/x-api-error';
import { corpusJson } from '../support/x/x-corpus';

const NOW = new Date('2026-11-22T10:00:00Z');
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

function answer(code: number, data: unknown, rateLimit?: TwitterRateLimit): ApiResponseError {
  return new ApiResponseError(`Request failed with code ${code}`, {
    code,
    data: data as never,
    headers: {},
    request: {} as ClientRequest,
    response: {} as IncomingMessage,
    ...(rateLimit ? { rateLimit } : {}),
  });
}

describe('what an X error means for the adapter (bodies from the corpus)', () => {
  it('a 429 with the window used up waits until the reset in x-rate-limit-reset', () => {
    const reset = epoch(NOW) + 600;
    for (const body of ['error-429-observed-v2.json', 'error-429-rate-limit.json']) {
      const failure = classifyXError(
        answer(429, corpusJson(body), { limit: 900, remaining: 0, reset }),
        NOW,
      );
      expect(failure).toMatchObject({ kind: 'rate-limited', code: 'x_rate_limited' });
      expect(failure.resetAt).toEqual(new Date(reset * 1000));
    }
  });

  it('a 429 while requests are left is the usage cap, not the window', () => {
    const failure = classifyXError(
      answer(429, corpusJson('error-429-usage-capped-observed.json'), {
        limit: 40000,
        remaining: 39999,
        reset: epoch(NOW) + 900,
      }),
      NOW,
    );
    expect(failure).toMatchObject({ kind: 'usage-capped', code: 'x_usage_capped' });
  });

  it('a 429 without a usable reset still waits, never retries at once', () => {
    const failure = classifyXError(answer(429, corpusJson('error-429-observed-v2.json')), NOW);
    expect(failure.resetAt!.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('401 and 403 need a person; other 4xx are rejections; no answer is transient', () => {
    expect(
      classifyXError(answer(401, { title: 'Unauthorized', type: 'about:blank' })),
    ).toMatchObject({
      kind: 'auth',
      code: 'x_unauthorized',
    });
    expect(classifyXError(answer(403, corpusJson('error-client-forbidden.json')))).toMatchObject({
      kind: 'auth',
      code: 'x_client_forbidden',
      problem: 'client-forbidden',
    });
    expect(classifyXError(answer(400, corpusJson('error-invalid-request.json')))).toMatchObject({
      kind: 'rejected',
      code: 'x_rejected_400',
    });
    expect(classifyXError(answer(503, {}))).toMatchObject({ kind: 'transient' });
    const unreachable = new ApiRequestError('Request failed', {
      request: {} as ClientRequest,
      error: new Error('connect ECONNREFUSED'),
    });
    expect(classifyXError(unreachable)).toMatchObject({ kind: 'transient', code: 'x_unreachable' });
  });

  it('never puts the detail of a problem (which can name someone) into the message', () => {
    const failure = classifyXError(answer(403, corpusJson('error-client-forbidden.json')));
    expect(failure.message).not.toContain(corpusJson('error-client-forbidden.json').detail);
  });
});
