import { Injectable } from '@nestjs/common';
import type { DeadLetterV1 } from '@app/contracts';
import type { EntityManager } from 'typeorm';

export type DeadLetterStatus = 'waiting' | 'replayed' | 'discarded';

export interface StoredDeadLetter {
  id: string;
  failedAt: Date;
  receivedAt: Date;
  service: string;
  channel: string | null;
  reason: DeadLetterV1['reason'];
  source: DeadLetterV1['source'];
  payload: DeadLetterV1['payload'];
  headers: Record<string, string>;
  attempts: number;
  status: DeadLetterStatus;
  statusAt: Date;
  replayCount: number;
}

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

interface Row {
  id: string;
  failed_at: Date;
  received_at: Date;
  service: string;
  channel: string | null;
  reason: DeadLetterV1['reason'];
  source: DeadLetterV1['source'];
  payload: DeadLetterV1['payload'];
  headers: Record<string, string>;
  attempts: number;
  status: DeadLetterStatus;
  status_at: Date;
  replay_count: number;
}

const toStored = (r: Row): StoredDeadLetter => ({
  id: r.id,
  failedAt: r.failed_at,
  receivedAt: r.received_at,
  service: r.service,
  channel: r.channel,
  reason: r.reason,
  source: r.source,
  payload: r.payload,
  headers: r.headers,
  attempts: r.attempts,
  status: r.status,
  statusAt: r.status_at,
  replayCount: r.replay_count,
});

/** Dead letters taken from intake.dlq.v1 and the audit of what people did with them. */
@Injectable()
export class DeadLetterRepository {
  /** Stores letters once each: a redelivered batch inserts nothing twice. */
  async insert(
    em: EntityManager,
    letters: readonly { letter: DeadLetterV1; channel: string | null }[],
  ): Promise<void> {
    if (letters.length === 0) return;
    await em.query(
      `INSERT INTO dead_letters (id, failed_at, service, channel, reason_code, reason, source, source_topic, payload, headers, attempts)
       SELECT id, failed_at, service, channel, reason_code, reason, source, source_topic, payload, headers, attempts
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, failed_at timestamptz, service text, channel text,
              reason_code text, reason jsonb, source jsonb, source_topic text, payload jsonb, headers jsonb, attempts integer)
       ON CONFLICT (id) DO NOTHING`,
      [
        JSON.stringify(
          letters.map(({ letter, channel }) => ({
            id: letter.deadLetterId,
            failed_at: letter.failedAt,
            service: letter.service,
            channel,
            reason_code: letter.reason.code,
            reason: letter.reason,
            source: letter.source,
            source_topic: letter.source.kind === 'kafka' ? letter.source.topic : null,
            payload: letter.payload,
            headers: letter.headers ?? {},
            attempts: letter.attempts,
          })),
        ),
      ],
    );
  }

  async list(
    em: EntityManager,
    filter: { channel?: string; status?: DeadLetterStatus },
    limit: number,
  ): Promise<StoredDeadLetter[]> {
    const rows: Row[] = await em.query(
      `SELECT * FROM dead_letters
        WHERE ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR status = $2)
        ORDER BY failed_at DESC, id LIMIT $3`,
      [filter.channel ?? null, filter.status ?? null, limit],
    );
    return rows.map(toStored);
  }

  /**
   * Waiting letters per channel (null: not tied to a channel), with their counts per reason code
   * as stored, so a summary shows why they failed without listing them.
   */
  async waitingPerChannel(em: EntityManager): Promise<
    {
      channel: string | null;
      waiting: number;
      oldestFailedAt: Date;
      byReason: Record<string, number>;
    }[]
  > {
    const rows: {
      channel: string | null;
      waiting: string;
      oldest: Date;
      by_reason: Record<string, number>;
    }[] = await em.query(
      `SELECT channel, sum(n) AS waiting, min(oldest) AS oldest, jsonb_object_agg(reason_code, n) AS by_reason
         FROM (SELECT channel, reason_code, count(*) AS n, min(failed_at) AS oldest FROM dead_letters
                WHERE status = 'waiting' GROUP BY channel, reason_code) per_reason
        GROUP BY channel ORDER BY channel NULLS LAST`,
    );
    return rows.map((r) => ({
      channel: r.channel,
      waiting: Number(r.waiting),
      oldestFailedAt: r.oldest,
      byReason: r.by_reason,
    }));
  }

  async find(em: EntityManager, id: string, lock = false): Promise<StoredDeadLetter | null> {
    const rows: Row[] = await em.query(
      `SELECT * FROM dead_letters WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows.length > 0 ? toStored(rows[0]) : null;
  }

  async waitingIdsOfChannel(em: EntityManager, channel: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM dead_letters WHERE status = 'waiting' AND channel = $1 ORDER BY failed_at, id LIMIT $2`,
      [channel, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Moves a letter to `status` and answers it as it now stands. */
  async setStatus(
    em: EntityManager,
    id: string,
    status: DeadLetterStatus,
  ): Promise<StoredDeadLetter> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
    const [rows]: [Row[], number] = await em.query(
      `UPDATE dead_letters SET status = $2, status_at = now(),
              replay_count = replay_count + CASE WHEN $2 = 'replayed' THEN 1 ELSE 0 END
        WHERE id = $1 RETURNING *`,
      [id, status],
    );
    return toStored(rows[0]);
  }

  async audit(
    em: EntityManager,
    id: string,
    actor: string,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await em.query(
      `INSERT INTO dead_letter_audit (dead_letter_id, actor, action, details) VALUES ($1, $2, $3, $4)`,
      [id, actor, action, JSON.stringify(details)],
    );
  }

  async auditOf(em: EntityManager, id: string): Promise<AuditEntry[]> {
    const rows: AuditEntry[] = await em.query(
      `SELECT at, actor, action, details FROM dead_letter_audit WHERE dead_letter_id = $1 ORDER BY id`,
      [id],
    );
    return rows;
  }
}
