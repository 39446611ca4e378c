import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of web-form submissions: a retried POST with the same key gets the same
 * messageId (and core recognises the redelivery); the same key with a different body is refused.
 */
export class IdempotencyKeys1795310100000 implements MigrationInterface {
  name = 'IdempotencyKeys1795310100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        key          text PRIMARY KEY,
        request_hash text NOT NULL,
        message_id   uuid NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
