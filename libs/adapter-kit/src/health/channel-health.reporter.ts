import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Topics, type ChannelHealthV1, type HealthState } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { errorMessage } from '@app/platform';
import { ADAPTER_KIT_OPTIONS, type AdapterKitOptions } from '../adapter-kit.options';

interface AccountHealth {
  state: HealthState;
  detail?: string;
  qr?: string;
  lastMessageAt?: Date;
  lastSuccessAt?: Date;
  lastError?: { at: Date; code?: string; message: string };
  counters: { received: number; errors: number; sent: number };
}

/**
 * Keeps the health of each channel account this instance serves and beats it on
 * `channels.health.v1`: at once on every change of state, and every `beatIntervalMs` otherwise,
 * so that a silent adapter is itself visible. Error texts must not carry personal data.
 */
@Injectable()
export class ChannelHealthReporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChannelHealthReporter.name);
  private readonly accounts = new Map<string, AccountHealth>();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(ADAPTER_KIT_OPTIONS) private readonly options: AdapterKitOptions,
    private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.beatAll(), this.options.beatIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // The last word of a stopping instance: the dashboard need not wait for missed beats.
    for (const account of this.accounts.keys())
      this.patch(account, { state: 'down', detail: 'stopped' }, false);
    await Promise.all([...this.accounts.keys()].map((account) => this.beat(account)));
  }

  /** Starts reporting an account (or changes its state); beats at once when anything changed. */
  update(account: string, change: { state: HealthState; detail?: string; qr?: string }): void {
    this.patch(account, change, true);
  }

  received(account: string): void {
    const h = this.health(account);
    h.counters.received++;
    h.lastMessageAt = h.lastSuccessAt = new Date();
  }

  succeeded(account: string): void {
    this.health(account).lastSuccessAt = new Date();
  }

  sent(account: string): void {
    this.health(account).counters.sent++;
  }

  failed(account: string, error: { code?: string; message: string }): void {
    const h = this.health(account);
    h.counters.errors++;
    h.lastError = { at: new Date(), code: error.code, message: error.message.slice(0, 2000) };
  }

  current(account: string): Readonly<AccountHealth> | undefined {
    return this.accounts.get(account);
  }

  private patch(
    account: string,
    change: { state: HealthState; detail?: string; qr?: string },
    beat: boolean,
  ): void {
    const h = this.health(account);
    const changed = h.state !== change.state || h.detail !== change.detail || h.qr !== change.qr;
    h.state = change.state;
    h.detail = change.detail;
    h.qr = change.qr;
    if (changed && beat) void this.beat(account);
  }

  private health(account: string): AccountHealth {
    let h = this.accounts.get(account);
    if (!h) {
      h = { state: 'down', detail: 'starting', counters: { received: 0, errors: 0, sent: 0 } };
      this.accounts.set(account, h);
    }
    return h;
  }

  private beatAll(): void {
    for (const account of this.accounts.keys()) void this.beat(account);
  }

  private async beat(account: string): Promise<void> {
    const h = this.accounts.get(account);
    if (!h) return;
    const iso = (d?: Date) => d?.toISOString();
    const beat: ChannelHealthV1 = {
      schemaVersion: 1,
      channel: this.options.channel,
      channelAccount: account,
      instanceId: this.options.instanceId,
      at: new Date().toISOString(),
      state: h.state,
      intervalMs: this.options.beatIntervalMs,
      counters: { ...h.counters },
      ...(h.detail ? { detail: h.detail } : {}),
      ...(h.qr ? { qr: h.qr } : {}),
      ...(h.lastMessageAt ? { lastMessageAt: iso(h.lastMessageAt) } : {}),
      ...(h.lastSuccessAt ? { lastSuccessAt: iso(h.lastSuccessAt) } : {}),
      ...(h.lastError
        ? {
            lastError: {
              at: iso(h.lastError.at)!,
              message: h.lastError.message,
              ...(h.lastError.code ? { code: h.lastError.code } : {}),
            },
          }
        : {}),
    };
    try {
      await this.publisher.publish(Topics.ChannelHealth, beat);
    } catch (error) {
      // Kafka down is exactly when beats cannot go out; the dashboard sees them stop.
      this.logger.debug({ error: errorMessage(error) }, 'health beat not published');
    }
  }
}
