import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  ADAPTER_KIT_OPTIONS,
  ChannelHealthReporter,
  LeaseKeeper,
  LeaseRepository,
  type AdapterKitOptions,
} from '@app/adapter-kit';
import { AccountRegistry } from '../accounts/account-registry';
import { WHATSAPP_CONFIG, type WhatsAppConfig } from '../config/whatsapp.config';
import { SessionSupervisor } from './session-supervisor';
import { RecordSessionAck } from './usecases/record-session-ack.usecase';
import { ReceiveSessionMessage } from './usecases/receive-session-message.usecase';
import { WHATSAPP_SESSION_FACTORY, type SessionFactory } from './whatsapp-session';

const LEASE_TTL_MS = 60_000;

/** One supervisor per session-mode account, started with the app and stopped with it. */
@Injectable()
export class SessionManager implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly supervisors = new Map<string, SessionSupervisor>();

  constructor(
    @Inject(WHATSAPP_CONFIG) config: WhatsAppConfig,
    @Inject(WHATSAPP_SESSION_FACTORY) factory: SessionFactory,
    @Inject(ADAPTER_KIT_OPTIONS) kit: AdapterKitOptions,
    accounts: AccountRegistry,
    leases: LeaseRepository,
    health: ChannelHealthReporter,
    receive: ReceiveSessionMessage,
    acks: RecordSessionAck,
  ) {
    for (const account of accounts.sessions()) {
      const lease = new LeaseKeeper(
        leases,
        `whatsapp-session:${account.id}`,
        kit.instanceId,
        LEASE_TTL_MS,
        () => this.supervisors.get(account.id)?.leaseLost(),
      );
      this.supervisors.set(
        account.id,
        new SessionSupervisor(account, {
          factory,
          health,
          lease,
          reconnectMaxMs: config.session.reconnectMaxMs,
          onMessage: (a, m) => receive.execute(a, m),
          onAck: (a, id, ack) => acks.execute(a, id, ack),
        }),
      );
    }
  }

  onApplicationBootstrap(): void {
    // In the background: a browser takes seconds to start and must not hold up the HTTP side.
    for (const supervisor of this.supervisors.values()) void supervisor.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.supervisors.values()].map((s) => s.stop()));
  }

  get(account: string): SessionSupervisor | undefined {
    return this.supervisors.get(account);
  }

  all(): SessionSupervisor[] {
    return [...this.supervisors.values()];
  }
}
