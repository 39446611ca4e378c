import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls taken in, by the source system's call id: a redelivered call gets the same messageId (and
 * so the same reference), and the same call id with different content is told apart. Only a hash
 * of the content is kept here; the content itself lives in core.
 */
export class Calls1795710000000 implements MigrationInterface {
  name = 'Calls1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calls (
        account      text NOT NULL,
        call_id      text NOT NULL,
        message_id   uuid NOT NULL,
        payload_hash text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        -- When the current content claimed the call id; with published_at still empty after a
        -- publish could have finished, that delivery failed and a corrected body may take over.
        claimed_at   timestamptz NOT NULL DEFAULT now(),
        -- Set once Kafka has the message.
        published_at timestamptz,
        PRIMARY KEY (account, call_id)
      )`);
    await q.query(`CREATE INDEX calls_received_at_idx ON calls (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calls`);
  }
}
