import { Injectable } from '@nestjs/common';
import type { CaseStatus } from '@app/contracts';
import type { EntityManager } from 'typeorm';

/** Writes of the workflow to the case row, and the cases the quiet-period job closes. */
@Injectable()
export class CaseStatusRepository {
  /**
   * Moves the case and keeps the SLA instants right: leaving Created confirms the registration,
   * Resolved meets the resolution target, a reopen un-meets it and wakes the SLA monitor again.
   */
  async setStatus(em: EntityManager, caseId: string, to: CaseStatus, at: Date): Promise<void> {
    await em.query(
      `UPDATE cases SET
          status = $2,
          registered_at = COALESCE(registered_at, CASE WHEN $2 <> 'created' THEN $3::timestamptz END),
          resolved_at = CASE WHEN $2 = 'resolved' THEN $3::timestamptz
                             WHEN $2 IN ('in_progress', 'under_review') THEN NULL
                             ELSE resolved_at END,
          closed_at = CASE WHEN $2 = 'closed' THEN $3::timestamptz ELSE NULL END,
          sla_next_check_at = CASE WHEN $2 IN ('in_progress', 'under_review') THEN $3::timestamptz
                                   ELSE sla_next_check_at END,
          updated_at = now()
        WHERE id = $1`,
      [caseId, to, at.toISOString()],
    );
  }

  /** References of resolved cases quiet since before `before`, oldest first. */
  async resolvedBefore(em: EntityManager, before: Date, limit: number): Promise<string[]> {
    const rows: { reference: string }[] = await em.query(
      `SELECT reference FROM cases WHERE status = 'resolved' AND resolved_at <= $1 ORDER BY resolved_at LIMIT $2`,
      [before.toISOString(), limit],
    );
    return rows.map((r) => r.reference);
  }
}
