import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The WhatsApp adapter's own tables:
 * - sent_messages: the id WhatsApp gave each reply we sent (a wamid, or a WhatsApp Web message
 *   id), so that its later statuses (delivered, read, failed) and reactions reach the right case;
 * - session_archives: whatsapp-web.js RemoteAuth session archives (zip files), so a restarted
 *   instance goes on without a new QR scan;
 * - session_inbox: messages taken from a WhatsApp Web session and not yet on Kafka. WhatsApp Web
 *   does not redeliver, so a message waits here (durably) until Kafka has it.
 */
export class WhatsAppTables1795700300000 implements MigrationInterface {
  name = 'WhatsAppTables1795700300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sent_messages (
        provider_message_id text PRIMARY KEY,
        channel_account     text NOT NULL,
        reply_id            uuid NOT NULL,
        case_id             uuid NOT NULL,
        reference           text NOT NULL,
        sent_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sent_messages_reply_id_idx ON sent_messages (reply_id)`);
    await q.query(`
      CREATE TABLE session_archives (
        session    text PRIMARY KEY,
        archive    bytea NOT NULL,
        size       integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE session_inbox (
        message_id      uuid PRIMARY KEY,
        channel_account text NOT NULL,
        source_id       text NOT NULL UNIQUE,
        envelope        jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX session_inbox_created_at_idx ON session_inbox (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_inbox`);
    await q.query(`DROP TABLE session_archives`);
    await q.query(`DROP TABLE sent_messages`);
  }
}
