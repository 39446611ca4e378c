import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer's side of a case: acknowledgement timing, reply templates, the survey, the
 * agreement asked for after Resolved, a resolution delay announced by the manager, rate limits of
 * the public tracking API, and the bookkeeping of erasure and retention.
 * - The consent the customer gave travels in the envelope; a generated column makes it queryable
 *   without touching intake, and it survives erasure (it is the record of the legal basis).
 * - Rate-limit buckets hold an HMAC of the caller's IP, never the address itself.
 */
export class CustomerSide1795800000000 implements MigrationInterface {
  name = 'CustomerSide1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN acknowledged_via          text,
        ADD COLUMN acknowledged_late         boolean,
        ADD COLUMN resolution_new_date       date,
        ADD COLUMN resolution_delay_reason   text,
        ADD COLUMN resolution_delay_at       timestamptz,
        ADD COLUMN resolution_delay_asked_at timestamptz`);
    await q.query(`
      CREATE TABLE reply_templates (
        kind       text NOT NULL,
        language   text NOT NULL,
        subject    text NOT NULL,
        body       text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        PRIMARY KEY (kind, language),
        CONSTRAINT reply_templates_language_check CHECK (language IN ('tr', 'az', 'en'))
      )`);
    await q.query(`
      CREATE TABLE case_surveys (
        case_id      uuid PRIMARY KEY REFERENCES cases (id),
        requested_at timestamptz NOT NULL,
        score        smallint,
        comment      text,
        answered_at  timestamptz,
        answered_via text,
        CONSTRAINT case_surveys_score_check CHECK (score BETWEEN 1 AND 5)
      )`);
    await q.query(
      `CREATE INDEX case_surveys_answered_idx ON case_surveys (answered_at) WHERE answered_at IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE case_agreements (
        id       bigserial PRIMARY KEY,
        case_id  uuid NOT NULL REFERENCES cases (id),
        at       timestamptz NOT NULL DEFAULT now(),
        agree    boolean NOT NULL,
        comment  text,
        via      text NOT NULL
      )`);
    await q.query(`CREATE INDEX case_agreements_case_idx ON case_agreements (case_id, id)`);
    await q.query(`
      CREATE TABLE tracking_rate_limits (
        bucket       text NOT NULL,
        window_start timestamptz NOT NULL,
        hits         integer NOT NULL,
        PRIMARY KEY (bucket, window_start)
      )`);
    await q.query(`ALTER TABLE customers ADD COLUMN erased_at timestamptz`);
    await q.query(`
      ALTER TABLE messages
        ADD COLUMN consent jsonb GENERATED ALWAYS AS (envelope -> 'consent') STORED,
        ADD COLUMN payload_purged_at timestamptz,
        ADD COLUMN erased_at timestamptz`);
    // The retention job walks old messages whose payloads are still kept.
    await q.query(
      `CREATE INDEX messages_retention_idx ON messages (received_at) WHERE payload_purged_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messages_retention_idx`);
    await q.query(
      `ALTER TABLE messages DROP COLUMN consent, DROP COLUMN payload_purged_at, DROP COLUMN erased_at`,
    );
    await q.query(`ALTER TABLE customers DROP COLUMN erased_at`);
    await q.query(`DROP TABLE tracking_rate_limits`);
    await q.query(`DROP TABLE case_agreements`);
    await q.query(`DROP TABLE case_surveys`);
    await q.query(`DROP TABLE reply_templates`);
    await q.query(`
      ALTER TABLE cases
        DROP COLUMN acknowledged_via, DROP COLUMN acknowledged_late, DROP COLUMN resolution_new_date,
        DROP COLUMN resolution_delay_reason, DROP COLUMN resolution_delay_at,
        DROP COLUMN resolution_delay_asked_at`);
  }
}
