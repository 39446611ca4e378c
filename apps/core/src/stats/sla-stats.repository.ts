import { Injectable } from '@nestjs/common';
import type { SlaTarget } from '@app/contracts';
import { DataSource } from 'typeorm';
import { PENDING_TARGETS } from './sla-targets.sql';

export interface SlaFigures {
  open: { status: string; regionCode: string | null; count: number }[];
  acknowledgement: { due: number; withinTarget: number };
  registration: { due: number; withinTarget: number };
  resolution: {
    resolved: number;
    withinTarget: number;
    averageHours: number | null;
    targetAverageHours: number | null;
  };
  escalated: { open: number; total: number };
  alerts: SlaAlertFigures;
}

export interface SlaAlertFigures {
  /** Open cases counted once each, by their worst pending target: breached wins over warning. */
  cases: { warning: number; breached: number };
  /** One row per region and target that has an open case in warning or breached. */
  byRegion: { regionCode: string | null; target: SlaTarget; warning: number; breached: number }[];
}

/** Cases whose `met` instant came by `due`, among those met or past `due` ($2). */
const withinTarget = (met: string, due: string) =>
  `SELECT count(*) AS due, count(*) FILTER (WHERE ${met} IS NOT NULL AND ${met} <= ${due}) AS within
     FROM cases WHERE ($1::text IS NULL OR region_code = $1) AND ${due} IS NOT NULL
      AND (${met} IS NOT NULL OR ${due} <= $2)`;

/** The SLA panel's figures, straight from the instants core stores on each case. */
@Injectable()
export class SlaStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(regionCode: string | null, now: Date): Promise<SlaFigures> {
    const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
      this.dataSource.query(sql, [regionCode, ...params]);
    const scope = `($1::text IS NULL OR region_code = $1)`;
    const [open, [ack], [reg], [res], [esc], alertRows, [alertCases]] = await Promise.all([
      q<{ status: string; region_code: string | null; count: string }>(
        `SELECT status, region_code, count(*) AS count FROM cases
          WHERE status <> 'closed' AND ${scope} GROUP BY status, region_code ORDER BY status, region_code NULLS LAST`,
      ),
      // Counted once the target was met or its deadline passed: a case still inside its time
      // is neither in nor out of target yet.
      q<{ due: string; within: string }>(withinTarget('acknowledged_at', 'acknowledge_due_at'), [
        now.toISOString(),
      ]),
      q<{ due: string; within: string }>(withinTarget('registered_at', 'registration_due_at'), [
        now.toISOString(),
      ]),
      q<{
        resolved: string;
        within: string;
        avg_hours: string | null;
        target_hours: string | null;
      }>(
        `SELECT count(*) AS resolved,
                count(*) FILTER (WHERE resolved_at <= resolution_due_at) AS within,
                avg(extract(epoch FROM resolved_at - sla_started_at)) / 3600 AS avg_hours,
                avg(extract(epoch FROM resolution_due_at - sla_started_at)) / 3600 AS target_hours
           FROM cases WHERE ${scope} AND resolved_at IS NOT NULL AND sla_started_at IS NOT NULL`,
      ),
      q<{ open: string; total: string }>(
        `SELECT count(*) FILTER (WHERE status <> 'closed') AS open, count(*) AS total
           FROM cases WHERE ${scope} AND escalated_at IS NOT NULL`,
      ),
      // From the SLA monitor's flags rather than the deadlines (as the case list's filter reads
      // them): a case counts once the monitor raised its sla.warning or sla.breached, so the
      // panel agrees with what people were told.
      q<{ region_code: string | null; target: SlaTarget; warning: string; breached: string }>(
        `SELECT region_code, t.target,
                count(*) FILTER (WHERE t.breached_at IS NULL) AS warning,
                count(*) FILTER (WHERE t.breached_at IS NOT NULL) AS breached
           FROM cases ${PENDING_TARGETS}
          WHERE status <> 'closed' AND ${scope}
          GROUP BY region_code, t.target ORDER BY region_code NULLS LAST, t.target`,
      ),
      q<{ warning: string; breached: string }>(
        `SELECT count(*) FILTER (WHERE NOT breached) AS warning, count(*) FILTER (WHERE breached) AS breached
           FROM (SELECT bool_or(t.breached_at IS NOT NULL) AS breached FROM cases ${PENDING_TARGETS}
                  WHERE status <> 'closed' AND ${scope} GROUP BY id) per_case`,
      ),
    ]);
    const hours = (v: string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
    return {
      open: open.map((r) => ({
        status: r.status,
        regionCode: r.region_code,
        count: Number(r.count),
      })),
      acknowledgement: { due: Number(ack.due), withinTarget: Number(ack.within) },
      registration: { due: Number(reg.due), withinTarget: Number(reg.within) },
      resolution: {
        resolved: Number(res.resolved),
        withinTarget: Number(res.within),
        averageHours: hours(res.avg_hours),
        targetAverageHours: hours(res.target_hours),
      },
      escalated: { open: Number(esc.open), total: Number(esc.total) },
      alerts: {
        cases: { warning: Number(alertCases.warning), breached: Number(alertCases.breached) },
        byRegion: alertRows.map((r) => ({
          regionCode: r.region_code,
          target: r.target,
          warning: Number(r.warning),
          breached: Number(r.breached),
        })),
      },
    };
  }

  /** The customers' survey scores (1-5); `case_surveys` comes with the customer-side migration. */
  async satisfaction(
    regionCode: string | null,
  ): Promise<{ average: number | null; count: number }> {
    const [row]: { avg: string | null; count: string }[] = await this.dataSource.query(
      `SELECT avg(s.score) AS avg, count(s.score) AS count
         FROM case_surveys s JOIN cases c ON c.id = s.case_id
        WHERE s.score IS NOT NULL AND ($1::text IS NULL OR c.region_code = $1)`,
      [regionCode],
    );
    return {
      average: row.avg === null ? null : Math.round(Number(row.avg) * 100) / 100,
      count: Number(row.count),
    };
  }
}
