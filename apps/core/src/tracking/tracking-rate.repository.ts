import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Fixed-window hit counters in PostgreSQL, shared by every core instance. */
@Injectable()
export class TrackingRateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit in each bucket's current window; returns the hits so far per bucket. */
  async hit(buckets: readonly string[], windowSeconds: number): Promise<Map<string, number>> {
    const rows: { bucket: string; hits: number }[] = await this.dataSource.query(
      `INSERT INTO tracking_rate_limits AS t (bucket, window_start, hits)
       SELECT b, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1 FROM unnest($1::text[]) AS b
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = t.hits + 1
       RETURNING bucket, hits`,
      [buckets, windowSeconds],
    );
    return new Map(rows.map((r) => [r.bucket, r.hits]));
  }

  /** Windows that ended are only clutter. */
  async purgeBefore(before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM tracking_rate_limits WHERE window_start < $1`, [
      before.toISOString(),
    ]);
  }
}
