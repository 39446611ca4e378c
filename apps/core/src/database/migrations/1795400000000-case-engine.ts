import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case engine: customers and their identities, routing (regions, managers, stores), threading
 * keys, links between cases, the SLA clock on each case, and a per-case history.
 * - An identity (kind, value) belongs to exactly one customer: the primary key makes concurrent
 *   creation race-free. Merged customers keep a pointer to the survivor.
 * - SLA deadlines and the moments they were warned about or breached live on the case, so reports
 *   measure time to acknowledge, register and resolve against target without recomputing.
 */
export class CaseEngine1795400000000 implements MigrationInterface {
  name = 'CaseEngine1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customers (
        id           uuid PRIMARY KEY,
        display_name text,
        language     text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        merged_into  uuid REFERENCES customers (id)
      )`);
    await q.query(`
      CREATE TABLE customer_identities (
        kind          text NOT NULL,
        value         text NOT NULL,
        customer_id   uuid NOT NULL REFERENCES customers (id),
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, value),
        CONSTRAINT customer_identities_kind_check CHECK (kind IN ('email', 'phone', 'whatsapp', 'x_user', 'x_handle'))
      )`);
    await q.query(
      `CREATE INDEX customer_identities_customer_idx ON customer_identities (customer_id)`,
    );

    await q.query(`
      CREATE TABLE managers (
        id         uuid PRIMARY KEY,
        name       text NOT NULL,
        email      text NOT NULL,
        phone      text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT managers_email_unique UNIQUE (email)
      )`);
    await q.query(`
      CREATE TABLE regions (
        code       text PRIMARY KEY,
        name       text NOT NULL,
        manager_id uuid REFERENCES managers (id),
        contacts   text[] NOT NULL DEFAULT '{}',
        active     boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE stores (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        aliases     text[] NOT NULL DEFAULT '{}',
        city        text NOT NULL,
        district    text NOT NULL,
        region_code text NOT NULL REFERENCES regions (code),
        contacts    text[] NOT NULL DEFAULT '{}',
        active      boolean NOT NULL DEFAULT true,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stores_region_idx ON stores (region_code)`);

    await q.query(`
      ALTER TABLE cases
        ADD COLUMN customer_id              uuid REFERENCES customers (id),
        ADD COLUMN category                 text NOT NULL DEFAULT 'uncategorised',
        ADD COLUMN store_code               text REFERENCES stores (code),
        ADD COLUMN region_code              text REFERENCES regions (code),
        ADD COLUMN manager_id               uuid REFERENCES managers (id),
        ADD COLUMN routed_via               text,
        ADD COLUMN last_message_at          timestamptz,
        ADD COLUMN message_count            integer NOT NULL DEFAULT 1,
        ADD COLUMN repeat_contacts          integer NOT NULL DEFAULT 0,
        ADD COLUMN sla_started_at           timestamptz,
        ADD COLUMN acknowledge_due_at       timestamptz,
        ADD COLUMN registration_due_at      timestamptz,
        ADD COLUMN resolution_due_at        timestamptz,
        ADD COLUMN acknowledge_warn_at      timestamptz,
        ADD COLUMN registration_warn_at     timestamptz,
        ADD COLUMN resolution_warn_at       timestamptz,
        ADD COLUMN acknowledged_at          timestamptz,
        ADD COLUMN registered_at            timestamptz,
        ADD COLUMN resolved_at              timestamptz,
        ADD COLUMN closed_at                timestamptz,
        ADD COLUMN acknowledge_warned_at    timestamptz,
        ADD COLUMN registration_warned_at   timestamptz,
        ADD COLUMN resolution_warned_at     timestamptz,
        ADD COLUMN acknowledge_breached_at  timestamptz,
        ADD COLUMN registration_breached_at timestamptz,
        ADD COLUMN resolution_breached_at   timestamptz,
        ADD COLUMN escalated_at             timestamptz,
        ADD COLUMN sla_next_check_at        timestamptz`);
    // The reference is unique and encodes year and serial: a second unique index on them only
    // costs every insert.
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_serial_unique`);
    await q.query(`UPDATE cases SET last_message_at = received_at WHERE last_message_at IS NULL`);
    await q.query(`ALTER TABLE cases ALTER COLUMN last_message_at SET NOT NULL`);
    await q.query(`CREATE INDEX cases_customer_idx ON cases (customer_id, last_message_at DESC)`);
    // Every index costs each of thousands of inserts a second; opened_at has no query yet.
    await q.query(`DROP INDEX cases_opened_at_idx`);
    // The SLA monitor looks only at cases whose next warning or deadline has come: the earliest
    // pending instant is kept in one indexed column instead of OR-ing six conditions.
    await q.query(
      `CREATE INDEX cases_sla_next_check_idx ON cases (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL`,
    );

    await q.query(`
      ALTER TABLE messages
        ADD COLUMN customer_id    uuid REFERENCES customers (id),
        ADD COLUMN text_signature bytea,
        ADD COLUMN link_kind      text`);
    await q.query(`CREATE INDEX messages_customer_idx ON messages (customer_id, received_at DESC)`);

    // The relay publishes the payload as stored, without parsing it back: it needs the key beside it.
    await q.query(`ALTER TABLE outbox ADD COLUMN message_key text`);
    // A queue table: every row is deleted moments after it is written. Left to the default
    // (vacuum after 20% of the table is dead), the relay's index scan wades through hundreds of
    // thousands of dead entries after a burst; vacuum it after every few thousand deletes instead.
    await q.query(`
      ALTER TABLE outbox SET (
        autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000,
        autovacuum_vacuum_cost_delay = 0)`);
    await q.query(`
      CREATE TABLE thread_keys (
        kind       text NOT NULL,
        value      text NOT NULL,
        case_id    uuid NOT NULL REFERENCES cases (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, value)
      )`);
    await q.query(`
      CREATE TABLE case_links (
        case_id         uuid NOT NULL REFERENCES cases (id),
        related_case_id uuid NOT NULL REFERENCES cases (id),
        kind            text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, related_case_id, kind)
      )`);
    await q.query(`
      CREATE TABLE case_history (
        id      bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        at      timestamptz NOT NULL DEFAULT now(),
        kind    text NOT NULL,
        actor   text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX case_history_case_idx ON case_history (case_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_history`);
    await q.query(`DROP TABLE case_links`);
    await q.query(`DROP TABLE thread_keys`);
    await q.query(`ALTER TABLE outbox RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
      autovacuum_vacuum_insert_scale_factor, autovacuum_vacuum_insert_threshold, autovacuum_vacuum_cost_delay)`);
    await q.query(`ALTER TABLE outbox DROP COLUMN message_key`);
    await q.query(
      `ALTER TABLE messages DROP COLUMN customer_id, DROP COLUMN text_signature, DROP COLUMN link_kind`,
    );
    await q.query(`
      ALTER TABLE cases
        DROP COLUMN customer_id, DROP COLUMN category, DROP COLUMN store_code, DROP COLUMN region_code,
        DROP COLUMN manager_id, DROP COLUMN routed_via, DROP COLUMN last_message_at, DROP COLUMN message_count,
        DROP COLUMN repeat_contacts, DROP COLUMN sla_started_at, DROP COLUMN acknowledge_due_at,
        DROP COLUMN registration_due_at, DROP COLUMN resolution_due_at, DROP COLUMN acknowledge_warn_at,
        DROP COLUMN registration_warn_at, DROP COLUMN resolution_warn_at, DROP COLUMN acknowledged_at,
        DROP COLUMN registered_at, DROP COLUMN resolved_at, DROP COLUMN closed_at,
        DROP COLUMN acknowledge_warned_at, DROP COLUMN registration_warned_at, DROP COLUMN resolution_warned_at,
        DROP COLUMN acknowledge_breached_at, DROP COLUMN registration_breached_at,
        DROP COLUMN resolution_breached_at, DROP COLUMN escalated_at, DROP COLUMN sla_next_check_at`);
    await q.query(`CREATE INDEX cases_opened_at_idx ON cases (opened_at)`);
    await q.query(
      `ALTER TABLE cases ADD CONSTRAINT cases_serial_unique UNIQUE (reference_year, reference_serial)`,
    );
    await q.query(`DROP TABLE stores`);
    await q.query(`DROP TABLE regions`);
    await q.query(`DROP TABLE managers`);
    await q.query(`DROP TABLE customer_identities`);
    await q.query(`DROP TABLE customers`);
  }
}
