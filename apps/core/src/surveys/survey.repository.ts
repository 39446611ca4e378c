import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface SatisfactionSummary {
  /** Mean score 1-5 over the answered surveys, two decimals; null when none was answered. */
  average: number | null;
  count: number;
}

export interface SurveyState {
  requestedAt: Date;
  answeredAt: Date | null;
  score: number | null;
}

/** Satisfaction surveys sent after Resolved, one per case, and their answers. */
@Injectable()
export class SurveyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the case's survey; an answered one stays answered (a reopened case is not re-asked). */
  async open(em: EntityManager, caseId: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO case_surveys (case_id, requested_at) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET requested_at = EXCLUDED.requested_at
        WHERE case_surveys.answered_at IS NULL
       RETURNING case_id`,
      [caseId, at.toISOString()],
    );
    return rows.length === 1;
  }

  async stateOf(em: EntityManager, caseId: string): Promise<SurveyState | null> {
    const [row]: { requested_at: Date; answered_at: Date | null; score: number | null }[] =
      await em.query(
        `SELECT requested_at, answered_at, score FROM case_surveys WHERE case_id = $1`,
        [caseId],
      );
    return row
      ? { requestedAt: row.requested_at, answeredAt: row.answered_at, score: row.score }
      : null;
  }

  /**
   * Records an answer. From the tracking page a later answer replaces an earlier one (the customer
   * changed their mind); a bare digit in a reply only fills a survey still open.
   */
  async answer(
    em: EntityManager,
    caseId: string,
    answer: { score: number; comment: string | null; via: 'tracking' | 'reply'; at: Date },
  ): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO case_surveys AS s (case_id, requested_at, score, comment, answered_at, answered_via)
       VALUES ($1, $5, $2, $3, $5, $4)
       ON CONFLICT (case_id) DO UPDATE
          SET score = EXCLUDED.score, comment = EXCLUDED.comment,
              answered_at = EXCLUDED.answered_at, answered_via = EXCLUDED.answered_via
        WHERE $4 = 'tracking' OR s.answered_at IS NULL
       RETURNING case_id`,
      [caseId, answer.score, answer.comment, answer.via, answer.at.toISOString()],
    );
    return rows.length === 1;
  }

  /**
   * Customer satisfaction for the SLA panel: surveys answered in [from, to) (all when omitted).
   * The ops API's `GET /api/v1/stats/sla` reports it as `satisfaction`.
   */
  async summary(range: { from?: Date; to?: Date } = {}): Promise<SatisfactionSummary> {
    const [row]: { average: string | null; count: number }[] = await this.dataSource.query(
      `SELECT round(avg(score)::numeric, 2)::text AS average, count(*)::int AS count
         FROM case_surveys
        WHERE answered_at IS NOT NULL
          AND ($1::timestamptz IS NULL OR answered_at >= $1)
          AND ($2::timestamptz IS NULL OR answered_at < $2)`,
      [range.from?.toISOString() ?? null, range.to?.toISOString() ?? null],
    );
    return { average: row.average === null ? null : Number(row.average), count: row.count };
  }
}
