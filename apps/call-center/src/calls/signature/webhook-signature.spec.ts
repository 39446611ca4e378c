import { createHmac } from 'node:crypto';
import { WebhookSignatureVerifier } from './webhook-signature';

const SECRET = 'current-secret-0123456789abcdef0123456789';
const PREVIOUS = 'previous-secret-0123456789abcdef012345678';
const NOW_S = 1_773_468_000;
const body = Buffer.from('{"callId":"CC-1","notes":"İade reddedildi"}', 'utf8');

function sign(timestamp: string, bytes: Buffer = body, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(bytes).digest('hex')}`;
}

const verifier = new WebhookSignatureVerifier(
  { secrets: { current: SECRET, previous: PREVIOUS }, toleranceSeconds: 300, clockSkewSeconds: 30 },
  () => NOW_S * 1000,
);
const verify = (timestamp: string | undefined, signature: string | undefined, bytes = body) =>
  verifier.verify({ timestamp, signature }, bytes);

describe('WebhookSignatureVerifier', () => {
  it('accepts the HMAC of "<timestamp>.<raw body>" with either secret, hex in any case', () => {
    const ts = String(NOW_S - 10);
    expect(verify(ts, sign(ts))).toEqual({ ok: true, secret: 'current' });
    expect(verify(ts, sign(ts, body, PREVIOUS))).toEqual({ ok: true, secret: 'previous' });
    expect(verify(ts, `sha256=${sign(ts).slice(7).toUpperCase()}`)).toMatchObject({ ok: true });
  });

  it('verifies the exact bytes: the same JSON re-serialized is another body', () => {
    const ts = String(NOW_S);
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verify(ts, sign(ts), reformatted)).toMatchObject({ code: 'signature_invalid' });
  });

  it('names what is missing', () => {
    expect(verify(undefined, sign(String(NOW_S)))).toMatchObject({
      code: 'signature_missing',
      reason: 'no X-Timestamp header',
    });
    expect(verify(String(NOW_S), undefined)).toMatchObject({
      code: 'signature_missing',
      reason: 'no X-Signature header',
    });
  });

  it.each(['', '1773468000.5', ' 1773468000', '0x69b4', '1773468000000'])(
    'refuses a timestamp that is not Unix seconds (%j)',
    (timestamp) => {
      expect(verify(timestamp, sign(timestamp))).toMatchObject({ code: 'timestamp_invalid' });
    },
  );

  it('refuses a signature signed with another key, or for another timestamp', () => {
    const ts = String(NOW_S);
    expect(verify(ts, sign(ts, body, 'an-attackers-guess-0123456789abcdef'))).toMatchObject({
      code: 'signature_invalid',
      reason: 'signature does not match',
    });
    expect(verify(ts, sign(String(NOW_S - 1)))).toMatchObject({ code: 'signature_invalid' });
  });

  it('checks the window only for a genuine signature, so the reason does not help a forger', () => {
    const old = String(NOW_S - 3_600);
    expect(verify(old, sign(old, body, 'not-the-secret-0123456789abcdef01'))).toMatchObject({
      code: 'signature_invalid',
    });
  });

  it('refuses replays older than the tolerance and timestamps beyond the clock skew', () => {
    expect(verify(String(NOW_S - 300), sign(String(NOW_S - 300)))).toMatchObject({ ok: true });
    const replay = String(NOW_S - 301);
    expect(verify(replay, sign(replay))).toMatchObject({
      code: 'timestamp_out_of_range',
      reason: 'signed 301 s ago, more than 300 s (replay?)',
    });
    expect(verify(String(NOW_S + 30), sign(String(NOW_S + 30)))).toMatchObject({ ok: true });
    const ahead = String(NOW_S + 31);
    expect(verify(ahead, sign(ahead))).toMatchObject({ code: 'timestamp_out_of_range' });
  });

  it('never puts anything from the body in its reason', () => {
    const ts = String(NOW_S - 1_000);
    const verdicts = [
      verify(ts, sign(ts)),
      verify(String(NOW_S), 'sha256=00'),
      verify(ts, sign(ts, Buffer.from('x'))),
    ];
    for (const verdict of verdicts) {
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.reason).not.toMatch(/İade|CC-1/);
    }
  });
});
