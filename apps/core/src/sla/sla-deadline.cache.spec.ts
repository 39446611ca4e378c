import { loadBusinessCalendar } from './business-calendar.config';
import { SlaDeadlineCache } from './sla-deadline.cache';
import { computeSlaDeadlines, DEFAULT_SLA_TARGETS } from './sla-policy';

const calendar = loadBusinessCalendar({
  timeZone: 'Europe/Istanbul',
  workingHours: {
    mon: [['09:00', '18:00']],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '18:00']],
    sat: [],
    sun: [],
  },
  holidays: [],
});

describe('SlaDeadlineCache', () => {
  const cache = new SlaDeadlineCache(calendar, 0.8);

  it('counts from the start of the minute: never later than the exact deadline, at most a minute earlier', () => {
    const at = new Date('2026-11-23T10:42:37+03:00');
    const exact = computeSlaDeadlines(calendar, at, DEFAULT_SLA_TARGETS, 0.8);
    const cached = cache.deadlines(at, DEFAULT_SLA_TARGETS);
    expect(cached.acknowledgeDueAt <= exact.acknowledgeDueAt).toBe(true);
    expect(exact.acknowledgeDueAt.getTime() - cached.acknowledgeDueAt.getTime()).toBeLessThan(
      60_000,
    );
  });

  it('gives every message of a night the same deadlines as the exact computation', () => {
    const late = cache.deadlines(new Date('2026-11-23T22:15:00+03:00'), DEFAULT_SLA_TARGETS);
    const exact = computeSlaDeadlines(
      calendar,
      new Date('2026-11-23T22:15:42+03:00'),
      DEFAULT_SLA_TARGETS,
      0.8,
    );
    expect(late).toEqual(exact);
  });

  it('keeps category targets apart', () => {
    const at = new Date('2026-11-23T10:00:00+03:00');
    const fast = cache.deadlines(at, { ...DEFAULT_SLA_TARGETS, acknowledgeHours: 2 });
    const normal = cache.deadlines(at, DEFAULT_SLA_TARGETS);
    expect(fast.acknowledgeDueAt < normal.acknowledgeDueAt).toBe(true);
  });
});
