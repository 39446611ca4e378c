import { Injectable } from '@nestjs/common';
import type { CaseStatus } from '@app/contracts';
import { DataSource } from 'typeorm';

export interface TrackedCase {
  caseId: string;
  reference: string;
  status: CaseStatus;
  openedAt: Date;
  resolutionDueAt: Date | null;
  newResolutionDate: string | null;
  delayReason: string | null;
  identities: { kind: string; value: string }[];
  surveyOpen: boolean;
}

interface Row {
  id: string;
  reference: string;
  status: CaseStatus;
  opened_at: Date;
  resolution_due_at: Date | null;
  resolution_new_date: string | null;
  resolution_delay_reason: string | null;
  identities: { kind: string; value: string }[];
  survey_open: boolean;
}

/** What the public tracking API may show of a case, and what proves the caller is its customer. */
@Injectable()
export class TrackingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The case and its customer's identities in one round trip, found or not. */
  async find(reference: string | null): Promise<TrackedCase | null> {
    const [row]: Row[] = await this.dataSource.query(
      `SELECT c.id, c.reference, c.status, c.opened_at, c.resolution_due_at,
              to_char(c.resolution_new_date, 'YYYY-MM-DD') AS resolution_new_date, c.resolution_delay_reason,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('kind', i.kind, 'value', i.value))
                          FROM customer_identities i WHERE i.customer_id = c.customer_id), '[]') AS identities,
              EXISTS (SELECT 1 FROM case_surveys s WHERE s.case_id = c.id AND s.answered_at IS NULL) AS survey_open
         FROM cases c WHERE c.reference = $1`,
      [reference ?? ''],
    );
    if (!row) return null;
    return {
      caseId: row.id,
      reference: row.reference,
      status: row.status,
      openedAt: row.opened_at,
      resolutionDueAt: row.resolution_due_at,
      newResolutionDate: row.resolution_new_date,
      delayReason: row.resolution_delay_reason,
      identities: row.identities,
      surveyOpen: row.survey_open,
    };
  }

  /** The statuses the case went through, from its history: opened, then each status change. */
  async timeline(caseId: string): Promise<{ at: Date; status: CaseStatus }[]> {
    const rows: { at: Date; status: CaseStatus | null }[] = await this.dataSource.query(
      `SELECT at, CASE WHEN kind = 'opened' THEN 'created' ELSE details ->> 'to' END AS status
         FROM case_history
        WHERE case_id = $1 AND kind IN ('opened', 'status_changed')
        ORDER BY at, id`,
      [caseId],
    );
    return rows.filter((r): r is { at: Date; status: CaseStatus } => r.status !== null);
  }
}
