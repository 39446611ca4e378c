import { Logger } from '@nestjs/common';
import type { ChannelHealthReporter, CheckpointRepository, LeaseKeeper } from '@app/adapter-kit';
import { backoffDelay } from '@app/kafka';
import { errorCode, errorMessage } from '@app/platform';
import type { ImapFlow } from 'imapflow';
import { mailboxKey, type MailboxConfig } from '../config/mailbox-config';
import { EmailException } from '../email.exception';
import type { TakeInMail } from '../intake/usecases/take-in-mail.usecase';
import { imapConnection, isAuthFailure } from './imap-connection';

/** Where reading a mailbox got to. Moved past a mail only once Kafka has it. */
export interface MailboxCheckpoint {
  uidValidity: string;
  lastUid: number;
}

function checkpointKey(mailbox: MailboxConfig): string {
  return `imap:${mailboxKey(mailbox)}`;
}

export interface MailboxReaderSettings {
  pollIntervalMs: number;
  fetchBatch: number;
  rawMaxBytes: number;
  reconnectMaxMs: number;
  leaseTtlMs: number;
}

/**
 * Reads one mailbox for as long as this instance holds its lease: connects, resumes from the
 * checkpoint (all of it again after a UIDVALIDITY change), takes in every new mail in UID order,
 * then waits in IDLE (or polls) for more. Any failure closes the connection and reconnects with
 * backoff and jitter; nothing after the checkpoint is lost, because the checkpoint never passes a
 * mail Kafka does not have.
 */
export class MailboxReader {
  private readonly logger = new Logger(MailboxReader.name);
  private readonly account: string;
  private stopped = false;
  private client?: ImapFlow;
  private wakeUp?: () => void;
  private running?: Promise<void>;
  /** Failed connections in a row; a session that got the mailbox open resets it. */
  private failures = 0;

  constructor(
    private readonly mailbox: MailboxConfig,
    private readonly settings: MailboxReaderSettings,
    private readonly lease: LeaseKeeper,
    private readonly checkpoints: CheckpointRepository,
    private readonly takeIn: TakeInMail,
    private readonly health: ChannelHealthReporter,
  ) {
    this.account = mailboxKey(mailbox);
  }

  start(): void {
    this.health.update(this.account, { state: 'down', detail: 'connecting' });
    this.running = this.run();
  }

