import { Injectable } from '@nestjs/common';
import type { SlaTarget } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import type { TargetState } from './sla-transitions';

export interface CaseClock {
  id: string;
  reference: string;
  regionCode: string | null;
  managerId: string | null;
  escalatedAt: Date | null;
  targets: TargetState[];
}

const TARGETS: { target: SlaTarget; met: string }[] = [
  { target: 'acknowledge', met: 'acknowledged_at' },
  { target: 'registration', met: 'registered_at' },
  { target: 'resolution', met: 'resolved_at' },
];

type Row = Record<string, unknown> & {
  id: string;
  reference: string;
  region_code: string | null;
  manager_id: string | null;
  escalated_at: Date | null;
};

const date = (v: unknown) => (v ? new Date(v as string | Date) : null);

@Injectable()
export class SlaRepository {
  /** Cases whose clock has something due, locked; other instances skip them and take the next. */
  async lockDue(em: EntityManager, now: Date, limit: number): Promise<CaseClock[]> {
    const columns = TARGETS.flatMap(({ target, met }) => [
      `${target}_due_at`,
      `${target}_warn_at`,
      met,
      `${target}_warned_at`,
      `${target}_breached_at`,
    ]).join(', ');
    const rows: Row[] = await em.query(
      `SELECT id, reference, region_code, manager_id, escalated_at, ${columns}
         FROM cases
        WHERE sla_next_check_at <= $1 AND status <> 'closed'
        ORDER BY sla_next_check_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      regionCode: r.region_code,
      managerId: r.manager_id,
      escalatedAt: date(r.escalated_at),
      targets: TARGETS.map(({ target, met }) => ({
        target,
        dueAt: date(r[`${target}_due_at`])!,
        warnAt: date(r[`${target}_warn_at`])!,
        metAt: date(r[met]),
        warnedAt: date(r[`${target}_warned_at`]),
        breachedAt: date(r[`${target}_breached_at`]),
      })),
    }));
  }

  async save(
    em: EntityManager,
    clocks: readonly {
      id: string;
      targets: TargetState[];
      escalatedAt: Date | null;
      nextCheckAt: Date | null;
    }[],
  ): Promise<void> {
    if (clocks.length === 0) return;
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const rows = clocks.map((c) => {
      const row: Record<string, unknown> = {
        id: c.id,
        escalated_at: iso(c.escalatedAt),
        sla_next_check_at: iso(c.nextCheckAt),
      };
      for (const t of c.targets) {
        row[`${t.target}_warned_at`] = iso(t.warnedAt);
        row[`${t.target}_breached_at`] = iso(t.breachedAt);
      }
      return row;
    });
    const sets = TARGETS.flatMap(({ target }) => [
      `${target}_warned_at = x.${target}_warned_at`,
      `${target}_breached_at = x.${target}_breached_at`,
    ]);
    const types = TARGETS.flatMap(({ target }) => [
      `${target}_warned_at timestamptz`,
      `${target}_breached_at timestamptz`,
    ]);
    await em.query(
      `UPDATE cases c SET ${sets.join(', ')}, escalated_at = x.escalated_at, sla_next_check_at = x.sla_next_check_at, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, escalated_at timestamptz, sla_next_check_at timestamptz, ${types.join(', ')})
        WHERE c.id = x.id`,
      [JSON.stringify(rows)],
    );
  }
}
