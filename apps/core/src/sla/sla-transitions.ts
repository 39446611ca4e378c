import type { SlaTarget } from '@app/contracts';

/** The SLA state of one target of one case, as stored on the case. */
export interface TargetState {
  target: SlaTarget;
  dueAt: Date;
  warnAt: Date;
  /** When the target was met (acknowledged, registered, resolved); null while pending. */
  metAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
}

export interface SlaTransition {
  target: SlaTarget;
  kind: 'sla.warning' | 'sla.breached';
  dueAt: Date;
}

export interface SlaStep {
  transitions: SlaTransition[];
  /** The states after the transitions. */
  states: TargetState[];
  /** When anything can next happen to this case's clock; null when every target is settled. */
  nextCheckAt: Date | null;
}

/**
 * What is due for a case at `now`. A target that is met or already breached is settled. A breach
 * found late (the monitor was down) is reported as a breach only: warning about it then is noise.
 */
export function slaStep(states: readonly TargetState[], now: Date): SlaStep {
  const transitions: SlaTransition[] = [];
  const next = states.map((s) => {
    if (s.metAt || s.breachedAt) return s;
    if (now >= s.dueAt) {
      transitions.push({ target: s.target, kind: 'sla.breached', dueAt: s.dueAt });
      return { ...s, breachedAt: now, warnedAt: s.warnedAt ?? now };
    }
    if (!s.warnedAt && now >= s.warnAt) {
      transitions.push({ target: s.target, kind: 'sla.warning', dueAt: s.dueAt });
      return { ...s, warnedAt: now };
    }
    return s;
  });
  return { transitions, states: next, nextCheckAt: nextCheckAt(next) };
}

export function nextCheckAt(states: readonly TargetState[]): Date | null {
  const pending = states
    .filter((s) => !s.metAt && !s.breachedAt)
    .map((s) => (s.warnedAt ? s.dueAt : s.warnAt));
  return pending.length === 0 ? null : new Date(Math.min(...pending.map((d) => d.getTime())));
}
