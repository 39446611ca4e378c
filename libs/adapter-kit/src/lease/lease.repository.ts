import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Time-limited exclusive rights in PostgreSQL: one instance polls a given mailbox or account. */
@Injectable()
export class LeaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the lease if it is free, expired or already ours; true when we hold it now. */
  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO leases AS l (name, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
        WHERE l.holder = EXCLUDED.holder OR l.expires_at < now()
       RETURNING name`,
      [name, holder, ttlMs / 1000],
    );
    return rows.length === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM leases WHERE name = $1 AND holder = $2`, [
      name,
      holder,
    ]);
  }
}
