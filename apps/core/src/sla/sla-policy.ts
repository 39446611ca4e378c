import type { BusinessCalendar } from './business-calendar';

/** Service levels promised to the customer; a category may override any of them. */
export interface SlaTargets {
  /** Acknowledge receipt on the channel it came in on, in working hours. */
  acknowledgeHours: number;
  /** Confirm registration, in working days. */
  registrationDays: number;
  /** Aim to resolve, in working days; past it the case is escalated. */
  resolutionDays: number;
}

/** The organisation-wide default from the complaint-handling policy (ISO 10002 practice). */
export const DEFAULT_SLA_TARGETS: SlaTargets = {
  acknowledgeHours: 6,
  registrationDays: 3,
  resolutionDays: 10,
};

/**
 * Everything the case stores so that reports can measure time to open and resolution time
 * against target, and a scheduler can emit `sla.warning` / `sla.breached` without consulting
 * the calendar again.
 */
export interface SlaDeadlines {
  /** When the clock started: receipt, or the next opening when received out of hours. */
  startedAt: Date;
  acknowledgeDueAt: Date;
  registrationDueAt: Date;
  resolutionDueAt: Date;
  acknowledgeWarnAt: Date;
  registrationWarnAt: Date;
  resolutionWarnAt: Date;
}

/**
 * Deadlines of feedback received at `receivedAt`. A warn-at instant is where `warnRatio` of the
 * *working time* from the clock start to the due instant has elapsed, so a warning always falls
 * in working hours (at worst on a closing time), never at 3 a.m. or on a holiday when nobody can
 * act on it.
 */
export function computeSlaDeadlines(
  calendar: BusinessCalendar,
  receivedAt: Date,
  targets: SlaTargets,
  warnRatio = 0.8,
): SlaDeadlines {
  if (!(warnRatio > 0 && warnRatio <= 1)) {
    throw new RangeError(`warnRatio must be in (0, 1], got ${warnRatio}`);
  }
  const startedAt = calendar.clockStart(receivedAt);
  const acknowledgeDueAt = calendar.addWorkingHours(startedAt, targets.acknowledgeHours);
  const registrationDueAt = calendar.addWorkingDays(startedAt, targets.registrationDays);
  const resolutionDueAt = calendar.addWorkingDays(startedAt, targets.resolutionDays);
  const warnAt = (dueAt: Date): Date =>
    calendar.addWorkingMillis(
      startedAt,
      Math.round(calendar.workingMillisBetween(startedAt, dueAt) * warnRatio),
    );
  return {
    startedAt,
    acknowledgeDueAt,
    registrationDueAt,
    resolutionDueAt,
    acknowledgeWarnAt: warnAt(acknowledgeDueAt),
    registrationWarnAt: warnAt(registrationDueAt),
    resolutionWarnAt: warnAt(resolutionDueAt),
  };
}
