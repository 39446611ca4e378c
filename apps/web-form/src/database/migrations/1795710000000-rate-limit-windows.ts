import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Submissions per client address per fixed window, shared by every web-form instance. Rows of
 * past windows are swept by the janitor; client addresses are kept no longer than that.
 */
export class RateLimitWindows1795710000000 implements MigrationInterface {
  name = 'RateLimitWindows1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_windows (
        subject      text NOT NULL,
        window_start timestamptz NOT NULL,
        hits         integer NOT NULL,
        PRIMARY KEY (subject, window_start)
      )`);
    await q.query(`CREATE INDEX rate_limit_windows_start_idx ON rate_limit_windows (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_windows`);
  }
}
