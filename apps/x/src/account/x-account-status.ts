import { Inject, Injectable } from '@nestjs/common';
import { ChannelHealthReporter } from '@app/adapter-kit';
import type { HealthState } from '@app/contracts';
import { X_CONFIG, type XConfig } from '../config/x.config';

/** The parts of the adapter that each have a say in the account's health. */
export type StatusPart = 'mentions' | 'dm' | 'replies' | 'webhook' | 'access';

export interface PartStatus {
  state: HealthState;
  /** The adapter's word: polling, standby, rate-limited, usage-capped, unauthorized... */
  detail: string;
}

/** Among parts equally well, the one named first speaks: polling says more than "listening". */
const PRECEDENCE: readonly StatusPart[] = ['access', 'mentions', 'dm', 'replies', 'webhook'];

const SEVERITY: Record<HealthState, number> = {
  'needs-auth': 4,
  down: 3,
  degraded: 2,
  up: 1,
  disabled: 0,
};

/**
 * One account's health from its parts: the worst part speaks for the account (a forbidden DM
 * endpoint is `needs-auth` even while mentions poll fine), and the beat changes at once when it
 * does. Which part it is goes into the beat's lastError.
 */
@Injectable()
export class XAccountStatus {
  private readonly parts = new Map<StatusPart, PartStatus>();

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    private readonly health: ChannelHealthReporter,
  ) {}

  set(part: StatusPart, status: PartStatus, error?: { code: string; message: string }): void {
    if (error)
      this.health.failed(this.config.userId, {
        code: error.code,
        message: `${part}: ${error.message}`,
      });
    this.parts.set(part, status);
    this.report();
  }

  clear(part: StatusPart): void {
    if (this.parts.delete(part)) this.report();
  }

  get(part: StatusPart): PartStatus | undefined {
    return this.parts.get(part);
  }

  /** The account as a whole: the most severe part, or `up` when nothing is wrong. */
  overall(): PartStatus {
    let worst: PartStatus | undefined;
    for (const part of PRECEDENCE) {
      const status = this.parts.get(part);
      if (status && (!worst || SEVERITY[status.state] > SEVERITY[worst.state])) worst = status;
    }
    return worst ?? { state: 'up', detail: 'idle' };
  }

  private report(): void {
    this.health.update(this.config.userId, this.overall());
  }
}
