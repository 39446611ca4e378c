import { createHmac } from 'node:crypto';
import type { XConfig } from '../../apps/x/src/config/x.config';
import { WebhookSignature } from '../../apps/x/src/webhook/webhook-signature';
import { signatureVectors } from '../support/x/x-corpus';

function verifier(secret: string): WebhookSignature {
  return new WebhookSignature({
    credentials: { kind: 'oauth1', consumerSecret: secret },
  } as unknown as XConfig);
}

describe('Account Activity signatures (Zammad-captured deliveries, secret DDD)', () => {
  const vectors = signatureVectors();

  it('accepts every captured delivery with its header', () => {
    expect(vectors).toHaveLength(5);
    for (const v of vectors) {
      expect({ file: v.bodyFile, verdict: verifier(v.secret).verify(v.body, v.signature) }).toEqual(
        {
          file: v.bodyFile,
          verdict: 'valid',
        },
      );
    }
  });

  it('refuses a changed byte, another secret, a hex digest, no header or several', () => {
    const [v] = vectors;
    const changed = Buffer.from(v.body);
    changed[changed.length - 2] ^= 1;
    expect(verifier(v.secret).verify(changed, v.signature)).toBe('mismatch');
    expect(verifier('other').verify(v.body, v.signature)).toBe('mismatch');
    const hex = `sha256=${createHmac('sha256', v.secret).update(v.body).digest('hex')}`;
    expect(verifier(v.secret).verify(v.body, hex)).toBe('malformed');
    expect(verifier(v.secret).verify(v.body, undefined)).toBe('missing');
    expect(verifier(v.secret).verify(v.body, [v.signature, v.signature])).toBe('malformed');
  });

  it('answers the CRC with sha256= and the base64 HMAC of the token', () => {
    const token = 'crc-challenge-token';
    expect(verifier('DDD').crcResponseToken(token)).toBe(
      `sha256=${createHmac('sha256', 'DDD').update(token).digest('base64')}`,
    );
  });
});
