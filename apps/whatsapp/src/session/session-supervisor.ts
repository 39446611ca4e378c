import { Logger } from '@nestjs/common';
import type { ChannelHealthReporter, LeaseKeeper } from '@app/adapter-kit';
import type { HealthState } from '@app/contracts';
import { backoffDelay } from '@app/kafka';
import { errorMessage } from '@app/platform';
import type { SessionAccount } from '../config/whatsapp-accounts';
import { WhatsAppException } from '../whatsapp.exception';
import type {
  SessionAck,
  SessionFactory,
  SessionMessage,
  WhatsAppSession,
} from './whatsapp-session';

export type SessionState =
  | 'standby'
  | 'starting'
  | 'qr-required'
  | 'authenticated'
  | 'ready'
  | 'disconnected'
  | 'auth-failure'
  | 'logged-out'
  | 'qr-expired'
  | 'stopped';

/** How each state looks on the dashboard. */
const HEALTH: Record<SessionState, HealthState> = {
  standby: 'disabled',
  starting: 'down',
  'qr-required': 'needs-auth',
  authenticated: 'degraded',
  ready: 'up',
  disconnected: 'down',
  'auth-failure': 'needs-auth',
  'logged-out': 'needs-auth',
  'qr-expired': 'needs-auth',
  stopped: 'down',
};

/** States a person must act in (scan a QR code, relink): a reply cannot wait for them. */
const NEEDS_PERSON = new Set<SessionState>([
  'qr-required',
  'auth-failure',
  'logged-out',
  'qr-expired',
]);

export interface SupervisorDeps {
  factory: SessionFactory;
  health: ChannelHealthReporter;
  lease: LeaseKeeper;
  reconnectMaxMs: number;
  onMessage(account: SessionAccount, message: SessionMessage): Promise<void>;
  onAck(account: SessionAccount, messageId: string, ack: SessionAck): Promise<void>;
}

/**
 * Keeps one WhatsApp Web session of one number alive on one instance (a lease in PostgreSQL):
 * reports every state as a health beat (the QR code with `qr-required`), reconnects with backoff
 * after a disconnect, and after a logout, an expired QR code or an authentication failure waits
 * for a person (the relink endpoint) instead of trying for ever.
 */
export class SessionSupervisor {
  private readonly logger = new Logger(SessionSupervisor.name);
  private session?: WhatsAppSession;
  private timer?: NodeJS.Timeout;
  private attempt = 0;
  private queue: Promise<void> = Promise.resolve();
  private stateValue: SessionState = 'starting';
  private qrValue?: string;
  private since = new Date();

  constructor(
    readonly account: SessionAccount,
    private readonly deps: SupervisorDeps,
  ) {}

  get state(): SessionState {
    return this.stateValue;
  }

  get stateSince(): Date {
    return this.since;
  }

  get qr(): string | undefined {
    return this.stateValue === 'qr-required' ? this.qrValue : undefined;
  }

  async start(): Promise<void> {
    this.set('starting');
    await this.claimAndLaunch();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const session = this.session;
    this.session = undefined;
    this.set('stopped');
    await session?.destroy().catch(() => undefined);
    await this.queue;
    await this.deps.lease.release();
  }

  /** Ops asked for a fresh start: after a logout or an expired QR code, a new QR code appears. */
  async relink(): Promise<void> {
    clearTimeout(this.timer);
    this.attempt = 0;
    await this.drop();
    this.set('starting');
    await this.claimAndLaunch();
  }

  /** Another instance took the session over (we failed to renew in time): stand by. */
  leaseLost(): void {
    clearTimeout(this.timer);
    void this.drop().then(() => this.standBy());
  }

  async sendText(chatId: string, text: string): Promise<string> {
    const session = this.session;
    if (this.stateValue !== 'ready' || !session) {
      if (this.stateValue === 'standby') {
        throw new WhatsAppException(
          'session_elsewhere',
          'another instance holds this session',
          true,
        );
      }
      if (NEEDS_PERSON.has(this.stateValue)) {
        throw new WhatsAppException(
          'session_not_linked',
          `the session needs a person (${this.stateValue})`,
        );
      }
      throw new WhatsAppException('session_not_ready', `the session is ${this.stateValue}`, true);
    }
    return session.sendText(chatId, text);
  }

  /** The lease first: two instances linked to one number would fight over it. */
  private async claimAndLaunch(): Promise<void> {
    let held = false;
    try {
      held = await this.deps.lease.tryAcquire();
    } catch (error) {
      this.logger.warn(
        { account: this.account.id, error: errorMessage(error) },
        'session lease unavailable',
      );
    }
    if (!held) return this.standBy();
    await this.launch();
  }

  /** Another instance holds the session: ask for the lease again in a while. */
  private standBy(): void {
    this.set('standby');
    this.timer = setTimeout(() => void this.claimAndLaunch(), 10_000);
    this.timer.unref();
  }

  private async launch(): Promise<void> {
    const session = this.deps.factory(this.account);
    this.session = session;
    const current = () => this.session === session;
    session.on('qr', (qr) => current() && this.set('qr-required', qr));
    session.on('authenticated', () => current() && this.set('authenticated'));
    session.on('ready', () => {
      if (!current()) return;
      this.attempt = 0;
      this.set('ready');
    });
    session.on('auth_failure', () => current() && this.set('auth-failure'));
    session.on('disconnected', (reason) => current() && void this.disconnected(reason));
    session.on(
      'message',
      (message) => current() && this.enqueue(() => this.deps.onMessage(this.account, message)),
    );
    session.on(
      'message_ack',
      (id, ack) => current() && this.enqueue(() => this.deps.onAck(this.account, id, ack)),
    );
    try {
      await session.initialize();
    } catch (error) {
      if (!current()) return;
      this.logger.warn(
        { account: this.account.id, error: errorMessage(error) },
        'session did not start',
      );
      this.set('disconnected', undefined, 'start-failed');
      await this.drop();
      this.reconnectLater();
    }
  }

  private async disconnected(reason: string): Promise<void> {
    if (reason === 'LOGOUT') {
      // The phone unlinked us: the library shows a fresh QR code by itself; a person must scan it.
      this.set('logged-out');
      return;
    }
    if (/qr ?code/i.test(reason)) {
      // Nobody scanned in time: the library gave up and closed the browser.
      this.set('qr-expired');
      await this.drop();
      return;
    }
    this.set('disconnected', undefined, `disconnected: ${reason}`.slice(0, 100));
    await this.drop();
    this.reconnectLater();
  }

  private reconnectLater(): void {
    this.attempt++;
    const wait = backoffDelay(this.attempt, {
      initialMs: 1_000,
      maxMs: this.deps.reconnectMaxMs,
      factor: 2,
    });
    this.logger.log(
      { account: this.account.id, attempt: this.attempt, waitMs: wait },
      'session reconnects',
    );
    this.timer = setTimeout(() => void this.launch(), wait);
    this.timer.unref();
  }

  private async drop(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    session?.removeAllListeners();
    await session?.destroy().catch(() => undefined);
  }

  /** One message at a time, in the order WhatsApp gave them. */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue
      .then(work)
      .catch((error: unknown) =>
        this.logger.error(
          { account: this.account.id, error: errorMessage(error) },
          'session event not handled',
        ),
      );
  }

  private set(state: SessionState, qr?: string, detail: string = state): void {
    if (state !== this.stateValue) this.since = new Date();
    this.stateValue = state;
    this.qrValue = qr;
    this.deps.health.update(this.account.id, {
      state: HEALTH[state],
      detail,
      ...(qr ? { qr } : {}),
    });
  }
}
