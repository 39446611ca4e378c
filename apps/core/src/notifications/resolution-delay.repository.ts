import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The manager's answer when a case will miss its resolution target: why, and the new date. */
@Injectable()
export class ResolutionDelayRepository {
  /** Marks the reminder as given, once per case, and only while the case is still being worked on. */
  async markAsked(
    em: EntityManager,
    caseId: string,
    at: Date,
  ): Promise<{
    reference: string;
    resolutionDueAt: Date;
    regionCode: string | null;
    managerId: string | null;
  } | null> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
    const [[row]]: [
      {
        reference: string;
        resolution_due_at: Date;
        region_code: string | null;
        manager_id: string | null;
      }[],
      number,
    ] = await em.query(
      `UPDATE cases SET resolution_delay_asked_at = $2, updated_at = now()
        WHERE id = $1 AND resolution_delay_asked_at IS NULL AND resolution_new_date IS NULL
          AND status NOT IN ('resolved', 'closed')
        RETURNING reference, resolution_due_at, region_code, manager_id`,
      [caseId, at.toISOString()],
    );
    return row
      ? {
          reference: row.reference,
          resolutionDueAt: row.resolution_due_at,
          regionCode: row.region_code,
          managerId: row.manager_id,
        }
      : null;
  }

  async record(
    em: EntityManager,
    caseId: string,
    delay: { newDate: string; reason: string; at: Date },
  ): Promise<void> {
    await em.query(
      `UPDATE cases SET resolution_new_date = $2::date, resolution_delay_reason = $3,
              resolution_delay_at = $4, updated_at = now()
        WHERE id = $1`,
      [caseId, delay.newDate, delay.reason, delay.at.toISOString()],
    );
  }
}
