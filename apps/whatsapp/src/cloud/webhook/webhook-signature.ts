import { Injectable } from '@nestjs/common';
import { hmacSha256, signatureMatches } from '@app/adapter-kit';
import { AccountRegistry } from '../../accounts/account-registry';
import { WhatsAppException } from '../../whatsapp.exception';

const FORMAT = /^sha256=[0-9a-fA-F]{64}$/;

/**
 * `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the exact bytes received, keyed with the
 * Meta app secret. Accounts of several Meta apps may share this endpoint, so every configured
 * secret is tried (in constant time each); the answer says which accounts that secret covers.
 */
@Injectable()
export class WebhookSignature {
  private readonly secrets: { secret: string; accounts: Set<string> }[] = [];

  constructor(accounts: AccountRegistry) {
    for (const account of accounts.cloud()) {
      const known = this.secrets.find((s) => s.secret === account.appSecret);
      if (known) known.accounts.add(account.phoneNumberId);
      else
        this.secrets.push({
          secret: account.appSecret,
          accounts: new Set([account.phoneNumberId]),
        });
    }
  }

  /** The phone number ids the signing secret covers; throws for a missing, malformed or wrong signature. */
  verify(raw: Buffer, header: string | string[] | undefined): ReadonlySet<string> {
    const given = Array.isArray(header) ? header[0] : header;
    if (!given) throw new WhatsAppException('signature_missing', 'no X-Hub-Signature-256 header');
    if (!FORMAT.test(given.trim())) {
      throw new WhatsAppException(
        'signature_malformed',
        'X-Hub-Signature-256 is not sha256=<64 hex digits>',
      );
    }
    const match = this.secrets.find((s) =>
      signatureMatches(given.trim().toLowerCase(), hmacSha256(s.secret, raw), {
        prefix: 'sha256=',
        encoding: 'hex',
      }),
    );
    if (!match)
      throw new WhatsAppException(
        'signature_invalid',
        'no configured app secret produces this signature',
      );
    return match.accounts;
  }
}
