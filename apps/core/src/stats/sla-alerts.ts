import { SLA_TARGETS } from '@app/contracts';
import type { SlaStatsResponse } from './dto/sla-stats.response';
import type { SlaAlertFigures } from './sla-stats.repository';

/** The repository's alert rows as the answer gives them: totals, per target, per region. */
export function slaAlerts(figures: SlaAlertFigures): SlaStatsResponse['alerts'] {
  // Every target is listed, at zero when nothing is late on it, so a client need not guess.
  const byTarget = Object.fromEntries(
    SLA_TARGETS.map((t) => [t, { warning: 0, breached: 0 }]),
  ) as SlaStatsResponse['alerts']['byTarget'];
  for (const row of figures.byRegion) {
    byTarget[row.target].warning += row.warning;
    byTarget[row.target].breached += row.breached;
  }
  return { ...figures.cases, byTarget, byRegion: figures.byRegion };
}
