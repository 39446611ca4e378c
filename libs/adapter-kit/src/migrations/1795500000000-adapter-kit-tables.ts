import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables every channel adapter keeps in its own schema: leases (one poller per account),
 * checkpoints (where polling got to) and sent replies (each reply sent once).
 */
export class AdapterKitTables1795500000000 implements MigrationInterface {
  name = 'AdapterKitTables1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE leases (name text PRIMARY KEY, holder text NOT NULL, expires_at timestamptz NOT NULL)`,
    );
    await q.query(
      `CREATE TABLE checkpoints (key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(`
      CREATE TABLE sent_replies (
        reply_id            uuid PRIMARY KEY,
        holder              text NOT NULL,
        claimed_at          timestamptz NOT NULL,
        sent_at             timestamptz,
        provider_message_id text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sent_replies`);
    await q.query(`DROP TABLE checkpoints`);
    await q.query(`DROP TABLE leases`);
  }
}