  /** Another instance holds the mailbox now: drop the connection at once. */
  leaseLost(): void {
    this.wakeUp?.();
    this.client?.close();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    this.client?.close();
    await this.running;
    await this.lease.release();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!(await this.lease.tryAcquire())) {
          // Another instance reads this mailbox; take over if its lease runs out.
          this.health.update(this.account, { state: 'up', detail: 'standby' });
          await this.pause(Math.max(1_000, Math.floor(this.settings.leaseTtlMs / 3)));
          continue;
        }
        await this.session();
        this.failures = 0;
      } catch (error) {
        if (this.stopped) break;
        this.failures++;
        const wait = backoffDelay(this.failures, {
          initialMs: 1_000,
          maxMs: this.settings.reconnectMaxMs,
          factor: 2,
        });
        const auth = isAuthFailure(error);
        const code = auth ? 'imap_auth_failed' : errorCode(error, 'imap_failed');
        this.health.failed(this.account, { code, message: errorMessage(error) });
        this.health.update(
          this.account,
          auth ? { state: 'needs-auth', detail: 'error' } : { state: 'down', detail: 'error' },
        );
        this.logger.warn(
          { mailbox: this.account, code, error: errorMessage(error), retryInMs: wait },
          'mailbox reading failed, reconnecting',
        );
        await this.pause(wait);
      } finally {
        this.client?.close();
        this.client = undefined;
      }
    }
  }

  /** One connection's life: returns when stopping, throws when the connection or lease is lost. */
  private async session(): Promise<void> {
    const client = await imapConnection(this.mailbox);
    this.client = client;
    client.on('error', (error: unknown) =>
      this.logger.debug({ mailbox: this.account, error: errorMessage(error) }, 'imap error'),
    );
    client.on('exists', () => this.wakeUp?.());
    client.on('close', () => this.wakeUp?.());
    await client.connect();
    this.health.update(this.account, { state: 'up', detail: 'connected' });
    const opened = await client.mailboxOpen(this.mailbox.path);
    // The server answers again: the next drop starts its backoff from the shortest wait.
    this.failures = 0;
    const checkpoint = await this.resume(String(opened.uidValidity), Number(opened.uidNext));
    const idle = client.capabilities.has('IDLE');
    while (!this.stopped) {
      if (!client.usable) throw new EmailException('imap_failed', 'connection closed', true);
      if (!this.lease.isHeld)
        throw new EmailException('lease_lost', 'lease lost to another instance', true);
      if (!idle) this.health.update(this.account, { state: 'up', detail: 'polling' });
      await this.fetchNew(client, checkpoint);
      this.health.succeeded(this.account);
      this.health.update(this.account, { state: 'up', detail: idle ? 'idle' : 'polling' });
      await this.pause(this.settings.pollIntervalMs);
    }
  }

  private async resume(uidValidity: string, uidNext: number): Promise<MailboxCheckpoint> {
    const key = checkpointKey(this.mailbox);
    const saved = await this.checkpoints.get<MailboxCheckpoint>(key);
    if (saved && saved.uidValidity === uidValidity) return saved;
    if (saved) {
      // UIDs of the old validity mean nothing now: read everything again; mails already taken
      // in keep their Message-ID, so core recognises them as duplicates.
      this.logger.warn({ mailbox: this.account }, 'UIDVALIDITY changed: full resync');
    }
    const fresh: MailboxCheckpoint = {
      uidValidity,
      lastUid: !saved && this.mailbox.initialSync === 'new' ? Math.max(0, uidNext - 1) : 0,
    };
    await this.checkpoints.set(key, fresh);
    return fresh;
  }

  private async fetchNew(client: ImapFlow, checkpoint: MailboxCheckpoint): Promise<void> {
    for (;;) {
      // `n:*` always matches the newest mail, even below n: hence the filter.
      const found =
        (await client.search({ uid: `${checkpoint.lastUid + 1}:*` }, { uid: true })) || [];
      const uids = found.filter((uid) => uid > checkpoint.lastUid).sort((a, b) => a - b);
      if (uids.length === 0) return;
      const batch = uids.slice(0, this.settings.fetchBatch);
      const sizes = new Map<number, number>();
      for (const m of await client.fetchAll(
        batch.join(','),
        { uid: true, size: true },
        { uid: true },
      )) {
        sizes.set(m.uid, m.size ?? 0);
      }
      const small = batch.filter((uid) => (sizes.get(uid) ?? 0) <= this.settings.rawMaxBytes);
      const sources = new Map<number, Buffer>();
      if (small.length > 0) {
        for (const m of await client.fetchAll(
          small.join(','),
          { uid: true, source: true },
          { uid: true },
        )) {
          if (m.source) sources.set(m.uid, m.source);
        }
      }
      const done: number[] = [];
      try {
        for (const uid of batch) {
          if (this.stopped || !this.lease.isHeld) break;
          let raw = sources.get(uid);
          let tooLargeBytes: number | undefined;
          if (!raw && sizes.has(uid) && !small.includes(uid)) {
            // Too large to download: its headers are dead-lettered with the reason.
            const head = await client.fetchOne(
              String(uid),
              { uid: true, headers: true },
              { uid: true },
            );
            raw = head ? head.headers : undefined;
            tooLargeBytes = sizes.get(uid);
          }
          if (raw) {
            await this.takeIn.execute(
              this.mailbox,
              raw,
              { uid, uidValidity: checkpoint.uidValidity },
              tooLargeBytes,
            );
            done.push(uid);
          }
          // A mail expunged between search and fetch has nothing to take in; move past it too.
          checkpoint.lastUid = uid;
          await this.checkpoints.set(checkpointKey(this.mailbox), checkpoint);
        }
      } finally {
        // Mails taken in before a failure are past the checkpoint: flag or move them now, or
        // they would never be.
        await this.markProcessed(client, done);
      }
      if (this.stopped || !this.lease.isHeld) return;
    }
  }

  /** Optional flag or move once Kafka has them; the checkpoint, not this, guards against repeats. */
  private async markProcessed(client: ImapFlow, uids: number[]): Promise<void> {
    if (uids.length === 0) return;
    const range = uids.join(',');
    try {
      if (this.mailbox.processedFlag) {
        await client.messageFlagsAdd(range, [this.mailbox.processedFlag], { uid: true });
      }
      if (this.mailbox.moveTo) await client.messageMove(range, this.mailbox.moveTo, { uid: true });
    } catch (error) {
      this.logger.warn(
        { mailbox: this.account, error: errorMessage(error) },
        'flagging or moving processed mail failed',
      );
    }
  }

  /** Waits `ms`, or less when new mail is announced, the connection closes or we stop. */
  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
