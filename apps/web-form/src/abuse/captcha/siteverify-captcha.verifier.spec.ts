import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCaptchaVerifier } from './captcha.factory';
import { SiteverifyCaptchaVerifier } from './siteverify-captcha.verifier';

/** A local siteverify endpoint speaking the providers' shared wire format. */
function verifyEndpoint(answer: (form: URLSearchParams) => { status: number; body: unknown }) {
  const seen: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      seen.push(form);
      const { status, body } = answer(form);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  return {
    seen,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`,
    start: () => new Promise<void>((r) => server.listen(0, '127.0.0.1', r)),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('captcha', () => {
  it('is off unless a provider and its secret are configured', async () => {
    const off = createCaptchaVerifier({ provider: 'off' });
    expect(off.enabled).toBe(false);
    expect(await off.verify(undefined, undefined)).toBe('passed');
    expect(createCaptchaVerifier({ provider: 'hcaptcha', secret: 's', siteKey: 'k' }).enabled).toBe(
      true,
    );
  });

  it('asks the provider with the secret, the answer and the address, and believes only success', async () => {
    const endpoint = verifyEndpoint((form) => ({
      status: 200,
      body: { success: form.get('response') === 'solved' },
    }));
    await endpoint.start();
    try {
      const verifier = new SiteverifyCaptchaVerifier(endpoint.url(), 'the-secret');
      expect(await verifier.verify('solved', '203.0.113.7')).toBe('passed');
      expect(await verifier.verify('guessed', undefined)).toBe('failed');
      expect(await verifier.verify(undefined, undefined)).toBe('failed');
      expect(Object.fromEntries(endpoint.seen[0])).toEqual({
        secret: 'the-secret',
        response: 'solved',
        remoteip: '203.0.113.7',
      });
      // No token: nothing to ask.
      expect(endpoint.seen).toHaveLength(2);
    } finally {
      await endpoint.stop();
    }
  });

  it('is unavailable, never passed, when the provider fails or cannot be reached', async () => {
    const endpoint = verifyEndpoint(() => ({ status: 500, body: {} }));
    await endpoint.start();
    const url = endpoint.url();
    try {
      expect(await new SiteverifyCaptchaVerifier(url, 's').verify('x', undefined)).toBe(
        'unavailable',
      );
    } finally {
      await endpoint.stop();
    }
    expect(await new SiteverifyCaptchaVerifier(url, 's').verify('x', undefined)).toBe(
      'unavailable',
    );
  });
});
