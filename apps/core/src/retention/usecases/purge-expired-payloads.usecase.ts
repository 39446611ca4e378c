import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@app/blob-store';
import { DataSource } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import { TrackingRateRepository } from '../../tracking/tracking-rate.repository';
import { RetentionRepository } from '../retention.repository';

const BATCH = 500;

/**
 * Raw payloads and attachments are kept RETENTION_DAYS, then deleted from the blob store and
 * unlinked from their messages; the case and the message text stay for reporting and follow-up.
 * Ended rate-limit windows of the tracking API go too.
 */
@Injectable()
export class PurgeExpiredPayloads {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
    private readonly retention: RetentionRepository,
    private readonly rates: TrackingRateRepository,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /** Returns how many messages had their payloads purged. */
  async execute(now: Date = new Date()): Promise<{ messages: number; blobs: number }> {
    const before = new Date(now.getTime() - this.config.customer.retention.days * 86_400_000);
    let messages = 0;
    let blobs = 0;
    for (;;) {
      const { purged, orphans } = await this.dataSource.transaction(async (em) => {
        const { purged, shas } = await this.retention.purgeBefore(em, before, BATCH);
        return { purged, orphans: await this.retention.unreferenced(em, shas) };
      });
      for (const sha of orphans) if (await this.blobs.delete(sha)) blobs++;
      messages += purged;
      if (purged < BATCH) break;
    }
    await this.rates.purgeBefore(new Date(now.getTime() - 86_400_000));
    return { messages, blobs };
  }
}
