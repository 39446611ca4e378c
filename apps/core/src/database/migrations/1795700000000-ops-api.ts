import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ops API: API tokens (only their SHA-256), internal notes on cases, dead letters taken from
 * intake.dlq.v1 and the audit of every action on them.
 */
export class OpsApi1795700000000 implements MigrationInterface {
  name = 'OpsApi1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_tokens (
        id           uuid PRIMARY KEY,
        name         text NOT NULL,
        role         text NOT NULL,
        region_code  text REFERENCES regions (code),
        token_hash   bytea NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        created_by   text NOT NULL,
        last_used_at timestamptz,
        revoked_at   timestamptz,
        CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash),
        CONSTRAINT api_tokens_role_check CHECK (role IN ('ops', 'manager', 'admin')),
        CONSTRAINT api_tokens_manager_region_check CHECK ((role = 'manager') = (region_code IS NOT NULL))
      )`);

    // Internal notes are kept apart from case_history, which holds codes only and feeds the
    // customer's tracking timeline: a note's text must never reach the customer.
    await q.query(`
      CREATE TABLE case_notes (
        id         uuid PRIMARY KEY,
        case_id    uuid NOT NULL REFERENCES cases (id),
        at         timestamptz NOT NULL DEFAULT now(),
        author     text NOT NULL,
        text       text NOT NULL
      )`);
    await q.query(`CREATE INDEX case_notes_case_idx ON case_notes (case_id, at)`);
    // The case list pages newest first. One index only: every index on cases costs each of the
    // thousands of inserts a second intake makes (docs/performance.md).
    await q.query(`CREATE INDEX cases_received_idx ON cases (received_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE dead_letters (
        id            uuid PRIMARY KEY,
        failed_at     timestamptz NOT NULL,
        received_at   timestamptz NOT NULL DEFAULT now(),
        service       text NOT NULL,
        channel       text,
        reason_code   text NOT NULL,
        reason        jsonb NOT NULL,
        source        jsonb NOT NULL,
        source_topic  text,
        payload       jsonb NOT NULL,
        headers       jsonb NOT NULL DEFAULT '{}',
        attempts      integer NOT NULL,
        status        text NOT NULL DEFAULT 'waiting',
        status_at     timestamptz NOT NULL DEFAULT now(),
        replay_count  integer NOT NULL DEFAULT 0,
        CONSTRAINT dead_letters_status_check CHECK (status IN ('waiting', 'replayed', 'discarded'))
      )`);
    await q.query(`CREATE INDEX dead_letters_status_channel_idx ON dead_letters (status, channel)`);
    await q.query(`
      CREATE TABLE dead_letter_audit (
        id             bigserial PRIMARY KEY,
        dead_letter_id uuid NOT NULL REFERENCES dead_letters (id),
        at             timestamptz NOT NULL DEFAULT now(),
        actor          text NOT NULL,
        action         text NOT NULL,
        details        jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(
      `CREATE INDEX dead_letter_audit_letter_idx ON dead_letter_audit (dead_letter_id, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letter_audit`);
    await q.query(`DROP TABLE dead_letters`);
    await q.query(`DROP INDEX cases_received_idx`);
    await q.query(`DROP TABLE case_notes`);
    await q.query(`DROP TABLE api_tokens`);
  }
}
