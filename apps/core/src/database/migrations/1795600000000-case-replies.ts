import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replies to customers, one row each: asked for by core (acknowledgements, status updates,
 * surveys) or reported by an adapter; their delivery as the channel reported it.
 */
export class CaseReplies1795600000000 implements MigrationInterface {
  name = 'CaseReplies1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_replies (
        reply_id            uuid PRIMARY KEY,
        case_id             uuid NOT NULL REFERENCES cases (id),
        channel             text NOT NULL,
        channel_account     text NOT NULL,
        kind                text,
        requested_at        timestamptz,
        status              text NOT NULL,
        status_at           timestamptz NOT NULL,
        provider_message_id text,
        error               jsonb,
        attempts            integer NOT NULL DEFAULT 0,
        CONSTRAINT case_replies_status_check CHECK (status IN ('requested', 'sent', 'delivered', 'read', 'failed', 'undeliverable'))
      )`);
    await q.query(`CREATE INDEX case_replies_case_idx ON case_replies (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_replies`);
  }
}
