import { Injectable } from '@nestjs/common';
import type { Identity } from '../core-api/core-api.schemas';
import { CoreClient } from '../core-api/core-client';

/** How long core's word on a bearer token is trusted before it is asked again. */
const TRUST_MS = 30_000;
const MAX_ENTRIES = 1_000;

/**
 * Bearer tokens on `GET /api/v1/channels/health` (a script, a monitor) are checked with core's
 * /auth/me, remembered briefly so a monitor polling every few seconds does not ask core each time.
 */
@Injectable()
export class TokenIdentities {
  private readonly known = new Map<string, { identity: Identity; untilMs: number }>();

  constructor(private readonly core: CoreClient) {}

  async identify(token: string, hash: string): Promise<Identity> {
    const now = Date.now();
    const hit = this.known.get(hash);
    if (hit && hit.untilMs > now) return hit.identity;
    const identity = await this.core.identify(token);
    if (this.known.size >= MAX_ENTRIES) this.known.clear();
    this.known.set(hash, { identity, untilMs: now + TRUST_MS });
    return identity;
  }
}
