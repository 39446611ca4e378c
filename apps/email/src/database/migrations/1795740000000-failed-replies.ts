import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replies reported `failed` to core. A failed receipt is final for a reply id (core never asks
 * for the same reply again), so a redelivered or retried reply found here is neither tried nor
 * reported a second time. Apart from outbound_mails because a reply without an address never
 * gets a Message-ID.
 */
export class FailedReplies1795740000000 implements MigrationInterface {
  name = 'FailedReplies1795740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE failed_replies (
        reply_id   uuid PRIMARY KEY,
        case_id    uuid NOT NULL,
        error_code text NOT NULL,
        failed_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE failed_replies`);
  }
}
