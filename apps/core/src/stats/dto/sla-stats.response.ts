import type { SlaTarget } from '@app/contracts';

/** Open cases of one target (or counted once per case) past the SLA monitor's warning or deadline. */
export interface SlaAlertCounts {
  /** Past the target's warning point (80% of its time), not yet past its deadline. */
  warning: number;
  /** Past the deadline and still unmet. */
  breached: number;
}

export interface SlaStatsResponse {
  at: string;
  /** Set when the figures are limited to a manager's region. */
  regionCode: string | null;
  openCases: {
    total: number;
    byStatus: Record<string, number>;
    byRegion: { regionCode: string | null; status: string; count: number }[];
  };
  acknowledgement: { targetHours: number; due: number; withinTarget: number; share: number | null };
  registration: { targetDays: number; due: number; withinTarget: number; share: number | null };
  resolution: {
    targetDays: number;
    resolved: number;
    withinTarget: number;
    share: number | null;
    averageHours: number | null;
    targetAverageHours: number | null;
  };
  escalated: { open: number; total: number };
  /**
   * Open cases the SLA monitor has warned about or found past a deadline, for targets still
   * unmet (a target met late no longer counts). `warning` and `breached` count each case once,
   * by its worst target; `byTarget` and `byRegion` count per target, so a case late on two
   * targets is in two of them.
   */
  alerts: SlaAlertCounts & {
    byTarget: Record<SlaTarget, SlaAlertCounts>;
    byRegion: ({ regionCode: string | null; target: SlaTarget } & SlaAlertCounts)[];
  };
  /** Customer satisfaction (1-5) from the surveys after Resolved; average null until one is answered. */
  satisfaction: { average: number | null; count: number };
}
