import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WorkingHours } from './working-hours';

/** A wall-clock time in Istanbul (UTC+3 all year) as epoch milliseconds. */
const ist = (local: string) => Date.parse(`${local}+03:00`);
const HOUR = 3_600_000;

const WEEKDAYS_9_TO_18 = {
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
  holidays: [{ date: '2026-04-23' }, { date: '2026-05-26', hours: [['09:00', '13:00']] }],
};

describe('WorkingHours (the silent alarm’s business calendar)', () => {
  const hours = WorkingHours.parse(WEEKDAYS_9_TO_18);

  it('is open on weekdays 09:00-18:00 Istanbul time, closed at night, at weekends and on holidays', () => {
    expect(hours.isOpen(ist('2026-01-07T09:00'))).toBe(true); // Wednesday
    expect(hours.isOpen(ist('2026-01-07T17:59'))).toBe(true);
    expect(hours.isOpen(ist('2026-01-07T18:00'))).toBe(false);
    expect(hours.isOpen(ist('2026-01-07T08:59'))).toBe(false);
    expect(hours.isOpen(ist('2026-01-10T11:00'))).toBe(false); // Saturday
    expect(hours.isOpen(ist('2026-04-23T11:00'))).toBe(false); // a holiday on a Thursday
    expect(hours.isOpen(ist('2026-05-26T12:00'))).toBe(true); // half day
    expect(hours.isOpen(ist('2026-05-26T14:00'))).toBe(false);
  });

  it('counts only working time between two instants, across nights and weekends', () => {
    // Friday 17:00 to Monday 10:00: one hour on Friday, one on Monday.
    expect(hours.workingMsBetween(ist('2026-01-09T17:00'), ist('2026-01-12T10:00'))).toBe(2 * HOUR);
    // All of a closed Sunday.
    expect(hours.workingMsBetween(ist('2026-01-11T00:00'), ist('2026-01-12T00:00'))).toBe(0);
    // A full working day.
    expect(hours.workingMsBetween(ist('2026-01-07T00:00'), ist('2026-01-08T00:00'))).toBe(9 * HOUR);
  });

  it('stops counting once enough working time is found', () => {
    const total = hours.workingMsBetween(
      ist('2025-01-06T00:00'),
      ist('2026-01-12T00:00'),
      3 * HOUR,
    );
    expect(total).toBeGreaterThanOrEqual(3 * HOUR);
    expect(total).toBeLessThan(20 * HOUR);
  });

  it('reads the calendar file core uses', () => {
    const file = resolve(__dirname, '../../../../deploy/seed/business-calendar.json');
    const seed = WorkingHours.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(seed.timeZone).toBe('Europe/Istanbul');
    expect(seed.isOpen(ist('2026-01-07T10:00'))).toBe(true);
    expect(seed.isOpen(ist('2026-01-07T20:00'))).toBe(false);
  });

  it('refuses a broken calendar, naming the problems', () => {
    expect(() =>
      WorkingHours.parse({
        ...WEEKDAYS_9_TO_18,
        timeZone: 'Mars/Olympus',
        workingHours: { ...WEEKDAYS_9_TO_18.workingHours, mon: [['18:00', '09:00']] },
      }),
    ).toThrow(/timeZone.*must be an IANA time zone.*workingHours\.mon.*end after it starts/);
  });
});
