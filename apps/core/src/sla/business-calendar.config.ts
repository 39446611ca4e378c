import { IANAZone } from 'luxon';
import { z } from 'zod';
import {
  BusinessCalendar,
  parseCivilDate,
  parseClockTime,
  WEEKDAYS,
  type BusinessCalendarConfig,
} from './business-calendar';

/** Thrown when a business calendar file does not describe a usable calendar; lists every problem. */
export class BusinessCalendarConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid business calendar:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BusinessCalendarConfigError';
  }
}

const clockTime = z.string().refine((v) => parseClockTime(v) !== undefined, {
  error: (issue) => `${String(issue.input)} is not a time HH:mm (00:00-24:00)`,
});

/**
 * One day's hours. Order and overlap are checked here rather than by sorting and merging,
 * because a config that says 13:00-18:00 before 09:00-12:00 is more likely a typo than intent.
 * Runs even when a sibling time is malformed (zod keeps going after a failed refine), so every
 * problem of the day is reported at once.
 */
const openingHours = z.array(z.tuple([clockTime, clockTime])).superRefine((intervals, ctx) => {
  let previousEnd: number | undefined;
  let previousText = '';
  intervals.forEach(([from, to], index) => {
    const start = parseClockTime(from);
    const end = parseClockTime(to);
    if (start === undefined || end === undefined) {
      previousEnd = undefined;
      return;
    }
    if (start >= end) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `${from}-${to} must end after it starts`,
      });
    } else if (previousEnd !== undefined && start < previousEnd) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `${from}-${to} starts before ${previousText} ends: list intervals in order, without overlap`,
      });
    }
    previousEnd = end;
    previousText = `${from}-${to}`;
  });
});

const weekdayShape = Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, openingHours])) as {
  [K in (typeof WEEKDAYS)[number]]: typeof openingHours;
};

const holiday = z.strictObject({
  date: z.string().refine((v) => parseCivilDate(v) !== undefined, {
    error: (issue) => `${String(issue.input)} is not a real date YYYY-MM-DD`,
  }),
  name: z.string().trim().min(1, 'must name the holiday'),
  // An empty list would be a second way of saying "closed"; one spelling is easier to review.
  hours: openingHours
    .refine((hours) => hours.length > 0, 'omit hours for a full holiday; list them for a half day')
    .optional(),
});

export const businessCalendarConfigSchema = z.strictObject({
  /** Free text for the humans who maintain the file (why Saturday is open, sources of dates). */
  _comment: z.string().optional(),
  timeZone: z.string().refine((v) => IANAZone.isValidZone(v), {
    error: (issue) => `${String(issue.input)} is not an IANA time zone (e.g. Europe/Istanbul)`,
  }),
  workingHours: z
    .strictObject(weekdayShape)
    // With no open weekday the clock would never start.
    .refine((week) => WEEKDAYS.some((weekday) => week[weekday].length > 0), {
      message: 'the desk must be open on at least one weekday',
    }),
  holidays: z.array(holiday).superRefine((holidays, ctx) => {
    const firstIndexByDate = new Map<string, number>();
    holidays.forEach(({ date }, index) => {
      const first = firstIndexByDate.get(date);
      if (first === undefined) firstIndexByDate.set(date, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'date'],
          message: `${date} is already listed at holidays.${first}`,
        });
      }
    });
  }),
});

/**
 * Validates a parsed JSON calendar (e.g. deploy/seed/business-calendar.json) and builds the
 * calendar. Throws a BusinessCalendarConfigError naming every problem with its path, so a bad
 * file fails the boot with one readable message instead of one problem per restart.
 */
export function loadBusinessCalendar(json: unknown): BusinessCalendar {
  const result = businessCalendarConfigSchema.safeParse(json);
  if (!result.success) {
    throw new BusinessCalendarConfigError(
      result.error.issues.map(
        (issue) => `${issue.path.map(String).join('.') || '(calendar)'}: ${issue.message}`,
      ),
    );
  }
  const config: BusinessCalendarConfig = result.data;
  return new BusinessCalendar(config);
}
