import { hmacSha256, signatureMatches } from '@app/adapter-kit';

export interface WebhookSignatureOptions {
  secrets: { current: string; previous?: string };
  /** Older signatures are refused as replays. */
  toleranceSeconds: number;
  /** How far ahead of our clock a sender's timestamp may be. */
  clockSkewSeconds: number;
}

export type SignatureVerdict =
  | { ok: true; secret: 'current' | 'previous' }
  | {
      ok: false;
      code:
        'signature_missing' | 'signature_invalid' | 'timestamp_invalid' | 'timestamp_out_of_range';
      /** For the log: why, in a few words, never anything from the body. */
      reason: string;
    };

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=[0-9a-fA-F]{64}$/;
const FORMAT = { prefix: 'sha256=', encoding: 'hex' } as const;

/**
 * `X-Signature: sha256=<hex HMAC-SHA256 of "<X-Timestamp>.<raw body>">`, with the timestamp in
 * Unix seconds inside the signed bytes so that an old request cannot be replayed with a new
 * timestamp. Digests are compared in constant time, against every configured secret, so the time
 * taken says nothing about which secret (if any) came close.
 */
export class WebhookSignatureVerifier {
  constructor(
    private readonly options: WebhookSignatureOptions,
    private readonly nowMs: () => number = Date.now,
  ) {}

  verify(
    headers: { timestamp: string | undefined; signature: string | undefined },
    rawBody: Buffer,
  ): SignatureVerdict {
    const { timestamp, signature } = headers;
    if (timestamp === undefined)
      return { ok: false, code: 'signature_missing', reason: 'no X-Timestamp header' };
    if (signature === undefined)
      return { ok: false, code: 'signature_missing', reason: 'no X-Signature header' };
    if (!TIMESTAMP.test(timestamp))
      return { ok: false, code: 'timestamp_invalid', reason: 'X-Timestamp is not Unix seconds' };
    if (!SIGNATURE.test(signature))
      return { ok: false, code: 'signature_invalid', reason: 'X-Signature is malformed' };

    const signed = Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
    const { current, previous } = this.options.secrets;
    const matchesCurrent = signatureMatches(signature, hmacSha256(current, signed), FORMAT);
    const matchesPrevious =
      previous !== undefined && signatureMatches(signature, hmacSha256(previous, signed), FORMAT);
    if (!matchesCurrent && !matchesPrevious)
      return { ok: false, code: 'signature_invalid', reason: 'signature does not match' };

    const ageSeconds = Math.floor(this.nowMs() / 1000) - Number(timestamp);
    if (ageSeconds > this.options.toleranceSeconds)
      return {
        ok: false,
        code: 'timestamp_out_of_range',
        reason: `signed ${ageSeconds} s ago, more than ${this.options.toleranceSeconds} s (replay?)`,
      };
    if (-ageSeconds > this.options.clockSkewSeconds)
      return {
        ok: false,
        code: 'timestamp_out_of_range',
        reason: `signed ${-ageSeconds} s in the future, more than the ${this.options.clockSkewSeconds} s allowed for clock skew`,
      };
    return { ok: true, secret: matchesCurrent ? 'current' : 'previous' };
  }
}
