import { Inject, Injectable, Logger } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '@app/blob-store';
import { errorMessage } from '@app/platform';
import { DataSource } from 'typeorm';
import { RetentionRepository } from '../../retention/retention.repository';
import { PrivacyException } from '../privacy.exception';
import { PrivacyRepository } from '../privacy.repository';

export interface ErasureResponse {
  customerId: string;
  erasedAt: string;
  identities: number;
  messages: number;
  cases: number;
  blobsDeleted: number;
}

/**
 * The right to erasure: personal data of the customer (and of the customers merged into them) is
 * pseudonymised in one transaction; then their attachments and raw payloads leave the blob store
 * unless another message still points at the same bytes. Repeating it is harmless.
 */
@Injectable()
export class EraseCustomerData {
  private readonly logger = new Logger(EraseCustomerData.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly privacy: PrivacyRepository,
    private readonly retention: RetentionRepository,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async execute(customerId: string, by: string): Promise<ErasureResponse> {
    const now = new Date();
    const { customer, counts, orphans } = await this.dataSource.transaction(async (em) => {
      const customer = await this.privacy.findCustomer(em, customerId);
      if (!customer) throw new PrivacyException('customer_not_found', 'no such customer');
      const shas = await this.privacy.blobsOf(em, customer.ids);
      const counts = await this.privacy.erase(em, customer.ids);
      // Erasure strips the messages' blob references as the retention purge does.
      return { customer, counts, orphans: await this.retention.unreferenced(em, shas) };
    });
    let blobsDeleted = 0;
    for (const sha of orphans) {
      try {
        if (await this.blobs.delete(sha)) blobsDeleted++;
      } catch (error) {
        // The rows no longer point at it; the retention job's sweep is not needed for correctness.
        this.logger.warn({ error: errorMessage(error) }, 'could not delete an erased blob');
      }
    }
    // Ids and counts only: the point is that nothing personal is left to log.
    this.logger.log({ customerId: customer.id, by, ...counts, blobsDeleted }, 'customer erased');
    return { customerId: customer.id, erasedAt: now.toISOString(), ...counts, blobsDeleted };
  }
}
