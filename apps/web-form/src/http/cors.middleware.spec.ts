import type { Request, Response } from 'express';
import { corsForApi } from './cors.middleware';

function call(headers: Record<string, string>, method = 'POST') {
  const set: Record<string, string> = {};
  let status: number | undefined;
  let nextCalled = false;
  const res = {
    setHeader: (k: string, v: string) => (set[k] = v),
    append: (k: string, v: string) => (set[k] = v),
    status: (s: number) => ((status = s), res),
    end: () => undefined,
  } as unknown as Response;
  corsForApi(['https://www.ornekmagaza.com.tr'])({ headers, method } as Request, res, () => {
    nextCalled = true;
  });
  return { set, status, nextCalled };
}

describe('corsForApi', () => {
  it('lets a configured origin post JSON and read the answer', () => {
    const preflight = call(
      { origin: 'https://www.ornekmagaza.com.tr', 'access-control-request-method': 'POST' },
      'OPTIONS',
    );
    expect(preflight.status).toBe(204);
    expect(preflight.set['Access-Control-Allow-Origin']).toBe('https://www.ornekmagaza.com.tr');
    expect(preflight.set['Access-Control-Allow-Headers']).toContain('Idempotency-Key');
    const post = call({ origin: 'https://www.ornekmagaza.com.tr' });
    expect(post.nextCalled).toBe(true);
    expect(post.set['Access-Control-Allow-Origin']).toBe('https://www.ornekmagaza.com.tr');
  });

  it('refuses the preflight of any other origin and gives its requests no CORS headers', () => {
    const preflight = call(
      { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      'OPTIONS',
    );
    expect(preflight.status).toBe(403);
    expect(preflight.set['Access-Control-Allow-Origin']).toBeUndefined();
    const post = call({ origin: 'https://evil.example' });
    expect(post.nextCalled).toBe(true);
    expect(post.set['Access-Control-Allow-Origin']).toBeUndefined();
  });
});
