import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replies this adapter sends, by their Message-ID: a bounce names the Message-ID it bounces,
 * and this table turns it back into the reply and case it belongs to. `attempts` counts failed
 * sends, so a reply that keeps failing is given up and recorded as failed on the case.
 */
export class OutboundMails1795730000000 implements MigrationInterface {
  name = 'OutboundMails1795730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbound_mails (
        reply_id        uuid PRIMARY KEY,
        -- lower-cased, without angle brackets: how bounces are matched
        message_id      text NOT NULL UNIQUE,
        case_id         uuid NOT NULL,
        channel_account text NOT NULL,
        attempts        integer NOT NULL DEFAULT 0,
        last_error_code text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz,
        bounced_at      timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbound_mails`);
  }
}
