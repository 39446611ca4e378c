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

  constructor(
    private readonly leases: LeaseRepository,
    readonly name: string,
    private readonly holder: string,
    private readonly ttlMs: number,
    private readonly onLost: () => void,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  async tryAcquire(): Promise<boolean> {
    this.held = await this.leases.acquire(this.name, this.holder, this.ttlMs);
    if (this.held && !this.timer) {
      this.timer = setInterval(
        () => void this.renew(),
        Math.max(1_000, Math.floor(this.ttlMs / 3)),
      );
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
    try {
      if (await this.leases.acquire(this.name, this.holder, this.ttlMs)) return;
      this.logger.warn({ lease: this.name }, 'lease lost to another instance');
    } catch (error) {
      this.logger.warn({ lease: this.name, error: errorMessage(error) }, 'lease renewal failed');
      return;
    }
    clearInterval(this.timer);
    this.timer = undefined;
    this.held = false;
    this.onLost();
  }
}
