import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { keyFor, type CaseEventV1 } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { errorMessage, isRetriable } from '@app/platform';
import { DataSource } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { OutboxRepository, type OutboxRow } from './outbox.repository';

const FULL_SCAN_EVERY_MS = 2_000;

/** Rows written before the key was stored beside the payload get it from the payload. */
function withKey(row: OutboxRow): OutboxRow {
  if (row.key) return row;
  return {
    ...row,
    key: keyFor(row.topic as 'cases.events.v1', JSON.parse(row.value) as CaseEventV1),
  };
}

/**
 * Publishes outbox events to Kafka, oldest first, and deletes them once the broker has them
 * (at-least-once: a crash between the two republishes, and consumers de-duplicate by eventId).
 * One instance relays at a time (an advisory lock), which keeps every case's events in order.
 * Runs when woken after a commit, and on a short poll for work other instances left behind.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopped = false;
  /** Set by wake(); a wake-up during a round must not be lost, or its events wait for the poll. */
  private woken = false;
  private wakeUp?: () => void;
  /** The highest id relayed, and when the relay last looked from the start (see relayOnce). */
  private watermark = '0';
  private lastFullScan = 0;
  private loop?: Promise<void>;

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
  }

  /** Called after a transaction that wrote events committed. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.woken = false;
      let published = 0;
      try {
        published = await this.relayOnce();
        failures = 0;
      } catch (error) {
        failures++;
        this.logger.warn(
          { error: errorMessage(error), failures },
          'outbox relay failed, will retry',
        );
      }
      if (published >= this.config.outbox.batchSize) continue;
      if (this.woken && failures === 0) {
        this.woken = false;
        continue;
      }
      const pause =
        failures > 0
          ? Math.min(30_000, this.config.outbox.pollMs * 2 ** failures)
          : this.config.outbox.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  private relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.outbox.tryLock(em))) return 0;
      // A transaction can take an id below the watermark and commit after rows above it were
      // relayed: every few seconds the relay looks from the start again to pick such rows up.
      const fullScan = Date.now() - this.lastFullScan > FULL_SCAN_EVERY_MS;
      if (fullScan) this.lastFullScan = Date.now();
      const rows = (
        await this.outbox.pending(em, fullScan ? '0' : this.watermark, this.config.outbox.batchSize)
      ).map(withKey);
      if (rows.length === 0) return 0;
      try {
        await this.publisher.publishPrevalidated(rows);
        await this.outbox.remove(
          em,
          rows.map((r) => r.id),
        );
        this.advance(rows);
      } catch (error) {
        if (isRetriable(error)) throw error;
        await this.setAsideBroken(em, rows);
      }
      return rows.length;
    });
  }

  private advance(rows: readonly OutboxRow[]): void {
    const last = rows[rows.length - 1].id;
    if (BigInt(last) > BigInt(this.watermark)) this.watermark = last;
  }

  /** A batch Kafka refused for good: publish row by row, setting aside only the broken ones. */
  private async setAsideBroken(
    em: Parameters<OutboxRepository['remove']>[0],
    rows: OutboxRow[],
  ): Promise<void> {
    for (const row of rows) {
      try {
        await this.publisher.publishPrevalidated([row]);
        await this.outbox.remove(em, [row.id]);
      } catch (error) {
        if (isRetriable(error)) throw error;
        this.logger.error(
          { outboxId: row.id, topic: row.topic, error: errorMessage(error) },
          'outbox event set aside',
        );
        await this.outbox.markFailed(em, row.id, errorMessage(error));
      }
    }
    this.advance(rows);
  }
}
