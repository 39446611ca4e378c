import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface IdempotencyClaim {
  requestHash: string;
  messageId: string;
  createdAt: Date;
}

@Injectable()
export class IdempotencyKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims `key` for this request, or returns who holds it. One statement, so two concurrent
   * requests with the same key agree on one messageId. An expired key is taken over.
   */
  async claim(
    key: string,
    requestHash: string,
    messageId: string,
    ttlHours: number,
  ): Promise<IdempotencyClaim> {
    // A claim committed by a concurrent request after this statement's snapshot is neither
    // inserted over nor visible to the SELECT: asking again, in a new snapshot, sees it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claim = await this.tryClaim(key, requestHash, messageId, ttlHours);
      if (claim) return claim;
    }
    throw new Error('idempotency key claim did not settle');
  }

  private async tryClaim(
    key: string,
    requestHash: string,
    messageId: string,
    ttlHours: number,
  ): Promise<IdempotencyClaim | undefined> {
    const rows: { request_hash: string; message_id: string; created_at: Date }[] =
      await this.dataSource.query(
        `WITH claimed AS (
         INSERT INTO idempotency_keys AS k (key, request_hash, message_id)
         VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE
            SET request_hash = EXCLUDED.request_hash, message_id = EXCLUDED.message_id, created_at = now()
          WHERE k.created_at < now() - make_interval(hours => $4)
         RETURNING request_hash, message_id, created_at
       )
       SELECT request_hash, message_id, created_at FROM claimed
       UNION ALL
       SELECT request_hash, message_id, created_at FROM idempotency_keys
        WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
        [key, requestHash, messageId, ttlHours],
      );
    const row = rows[0];
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      messageId: row.message_id,
      createdAt: new Date(row.created_at),
    };
  }

  async deleteExpired(ttlHours: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [ttlHours],
    );
    return count;
  }
}
