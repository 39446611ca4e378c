import { Logger } from '@nestjs/common';
import { errorMessage } from '@app/platform';
import type { LeaseRepository } from './lease.repository';

/**
 * Holds a lease while work runs: tries to take it, renews it at a third of its lifetime, and says
 * when it is lost (another instance took over after we failed to renew in time), so the holder
 * stops before two instances poll the same account.
 */
export class LeaseKeeper {
  private readonly logger = new Logger(LeaseKeeper.name);
  private timer?: NodeJS.Timeout;
  private held = false;
  /** When the lease we last took runs out, counted from before asking (the safe side). */
  private validUntil = 0;

  constructor(
    private readonly leases: LeaseRepository,
    readonly name: string,
    private readonly holder: string,
    private readonly ttlMs: number,
    private readonly onLost: () => void,
  ) {}

  /** False as soon as the lease may have run out, even while PostgreSQL cannot tell us. */
  get isHeld(): boolean {
    return this.held && Date.now() < this.validUntil;
  }

  private get renewEveryMs(): number {
    return Math.max(1_000, Math.floor(this.ttlMs / 3));
  }

  async tryAcquire(): Promise<boolean> {
    const asked = Date.now();
    this.held = await this.leases.acquire(this.name, this.holder, this.ttlMs);
    if (this.held) this.validUntil = asked + this.ttlMs;
    if (this.held && !this.timer) {
      this.timer = setInterval(() => void this.renew(), this.renewEveryMs);
      this.timer.unref();
    }
    return this.held;
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.held) await this.leases.release(this.name, this.holder).catch(() => undefined);
    this.held = false;
  }

  private async renew(): Promise<void> {
    const asked = Date.now();
    try {
      if (await this.leases.acquire(this.name, this.holder, this.ttlMs)) {
        this.validUntil = asked + this.ttlMs;
        return;
      }
      this.logger.warn({ lease: this.name }, 'lease lost to another instance');
    } catch (error) {
      this.logger.warn({ lease: this.name, error: errorMessage(error) }, 'lease renewal failed');
      // Still ours if the next renewal comes before it runs out; otherwise another instance may
      // take it meanwhile, and two of us must never poll the same account: give it up now.
      if (Date.now() + this.renewEveryMs < this.validUntil) return;
      this.logger.warn({ lease: this.name }, 'lease may run out before it can be renewed');
    }
    clearInterval(this.timer);
    this.timer = undefined;
    this.held = false;
    this.onLost();
  }
}
