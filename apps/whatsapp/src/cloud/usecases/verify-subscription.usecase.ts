import { Injectable, Logger } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AccountRegistry } from '../../accounts/account-registry';
import { WhatsAppException } from '../../whatsapp.exception';

export interface SubscriptionHandshake {
  mode?: unknown;
  token?: unknown;
  challenge?: unknown;
}

/** A query parameter given twice arrives as an array: that is not a handshake. */
const one = (value: unknown) => (typeof value === 'string' ? value : undefined);

const CHALLENGE = /^[A-Za-z0-9._~-]{1,256}$/;
const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();

/**
 * `GET /webhooks/whatsapp`: Meta's subscription handshake. With `hub.mode=subscribe` and our
 * verify token, the answer is the challenge itself; anything else is 403.
 */
@Injectable()
export class VerifySubscription {
  private readonly logger = new Logger(VerifySubscription.name);
  private readonly tokens: Buffer[];

  constructor(accounts: AccountRegistry) {
    this.tokens = [...new Set(accounts.cloud().map((a) => a.verifyToken))].map(digest);
  }

  execute(handshake: SubscriptionHandshake): string {
    const [mode, token, challenge] = [
      one(handshake.mode),
      one(handshake.token),
      one(handshake.challenge),
    ];
    const given = digest(token ?? '');
    const known = this.tokens.some((t) => timingSafeEqual(t, given));
    if (mode !== 'subscribe' || !token || !known) {
      const reason = mode !== 'subscribe' ? 'mode' : 'verify_token';
      this.logger.warn({ reason }, 'webhook verification refused');
      throw new WhatsAppException(
        'verification_failed',
        `webhook verification refused (${reason})`,
      );
    }
    if (!challenge || !CHALLENGE.test(challenge)) {
      throw new WhatsAppException(
        'challenge_invalid',
        'hub.challenge missing or not a plain token',
      );
    }
    return challenge;
  }
}
