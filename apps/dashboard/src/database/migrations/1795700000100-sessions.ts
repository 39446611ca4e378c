import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions of people signed in to the dashboard. The cookie holds a random id; here are only its
 * SHA-256 and the person's API token sealed under a key derived from that id (see
 * session-crypto.ts), so this table alone gives nobody a usable token.
 */
export class Sessions1795700000100 implements MigrationInterface {
  name = 'Sessions1795700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id_hash      bytea PRIMARY KEY,
        sealed_token bytea NOT NULL,
        name         text NOT NULL,
        role         text NOT NULL CHECK (role IN ('admin', 'ops', 'manager')),
        region_code  text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sessions`);
  }
}
