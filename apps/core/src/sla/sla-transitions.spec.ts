import { slaStep, type TargetState } from './sla-transitions';

const at = (iso: string) => new Date(iso);

function state(overrides: Partial<TargetState> = {}): TargetState {
  return {
    target: 'acknowledge',
    warnAt: at('2026-11-23T12:48:00+03:00'),
    dueAt: at('2026-11-23T15:00:00+03:00'),
    metAt: null,
    warnedAt: null,
    breachedAt: null,
    ...overrides,
  };
}

describe('slaStep', () => {
  it('does nothing before 80% of the target, and says when to look again', () => {
    const step = slaStep([state()], at('2026-11-23T10:00:00+03:00'));
    expect(step.transitions).toEqual([]);
    expect(step.nextCheckAt).toEqual(at('2026-11-23T12:48:00+03:00'));
  });

  it('warns once at 80%, then looks again at the deadline', () => {
    const first = slaStep([state()], at('2026-11-23T13:00:00+03:00'));
    expect(first.transitions.map((t) => t.kind)).toEqual(['sla.warning']);
    expect(first.nextCheckAt).toEqual(at('2026-11-23T15:00:00+03:00'));
    expect(slaStep(first.states, at('2026-11-23T13:05:00+03:00')).transitions).toEqual([]);
  });

  it('breaches past the deadline, once, without a late warning', () => {
    const step = slaStep([state()], at('2026-11-23T16:00:00+03:00'));
    expect(step.transitions.map((t) => t.kind)).toEqual(['sla.breached']);
    expect(step.nextCheckAt).toBeNull();
    expect(slaStep(step.states, at('2026-11-24T16:00:00+03:00')).transitions).toEqual([]);
  });

  it('leaves met targets alone', () => {
    const step = slaStep(
      [state({ metAt: at('2026-11-23T11:00:00+03:00') })],
      at('2026-11-24T16:00:00+03:00'),
    );
    expect(step.transitions).toEqual([]);
    expect(step.nextCheckAt).toBeNull();
  });
});
