/** How a case stands against its SLA targets, as the case list filters and shows it. */
export const SLA_STATES = ['on_time', 'warning', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

interface Clock {
  escalatedAt: Date | null;
  acknowledgeDueAt: Date | null;
  registrationDueAt: Date | null;
  resolutionDueAt: Date | null;
  acknowledgeWarnAt: Date | null;
  registrationWarnAt: Date | null;
  resolutionWarnAt: Date | null;
  acknowledgedAt: Date | null;
  registeredAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

/**
 * Breached once escalated or when an unmet target is past due; warning when an unmet target is
 * past its warning instant. Computed from the stored instants and the clock rather than from the
 * monitor's flags, so the answer does not wait for the monitor's next tick.
 * Keep in step with SLA_STATE_SQL below.
 */
export function slaStateOf(c: Clock, now: Date): SlaState {
  const pending = (met: Date | null) => met === null && c.closedAt === null;
  const past = (at: Date | null) => at !== null && at.getTime() <= now.getTime();
  const targets: [Date | null, Date | null, Date | null][] = [
    [c.acknowledgedAt, c.acknowledgeDueAt, c.acknowledgeWarnAt],
    [c.registeredAt, c.registrationDueAt, c.registrationWarnAt],
    [c.resolvedAt, c.resolutionDueAt, c.resolutionWarnAt],
  ];
  if (c.escalatedAt || targets.some(([met, due]) => pending(met) && past(due))) return 'breached';
  if (targets.some(([met, , warn]) => pending(met) && past(warn))) return 'warning';
  return 'on_time';
}

const unmet = (met: string, at: string) =>
  `(c.${met} IS NULL AND c.closed_at IS NULL AND c.${at} <= $now)`;
const BREACHED = `(c.escalated_at IS NOT NULL OR ${unmet('acknowledged_at', 'acknowledge_due_at')} OR ${unmet('registered_at', 'registration_due_at')} OR ${unmet('resolved_at', 'resolution_due_at')})`;
const WARNING = `(${unmet('acknowledged_at', 'acknowledge_warn_at')} OR ${unmet('registered_at', 'registration_warn_at')} OR ${unmet('resolved_at', 'resolution_warn_at')})`;

/** The same rule as `slaStateOf` as SQL over `cases c`; `$now` is replaced by a parameter. */
export const SLA_STATE_SQL: Record<SlaState, string> = {
  breached: BREACHED,
  warning: `(NOT ${BREACHED} AND ${WARNING})`,
  on_time: `(NOT ${BREACHED} AND NOT ${WARNING})`,
};
