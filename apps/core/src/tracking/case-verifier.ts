import { Inject, Injectable } from '@nestjs/common';
import { parseReference } from '@app/contracts';
import { createHmac } from 'node:crypto';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { factorMatches, givenFactorDigest, knownFactorDigests } from './second-factor';
import { TrackingException } from './tracking.exception';
import { TrackingRateRepository } from './tracking-rate.repository';
import { TrackingRepository, type TrackedCase } from './tracking.repository';

/**
 * The gate of every tracking request: counts it against the caller's IP and the reference (429
 * past either limit), finds the case and checks the second factor. A missing case, a malformed
 * number and a wrong factor take the same path and end in the same not-found.
 */
@Injectable()
export class CaseVerifier {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly rates: TrackingRateRepository,
    private readonly tracking: TrackingRepository,
  ) {}

  async verify(input: string, verify: string | undefined, ip: string): Promise<TrackedCase> {
    const limits = this.config.customer.tracking;
    const typed = input.trim().toUpperCase().slice(0, 40);
    // The IP is personal data: only a keyed digest of it is stored.
    const ipBucket = `ip:${createHmac('sha256', this.config.adminToken).update(ip).digest('base64url')}`;
    const referenceBucket = `ref:${typed}`;
    const hits = await this.rates.hit([ipBucket, referenceBucket], limits.windowSeconds);
    if (
      (hits.get(ipBucket) ?? 0) > limits.perIp ||
      (hits.get(referenceBucket) ?? 0) > limits.perReference
    ) {
      throw new TrackingException('track.rate_limited', 'too many tracking requests, try later');
    }
    const parsed = parseReference(typed);
    const reference =
      parsed.ok && parsed.value.prefix === this.config.referencePrefix ? parsed.value.text : null;
    const found = await this.tracking.find(reference);
    const matches = factorMatches(
      givenFactorDigest(verify),
      knownFactorDigests(found?.identities ?? []),
    );
    if (!found || !matches) throw TrackingException.notFound();
    return found;
  }
}
