import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BusinessCalendar, type BusinessCalendarConfig } from './business-calendar';
import { BusinessCalendarConfigError, loadBusinessCalendar } from './business-calendar.config';

const SEED_PATH = resolve(__dirname, '../../../../deploy/seed/business-calendar.json');
const seedJson = (): BusinessCalendarConfig =>
  JSON.parse(readFileSync(SEED_PATH, 'utf8')) as BusinessCalendarConfig;

/** A wall-clock time in Istanbul (UTC+3 all year) as an instant. */
const ist = (local: string): Date => new Date(`${local}+03:00`);
const HOUR = 3_600_000;

const weekdays9to18: BusinessCalendarConfig['workingHours'] = {
  mon: [['09:00', '18:00']],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '18:00']],
  thu: [['09:00', '18:00']],
  fri: [['09:00', '18:00']],
  sat: [],
  sun: [],
};

describe('BusinessCalendar on the seed calendar (Europe/Istanbul)', () => {
  const calendar = loadBusinessCalendar(seedJson());

  it('starts the clock at receipt when the message arrives inside working hours', () => {
    const received = ist('2026-01-07T10:30'); // Wednesday
    expect(calendar.isWorkingTime(received)).toBe(true);
    expect(calendar.clockStart(received)).toEqual(received);
    expect(calendar.addWorkingHours(received, 6)).toEqual(ist('2026-01-07T16:30'));
  });

  it('treats opening as working and closing as not (half-open intervals)', () => {
    expect(calendar.isWorkingTime(ist('2026-01-07T09:00'))).toBe(true);
    expect(calendar.isWorkingTime(ist('2026-01-07T17:59:59.999'))).toBe(true);
    expect(calendar.isWorkingTime(ist('2026-01-07T18:00'))).toBe(false);
    expect(calendar.clockStart(ist('2026-01-07T18:00'))).toEqual(ist('2026-01-08T09:00'));
    expect(calendar.clockStart(ist('2026-01-07T06:00'))).toEqual(ist('2026-01-07T09:00'));
  });

  it('ends a deadline that uses up the day on its closing time, not on the next opening', () => {
    expect(calendar.addWorkingHours(ist('2026-01-07T09:00'), 9)).toEqual(ist('2026-01-07T18:00'));
    expect(calendar.addWorkingHours(ist('2026-01-07T20:00'), 0)).toEqual(ist('2026-01-08T09:00'));
  });

  it('Friday 19:00 before the Monday holiday 19 Mayıs 2025: Saturday counts, Monday does not', () => {
    // The seed desk opens on Saturdays 09:00-13:00, so the clock starts on Saturday and the
    // remaining two of the six hours fall on Tuesday, after the holiday.
    const received = ist('2025-05-16T19:00');
    expect(calendar.clockStart(received)).toEqual(ist('2025-05-17T09:00'));
    expect(calendar.isWorkingTime(ist('2025-05-19T10:00'))).toBe(false);
    expect(calendar.addWorkingHours(received, 6)).toEqual(ist('2025-05-20T11:00'));
  });

  it('Friday 19:00 before 19 Mayıs 2025 on a Monday-Friday desk: clock starts Tuesday 09:00, due 15:00', () => {
    const weekdayDesk = loadBusinessCalendar({ ...seedJson(), workingHours: weekdays9to18 });
    const received = ist('2025-05-16T19:00');
    expect(weekdayDesk.clockStart(received)).toEqual(ist('2025-05-20T09:00'));
    expect(weekdayDesk.addWorkingHours(received, 6)).toEqual(ist('2025-05-20T15:00'));
  });

  it('received Saturday 12:00 with one working hour left: five more on Monday', () => {
    const received = ist('2026-01-10T12:00');
    expect(calendar.isWorkingTime(received)).toBe(true);
    expect(calendar.isWorkingTime(ist('2026-01-10T13:00'))).toBe(false);
    expect(calendar.addWorkingHours(received, 6)).toEqual(ist('2026-01-12T14:00'));
  });

  it('stops the clock at 13:00 on an arife half day (Kurban Bayramı 2026)', () => {
    expect(calendar.isWorkingTime(ist('2026-05-26T12:59'))).toBe(true);
    expect(calendar.isWorkingTime(ist('2026-05-26T13:00'))).toBe(false);
    // 3 hours on the arife, the bayram (27-30 May) and Sunday closed, 3 hours on Monday.
    expect(calendar.addWorkingHours(ist('2026-05-26T10:00'), 6)).toEqual(ist('2026-06-01T12:00'));
    expect(calendar.clockStart(ist('2026-05-26T14:00'))).toEqual(ist('2026-06-01T09:00'));
  });

  it('closes on the 28 Ekim half day at 13:00 and on 29 Ekim', () => {
    expect(calendar.isWorkingTime(ist('2026-10-28T12:00'))).toBe(true);
    expect(calendar.isWorkingTime(ist('2026-10-28T14:00'))).toBe(false);
    expect(calendar.clockStart(ist('2026-10-28T14:00'))).toEqual(ist('2026-10-30T09:00'));
  });

  describe('addWorkingDays', () => {
    it('lands on the same wall-clock time N working days later', () => {
      expect(calendar.addWorkingDays(ist('2026-01-05T10:00'), 3)).toEqual(ist('2026-01-08T10:00'));
      // Friday + 1: Saturday is a working day of this desk.
      expect(calendar.addWorkingDays(ist('2026-01-09T10:00'), 1)).toEqual(ist('2026-01-10T10:00'));
    });

    it('counts from the clock start for out-of-hours feedback', () => {
      // Friday 19:00 -> Saturday 09:00 -> Saturday, Monday, Tuesday -> Wednesday 09:00.
      expect(calendar.addWorkingDays(ist('2026-01-09T19:00'), 3)).toEqual(ist('2026-01-14T09:00'));
    });

    it('clamps to the closing time of a day that closes earlier', () => {
      // Wednesday 15:00 + 3 = Saturday, which closes at 13:00.
      expect(calendar.addWorkingDays(ist('2026-01-07T15:00'), 3)).toEqual(ist('2026-01-10T13:00'));
      // Monday 15:00 + 1 = the Kurban arife, closing at 13:00.
      expect(calendar.addWorkingDays(ist('2026-05-25T15:00'), 1)).toEqual(ist('2026-05-26T13:00'));
    });

    it('spans a bayram: 10 working days from Monday 18 May 2026 end on Thursday 4 June', () => {
      // 19 May holiday; 20, 21, 22, 23 (Sat), 25, 26 (arife half day counts), bayram 27-30
      // and Sunday closed; 1, 2, 3, 4 June.
      expect(calendar.addWorkingDays(ist('2026-05-18T10:00'), 10)).toEqual(ist('2026-06-04T10:00'));
    });

    it('spans Ramazan Bayramı 2025', () => {
      // Sat 29 Mar (arife) is day 1, 30 Mar - 1 Apr closed, then 2 and 3 April.
      expect(calendar.addWorkingDays(ist('2025-03-28T11:00'), 3)).toEqual(ist('2025-04-03T11:00'));
    });

    it('returns the clock start for 0 days and refuses fractions and negatives', () => {
      expect(calendar.addWorkingDays(ist('2026-01-09T19:00'), 0)).toEqual(ist('2026-01-10T09:00'));
      expect(() => calendar.addWorkingDays(ist('2026-01-09T10:00'), 1.5)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays(ist('2026-01-09T10:00'), -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingHours(ist('2026-01-09T10:00'), Number.NaN)).toThrow(
        RangeError,
      );
      expect(() => calendar.clockStart(new Date('not a date'))).toThrow(RangeError);
    });
  });

  describe('workingMillisBetween', () => {
    it('counts only working time', () => {
      // Friday 17-18, Saturday 09-13, Monday 09-10.
      expect(calendar.workingMillisBetween(ist('2026-01-09T17:00'), ist('2026-01-12T10:00'))).toBe(
        6 * HOUR,
      );
      expect(calendar.workingMillisBetween(ist('2026-01-09T19:00'), ist('2026-01-10T08:00'))).toBe(
        0,
      );
    });

    it('is negative when the end is before the start', () => {
      expect(calendar.workingMillisBetween(ist('2026-01-12T10:00'), ist('2026-01-09T17:00'))).toBe(
        -6 * HOUR,
      );
    });

    it('is the inverse of addWorkingHours from any start, in or out of hours', () => {
      // A deterministic spread of starts over three years, including nights and holidays.
      const first = ist('2025-01-01T00:00').getTime();
      for (let i = 0; i < 500; i += 1) {
        const start = new Date(first + ((i * 7_919_993_137) % (3 * 365 * 24 * HOUR)));
        const hours = (i * 37) % 250;
        const end = calendar.addWorkingHours(start, hours);
        expect(calendar.workingMillisBetween(start, end)).toBe(hours * HOUR);
        // And back: adding the working time between two instants reaches the later one when
        // it lies in working time.
        if (calendar.isWorkingTime(end) && end > start) {
          const from = calendar.clockStart(start);
          expect(calendar.addWorkingMillis(from, calendar.workingMillisBetween(from, end))).toEqual(
            end,
          );
        }
      }
    });
  });
});

describe('BusinessCalendar across daylight saving (Europe/Berlin)', () => {
  const berlin = new BusinessCalendar({
    timeZone: 'Europe/Berlin',
    workingHours: weekdays9to18,
    holidays: [],
  });

  it('uses summer time after the change on 29 March 2026', () => {
    // 07:30Z is 09:30 CEST on Monday: open. A fixed winter offset would call it 08:30, closed.
    expect(berlin.isWorkingTime(new Date('2026-03-30T07:30:00Z'))).toBe(true);
    expect(berlin.isWorkingTime(new Date('2026-03-30T06:30:00Z'))).toBe(false);
    expect(berlin.clockStart(new Date('2026-03-28T12:00:00Z'))).toEqual(
      new Date('2026-03-30T09:00:00+02:00'),
    );
  });

  it('adds working hours over the weekend of the change in wall-clock terms', () => {
    // Friday 17:00 CET: one hour on Friday, five on Monday from 09:00 CEST.
    expect(berlin.addWorkingHours(new Date('2026-03-27T17:00:00+01:00'), 6)).toEqual(
      new Date('2026-03-30T14:00:00+02:00'),
    );
    expect(berlin.addWorkingDays(new Date('2026-03-27T10:00:00+01:00'), 1)).toEqual(
      new Date('2026-03-30T10:00:00+02:00'),
    );
    expect(
      berlin.workingMillisBetween(
        new Date('2026-03-27T09:00:00+01:00'),
        new Date('2026-03-30T18:00:00+02:00'),
      ),
    ).toBe(18 * HOUR);
  });

  it('gives a round-the-clock Sunday 23 hours in March and 25 in October', () => {
    const allDaySunday = new BusinessCalendar({
      timeZone: 'Europe/Berlin',
      workingHours: { ...weekdays9to18, sun: [['00:00', '24:00']] },
      holidays: [],
    });
    expect(
      allDaySunday.workingMillisBetween(
        new Date('2026-03-29T00:00:00+01:00'),
        new Date('2026-03-30T00:00:00+02:00'),
      ),
    ).toBe(23 * HOUR);
    expect(
      allDaySunday.workingMillisBetween(
        new Date('2026-10-25T00:00:00+02:00'),
        new Date('2026-10-26T00:00:00+01:00'),
      ),
    ).toBe(25 * HOUR);
  });

  it('has no working time in an interval skipped by the spring change', () => {
    const nightShift = new BusinessCalendar({
      timeZone: 'Europe/Berlin',
      workingHours: {
        mon: [],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [['02:00', '03:00']],
      },
      holidays: [],
    });
    expect(nightShift.clockStart(new Date('2026-03-28T12:00:00Z'))).toEqual(
      new Date('2026-04-05T02:00:00+02:00'),
    );
  });
});

describe('addWorkingDays clamping on split days', () => {
  const calendar = new BusinessCalendar({
    timeZone: 'Europe/Istanbul',
    workingHours: {
      ...weekdays9to18,
      tue: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      wed: [['10:00', '18:00']],
    },
    holidays: [],
  });

  it('moves a deadline that falls in the lunch break to the start of the break', () => {
    expect(calendar.addWorkingDays(ist('2026-01-05T12:30'), 1)).toEqual(ist('2026-01-06T12:00'));
    expect(calendar.isWorkingTime(ist('2026-01-06T12:30'))).toBe(false);
  });

  it('moves a deadline before the day opens to its opening', () => {
    expect(calendar.addWorkingDays(ist('2026-01-06T09:30'), 1)).toEqual(ist('2026-01-07T10:00'));
  });
});

describe('loadBusinessCalendar', () => {
  it('loads and validates the seed calendar', () => {
    const seed = seedJson();
    expect(() => loadBusinessCalendar(seed)).not.toThrow();
    expect(seed.timeZone).toBe('Europe/Istanbul');
    const years = new Set(seed.holidays.map((h) => h.date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2025', '2026', '2027']);
  });

  it.each([
    ['2025-03-30', 'Ramazan Bayramı 2025, day 1'],
    ['2025-06-09', 'Kurban Bayramı 2025, day 4'],
    ['2026-03-20', 'Ramazan Bayramı 2026, day 1'],
    ['2026-05-29', 'Kurban Bayramı 2026, day 3'],
    ['2027-03-11', 'Ramazan Bayramı 2027, day 3'],
    ['2027-05-19', 'Kurban Bayramı 2027, day 4 and 19 Mayıs'],
    ['2027-07-15', '15 Temmuz'],
    ['2027-05-01', '1 Mayıs on a Saturday'],
  ])('is closed on %s (%s)', (date) => {
    const calendar = loadBusinessCalendar(seedJson());
    expect(calendar.isWorkingTime(ist(`${date}T10:00`))).toBe(false);
  });

  it('names every problem of an invalid calendar with its path', () => {
    const invalid = {
      _coment: 'typo',
      timeZone: 'Mars/Olympus_Mons',
      workingHours: {
        ...weekdays9to18,
        mon: [['09:00', '25:00']],
        tue: [
          ['09:00', '12:00'],
          ['11:00', '14:00'],
        ],
        sat: [['13:00', '09:00']],
      },
      holidays: [
        { date: '2025-02-29', name: 'Not a day' },
        { date: '2025-01-01', name: 'Yılbaşı' },
        { date: '2025-01-01', name: 'Yılbaşı again' },
        { date: '2025-10-28', name: 'Arife', hours: [] },
        { date: '2025-10-29', name: '' },
      ],
    };
    let error: unknown;
    try {
      loadBusinessCalendar(invalid);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BusinessCalendarConfigError);
    const { message, problems } = error as BusinessCalendarConfigError;
    expect(problems).toHaveLength(9);
    for (const expected of [
      '(calendar): Unrecognized key: "_coment"',
      'timeZone: Mars/Olympus_Mons is not an IANA time zone',
      'workingHours.mon.0.1: 25:00 is not a time HH:mm',
      'workingHours.tue.1: 11:00-14:00 starts before 09:00-12:00 ends',
      'workingHours.sat.0: 13:00-09:00 must end after it starts',
      'holidays.0.date: 2025-02-29 is not a real date',
      'holidays.2.date: 2025-01-01 is already listed at holidays.1',
      'holidays.3.hours: omit hours for a full holiday',
      'holidays.4.name: must name the holiday',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it('accepts 24:00 only as the end of an interval, and only HH:mm times', () => {
    const withSunday = (sun: Array<[string, string]>) => ({
      timeZone: 'Europe/Istanbul',
      workingHours: { ...weekdays9to18, sun },
      holidays: [],
    });
    expect(() => loadBusinessCalendar(withSunday([['00:00', '24:00']]))).not.toThrow();
    expect(() => loadBusinessCalendar(withSunday([['24:00', '24:00']]))).toThrow(
      'workingHours.sun.0: 24:00-24:00 must end after it starts',
    );
    expect(() => loadBusinessCalendar(withSunday([['9:00', '12:00']]))).toThrow(
      'workingHours.sun.0.0: 9:00 is not a time HH:mm',
    );
  });

  it('refuses a calendar that is never open and one with missing weekdays', () => {
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(() =>
      loadBusinessCalendar({ timeZone: 'Europe/Istanbul', workingHours: closed, holidays: [] }),
    ).toThrow('workingHours: the desk must be open on at least one weekday');
    const sixDays: Partial<BusinessCalendarConfig['workingHours']> = { ...weekdays9to18 };
    delete sixDays.sun;
    expect(() =>
      loadBusinessCalendar({ timeZone: 'Europe/Istanbul', workingHours: sixDays, holidays: [] }),
    ).toThrow('workingHours.sun: Invalid input: expected array, received undefined');
    expect(() => loadBusinessCalendar('not a calendar')).toThrow(BusinessCalendarConfigError);
  });
});
