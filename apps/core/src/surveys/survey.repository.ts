import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface SurveyState {
  requestedAt: Date;
  answeredAt: Date | null;
  score: number | null;
}

/** Satisfaction surveys sent after Resolved, one per case, and their answers. */
@Injectable()
export class SurveyRepository {
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

  /**
   * These customer replies, of their own case, that may be a bare score: the pattern is looser
   * than the caller's, only so that long texts stay in the database.
   */
  async scoreCandidates(
    em: EntityManager,
    messages: readonly { messageId: string; caseId: string }[],
  ): Promise<{ messageId: string; body: string; receivedAt: Date }[]> {
    if (messages.length === 0) return [];
    const rows: { id: string; body: string; received_at: Date }[] = await em.query(
      `SELECT m.id, m.body, m.received_at
         FROM messages m JOIN unnest($1::uuid[], $2::uuid[]) AS x(id, case_id)
           ON m.id = x.id AND m.case_id = x.case_id
        WHERE m.body ~ '^[^0-9]*[1-5][^0-9]*$'`,
      [messages.map((m) => m.messageId), messages.map((m) => m.caseId)],
    );
    return rows.map((r) => ({ messageId: r.id, body: r.body, receivedAt: r.received_at }));
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
}
