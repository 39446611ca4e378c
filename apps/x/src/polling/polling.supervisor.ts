import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  ADAPTER_KIT_OPTIONS,
  LeaseKeeper,
  LeaseRepository,
  type AdapterKitOptions,
} from '@app/adapter-kit';
import { errorMessage } from '@app/platform';
import { setTimeout as delay } from 'node:timers/promises';
import { XAccountStatus } from '../account/x-account-status';
import { XUserCredentials } from '../auth/x-user-credentials';
import { X_CONFIG, type XConfig } from '../config/x.config';
import { DirectMessagesPoller } from './direct-messages.poller';
import { EndpointLoop, sleepUntil } from './endpoint-loop';
import { MentionsPoller } from './mentions.poller';

/** How long shutdown waits for a poll in flight (an X request has its own 30 s timeout). */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Polls the account only while this instance holds its lease, so that several instances of the
 * adapter never read (and publish) the same mentions and DMs side by side. The others stand by
 * and take over when the holder stops or stops renewing.
 */
@Injectable()
export class PollingSupervisor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PollingSupervisor.name);
  private readonly lifetime = new AbortController();
  private round?: AbortController;
  private running?: Promise<void>;

  constructor(
    @Inject(X_CONFIG) private readonly config: XConfig,
    @Inject(ADAPTER_KIT_OPTIONS) private readonly kit: AdapterKitOptions,
    private readonly leases: LeaseRepository,
    private readonly status: XAccountStatus,
    private readonly mentions: MentionsPoller,
    private readonly directMessages: DirectMessagesPoller,
    private readonly credentials: XUserCredentials,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.polling.enabled) return;
    this.running = this.run().catch((error: unknown) =>
      this.logger.error({ error: errorMessage(error) }, 'polling supervisor failed'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.lifetime.abort();
    this.round?.abort();
    if (this.running)
      await Promise.race([this.running, delay(SHUTDOWN_GRACE_MS, undefined, { ref: false })]);
  }

  private async run(): Promise<void> {
    const ttl = this.config.polling.leaseTtlMs;
    const keeper = new LeaseKeeper(
      this.leases,
      `x:${this.config.userId}`,
      this.kit.instanceId,
      ttl,
      () => {
        this.logger.warn('polling lease lost: standing by');
        this.round?.abort();
      },
    );
    const retryMs = Math.max(1_000, Math.floor(ttl / 3));
    while (!this.lifetime.signal.aborted) {
      let held = false;
      try {
        held = await keeper.tryAcquire();
      } catch (error) {
        this.logger.warn({ error: errorMessage(error) }, 'polling lease not acquired');
      }
      if (!held) {
        this.standBy();
        await sleepUntil(Date.now() + retryMs, this.lifetime.signal);
        continue;
      }
      this.logger.log({ lease: keeper.name }, 'polling lease held: polling');
      await this.poll();
    }
    await keeper.release();
  }

  /** Runs both endpoints until the lease is lost or the app stops. */
  private async poll(): Promise<void> {
    const round = new AbortController();
    this.round = round;
    if (this.lifetime.signal.aborted) round.abort();
    // Refused endpoints keep the lease while they wait for new credentials, so that stand-by
    // instances with the same credentials do not go through the same refusals.
    const auth = { credentials: this.credentials, retryMs: this.config.authRetryMs };
    const loops = [this.mentions, this.directMessages].map((p) =>
      new EndpointLoop(p, this.status, auth).run(round.signal),
    );
    await Promise.all(loops);
  }

  private standBy(): void {
    for (const part of ['mentions', 'dm'] as const) {
      const current = this.status.get(part);
      if (current?.state !== 'needs-auth')
        this.status.set(part, { state: 'up', detail: 'standby' });
    }
  }
}
