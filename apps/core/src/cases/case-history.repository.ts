import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CaseHistoryEntry {
  caseId: string;
  at: Date;
  /** opened, routed, rerouted, message_attached, duplicate_linked, related_linked, sla_warning, sla_breached... */
  kind: string;
  /** `core` for automatic steps; who did it for people's actions. */
  actor: string;
  /** Codes and ids only: never message text or personal data. */
  details: Record<string, unknown>;
}

/** The case's audit trail and timeline. Append-only. */
@Injectable()
export class CaseHistoryRepository {
  async append(em: EntityManager, entries: readonly CaseHistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await em.query(
      `INSERT INTO case_history (case_id, at, kind, actor, details)
       SELECT case_id, at, kind, actor, details
         FROM jsonb_to_recordset($1::jsonb) AS x(case_id uuid, at timestamptz, kind text, actor text, details jsonb)`,
      [
        JSON.stringify(
          entries.map((e) => ({
            case_id: e.caseId,
            at: e.at.toISOString(),
            kind: e.kind,
            actor: e.actor,
            details: e.details,
          })),
        ),
      ],
    );
  }

  /** The case's history, oldest first. */
  async listForCase(caseId: string, em: EntityManager): Promise<CaseHistoryEntry[]> {
    const rows: {
      case_id: string;
      at: Date;
      kind: string;
      actor: string;
      details: Record<string, unknown>;
    }[] = await em.query(
      `SELECT case_id, at, kind, actor, details FROM case_history WHERE case_id = $1 ORDER BY at, id`,
      [caseId],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      at: r.at,
      kind: r.kind,
      actor: r.actor,
      details: r.details,
    }));
  }
}
