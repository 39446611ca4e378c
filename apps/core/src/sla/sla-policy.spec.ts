import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BusinessCalendarConfig } from './business-calendar';
import { loadBusinessCalendar } from './business-calendar.config';
import { computeSlaDeadlines, DEFAULT_SLA_TARGETS, type SlaDeadlines } from './sla-policy';

const seedJson = (): BusinessCalendarConfig =>
  JSON.parse(
    readFileSync(resolve(__dirname, '../../../../deploy/seed/business-calendar.json'), 'utf8'),
  ) as BusinessCalendarConfig;

const ist = (local: string): Date => new Date(`${local}+03:00`);
const HOUR = 3_600_000;

const seedCalendar = loadBusinessCalendar(seedJson());
/** The seed's holidays on a desk closed on Saturdays, for the Friday-before-a-Monday-holiday case. */
const weekdayCalendar = loadBusinessCalendar({
  ...seedJson(),
  workingHours: { ...seedJson().workingHours, sat: [] },
});

describe('computeSlaDeadlines', () => {
  it('uses the policy defaults: 6 working hours, 3 and 10 working days', () => {
    expect(DEFAULT_SLA_TARGETS).toEqual({
      acknowledgeHours: 6,
      registrationDays: 3,
      resolutionDays: 10,
    });
  });

  it('a message received on Friday 19:00 before a public holiday (19 Mayıs 2025, a Monday)', () => {
    const deadlines = computeSlaDeadlines(
      weekdayCalendar,
      ist('2025-05-16T19:00'),
      DEFAULT_SLA_TARGETS,
    );
    expect(deadlines).toEqual<SlaDeadlines>({
      startedAt: ist('2025-05-20T09:00'),
      acknowledgeDueAt: ist('2025-05-20T15:00'),
      registrationDueAt: ist('2025-05-23T09:00'),
      resolutionDueAt: ist('2025-06-03T09:00'),
      // 80% of 6 h = 4 h 48 min.
      acknowledgeWarnAt: ist('2025-05-20T13:48'),
      // 80% of 27 h = 21 h 36 min: Tuesday and Wednesday in full, then 3 h 36 min on Thursday.
      registrationWarnAt: ist('2025-05-22T12:36'),
      // 80% of 90 h = 72 h = eight full days, which end on a closing time.
      resolutionWarnAt: ist('2025-05-29T18:00'),
    });
  });

  it('the same message on the seed desk, open on Saturday: nothing is due or warned on the holiday', () => {
    const deadlines = computeSlaDeadlines(
      seedCalendar,
      ist('2025-05-16T19:00'),
      DEFAULT_SLA_TARGETS,
    );
    expect(deadlines.startedAt).toEqual(ist('2025-05-17T09:00'));
    expect(deadlines.acknowledgeDueAt).toEqual(ist('2025-05-20T11:00'));
    // 4 h 48 min: four hours on Saturday, 48 minutes on Tuesday.
    expect(deadlines.acknowledgeWarnAt).toEqual(ist('2025-05-20T09:48'));
  });

  it('applies per-category targets', () => {
    const deadlines = computeSlaDeadlines(seedCalendar, ist('2026-01-07T10:00'), {
      acknowledgeHours: 2,
      registrationDays: 1,
      resolutionDays: 5,
    });
    expect(deadlines.acknowledgeDueAt).toEqual(ist('2026-01-07T12:00'));
    expect(deadlines.registrationDueAt).toEqual(ist('2026-01-08T10:00'));
    // Thu, Fri, Sat (closes 13:00), Mon, Tue.
    expect(deadlines.resolutionDueAt).toEqual(ist('2026-01-13T10:00'));
  });

  it('warns when 80% of the working time has elapsed, at a configurable ratio', () => {
    const received = ist('2026-01-07T10:00');
    const deadlines = computeSlaDeadlines(seedCalendar, received, DEFAULT_SLA_TARGETS, 0.5);
    expect(deadlines.acknowledgeWarnAt).toEqual(ist('2026-01-07T13:00'));
    expect(() => computeSlaDeadlines(seedCalendar, received, DEFAULT_SLA_TARGETS, 0)).toThrow(
      RangeError,
    );
    expect(() => computeSlaDeadlines(seedCalendar, received, DEFAULT_SLA_TARGETS, 1.2)).toThrow(
      RangeError,
    );
  });

  it('starts after the bayram for feedback received during it', () => {
    const deadlines = computeSlaDeadlines(
      seedCalendar,
      ist('2026-05-28T22:15'),
      DEFAULT_SLA_TARGETS,
    );
    expect(deadlines.startedAt).toEqual(ist('2026-06-01T09:00'));
    expect(deadlines.acknowledgeDueAt).toEqual(ist('2026-06-01T15:00'));
  });

  it('never schedules a warning outside working hours, and always at 80% of the working time', () => {
    const first = ist('2025-01-01T00:00').getTime();
    for (let i = 0; i < 300; i += 1) {
      const received = new Date(first + ((i * 5_394_827_411) % (3 * 365 * 24 * HOUR)));
      const d = computeSlaDeadlines(seedCalendar, received, DEFAULT_SLA_TARGETS);
      const pairs: Array<[Date, Date]> = [
        [d.acknowledgeWarnAt, d.acknowledgeDueAt],
        [d.registrationWarnAt, d.registrationDueAt],
        [d.resolutionWarnAt, d.resolutionDueAt],
      ];
      expect(d.startedAt.getTime()).toBeGreaterThanOrEqual(received.getTime());
      expect(seedCalendar.isWorkingTime(d.startedAt)).toBe(true);
      for (const [warnAt, dueAt] of pairs) {
        expect(warnAt.getTime()).toBeLessThan(dueAt.getTime());
        // In working time, or exactly at a closing time (the last working millisecond before it).
        const inHours =
          seedCalendar.isWorkingTime(warnAt) ||
          seedCalendar.isWorkingTime(new Date(warnAt.getTime() - 1));
        expect(inHours).toBe(true);
        const total = seedCalendar.workingMillisBetween(d.startedAt, dueAt);
        const elapsed = seedCalendar.workingMillisBetween(d.startedAt, warnAt);
        expect(Math.abs(elapsed - 0.8 * total)).toBeLessThanOrEqual(1);
      }
    }
  });
});
