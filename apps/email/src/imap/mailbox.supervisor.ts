import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import {
  ADAPTER_KIT_OPTIONS,
  ChannelHealthReporter,
  CheckpointRepository,
  LeaseKeeper,
  LeaseRepository,
  type AdapterKitOptions,
} from '@app/adapter-kit';
import { EMAIL_CONFIG, type EmailConfig } from '../config/email.config';
import { mailboxKey } from '../config/mailbox-config';
import { TakeInMail } from '../intake/usecases/take-in-mail.usecase';
import { MailboxReader } from './mailbox-reader';

/** One reader per configured mailbox, each behind its own lease; stopped before Kafka closes. */
@Injectable()
export class MailboxSupervisor implements BeforeApplicationShutdown {
  private readers: MailboxReader[] = [];

  constructor(
    @Inject(EMAIL_CONFIG) private readonly config: EmailConfig,
    @Inject(ADAPTER_KIT_OPTIONS) private readonly kit: AdapterKitOptions,
    private readonly leases: LeaseRepository,
    private readonly checkpoints: CheckpointRepository,
    private readonly takeIn: TakeInMail,
    private readonly health: ChannelHealthReporter,
  ) {}

  start(): void {
    const { intake } = this.config;
    this.readers = this.config.mailboxes.map((mailbox) => {
      const holder: { reader?: MailboxReader } = {};
      // Losing the lease wakes the reader, which then stops reading and tries to win it back.
      const lease = new LeaseKeeper(
        this.leases,
        `email:${mailboxKey(mailbox)}`,
        this.kit.instanceId,
        intake.leaseTtlMs,
        () => holder.reader?.leaseLost(),
      );
      const reader = new MailboxReader(
        mailbox,
        intake,
        lease,
        this.checkpoints,
        this.takeIn,
        this.health,
      );
      holder.reader = reader;
      reader.start();
      return reader;
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.readers.map((r) => r.stop()));
    this.readers = [];
  }
}
