import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages, cases and the outbox. Tables live in core's own schema (search_path is set to it).
 * - (channel, source_id) is unique: a redelivered message is recognised by the database itself,
 *   not by a check-then-insert that two instances could both pass.
 * - Reference serials come from one sequence per year (created on first use by the
 *   ReferenceAllocator): nextval never hands out a value twice, across instances and crashes.
 */
export class InitialSchema1795310000000 implements MigrationInterface {
  name = 'InitialSchema1795310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id               uuid PRIMARY KEY,
        reference        text NOT NULL,
        reference_year   integer NOT NULL,
        reference_serial bigint NOT NULL,
        status           text NOT NULL,
        feedback_type    text NOT NULL,
        channel          text NOT NULL,
        channel_account  text NOT NULL,
        first_message_id uuid NOT NULL,
        received_at      timestamptz NOT NULL,
        opened_at        timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        CONSTRAINT cases_reference_unique UNIQUE (reference),
        CONSTRAINT cases_serial_unique UNIQUE (reference_year, reference_serial),
        CONSTRAINT cases_status_check CHECK (status IN ('created', 'in_progress', 'under_review', 'resolved', 'closed')),
        CONSTRAINT cases_type_check CHECK (feedback_type IN ('complaint', 'request', 'suggestion', 'praise'))
      )`);
    await q.query(`
      CREATE TABLE messages (
        id                uuid PRIMARY KEY,
        channel           text NOT NULL,
        channel_account   text NOT NULL,
        source_id         text NOT NULL,
        case_id           uuid REFERENCES cases (id),
        received_at       timestamptz NOT NULL,
        sent_at           timestamptz,
        recorded_at       timestamptz NOT NULL DEFAULT now(),
        sender            jsonb NOT NULL,
        subject           text,
        body              text NOT NULL,
        language          text,
        envelope          jsonb NOT NULL,
        kafka_partition   integer NOT NULL,
        kafka_offset      bigint NOT NULL,
        duplicate_count   integer NOT NULL DEFAULT 0,
        last_duplicate_at timestamptz,
        CONSTRAINT messages_channel_source_unique UNIQUE (channel, source_id)
      )`);
    await q.query(`CREATE INDEX messages_case_id_idx ON messages (case_id)`);
    await q.query(`CREATE INDEX cases_opened_at_idx ON cases (opened_at)`);
    await q.query(`
      CREATE TABLE outbox (
        id          bigserial PRIMARY KEY,
        topic       text NOT NULL,
        payload     jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        failed_at   timestamptz,
        last_error  text
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE cases`);
  }
}
