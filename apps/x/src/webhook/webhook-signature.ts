import { Inject, Injectable } from '@nestjs/common';
import { hmacSha256, signatureMatches } from '@app/adapter-kit';
import { X_CONFIG, type XConfig } from '../config/x.config';

export type SignatureVerdict = 'valid' | 'missing' | 'malformed' | 'mismatch';

/** `sha256=` and the base64 of a 32-byte digest: 44 characters, one `=` of padding. */
const WELL_FORMED = /^sha256=[A-Za-z0-9+/]{43}=$/;

/** `sha256=` + base64(HMAC-SHA256(secret, data)): X's format for both the CRC and POST signatures. */
function xSignature(secret: string, data: Buffer | string): string {
  return `sha256=${hmacSha256(secret, data).toString('base64')}`;
}

/**
 * The Account Activity webhook's proofs, both keyed with the app's consumer secret: the answer to
 * X's CRC challenge, and the check of `x-twitter-webhooks-signature` over the exact bytes of a
 * POST, before anything reads them.
 */
@Injectable()
export class WebhookSignature {
  private readonly secret: string;

  constructor(@Inject(X_CONFIG) config: XConfig) {
    this.secret = config.credentials.consumerSecret;
  }

  crcResponseToken(crcToken: string): string {
    return xSignature(this.secret, crcToken);
  }

  verify(rawBody: Buffer, header: string | string[] | undefined): SignatureVerdict {
    if (header === undefined || header === '') return 'missing';
    if (Array.isArray(header) || !WELL_FORMED.test(header.trim())) return 'malformed';
    const expected = hmacSha256(this.secret, rawBody);
    return signatureMatches(header, expected, { prefix: 'sha256=', encoding: 'base64' })
      ? 'valid'
      : 'mismatch';
  }
}
