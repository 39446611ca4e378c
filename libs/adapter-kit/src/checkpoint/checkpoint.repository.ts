import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Where a poller got to (IMAP UIDVALIDITY + last UID, X since_id...), per account. Moved only
 * after Kafka has the messages up to that point.
 */
@Injectable()
export class CheckpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get<T>(key: string): Promise<T | undefined> {
    const rows: { value: T }[] = await this.dataSource.query(
      `SELECT value FROM checkpoints WHERE key = $1`,
      [key],
    );
    return rows[0]?.value;
  }

  async set<T>(key: string, value: T): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO checkpoints (key, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }
}
