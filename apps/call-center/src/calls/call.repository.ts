import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CallClaim {
  messageId: string;
  payloadHash: string;
  receivedAt: Date;
  publishedAt: Date | null;
}

interface ClaimRow {
  message_id: string;
  payload_hash: string;
  received_at: Date;
  published_at: Date | null;
}

@Injectable()
export class CallRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the call id for this content, or returns who holds it. A claim whose message did not
   * reach Kafka within `abandonedAfterMs` (the publish timeout) is taken over by new content: that
   * delivery was answered 503, nothing was recorded, and the sender's corrected retry is the call.
   */
  async claim(
    account: string,
    callId: string,
    messageId: string,
    payloadHash: string,
    abandonedAfterMs: number,
  ): Promise<CallClaim> {
    // A claim committed by a concurrent request after this statement's snapshot is neither
    // updated nor visible to the SELECT: asking again, in a new snapshot, sees it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const rows: ClaimRow[] = await this.dataSource.query(
        `WITH claimed AS (
           INSERT INTO calls AS c (account, call_id, message_id, payload_hash)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (account, call_id) DO UPDATE
              SET payload_hash = EXCLUDED.payload_hash, claimed_at = now()
            WHERE c.published_at IS NULL
              AND c.payload_hash <> EXCLUDED.payload_hash
              AND c.claimed_at < now() - make_interval(secs => $5::double precision / 1000)
           RETURNING message_id, payload_hash, received_at, published_at
         )
         SELECT message_id, payload_hash, received_at, published_at FROM claimed
         UNION ALL
         SELECT message_id, payload_hash, received_at, published_at FROM calls
          WHERE account = $1 AND call_id = $2 AND NOT EXISTS (SELECT 1 FROM claimed)`,
        [account, callId, messageId, payloadHash, abandonedAfterMs],
      );
      const row = rows[0];
      if (row) {
        return {
          messageId: row.message_id,
          payloadHash: row.payload_hash,
          receivedAt: new Date(row.received_at),
          publishedAt: row.published_at ? new Date(row.published_at) : null,
        };
      }
    }
    throw new Error('call claim did not settle');
  }

  async markPublished(account: string, callId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE calls SET published_at = now()
        WHERE account = $1 AND call_id = $2 AND published_at IS NULL`,
      [account, callId],
    );
  }

  async deleteOlderThan(days: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM calls WHERE received_at < now() - make_interval(days => $1)`,
      [days],
    );
    return count;
  }
}
