import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * When the complaint desk works, read from the business calendar file core uses
 * (deploy/seed/business-calendar.json): the dashboard only asks "is the desk open now?" and "how
 * much working time lies between two instants?", for the silent-channel alarm. Core's calendar is
 * app code and apps do not import apps; if more apps need it, it belongs in a library.
 */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:mm');
const hours = z
  .array(z.tuple([clock, clock]))
  .refine((list) => list.every(([from, to]) => minutes(from) < minutes(to)), {
    message: 'every interval must end after it starts',
  });

const calendarSchema = z.object({
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone'),
  workingHours: z.object(
    Object.fromEntries(WEEKDAYS.map((day) => [day, hours])) as Record<Weekday, typeof hours>,
  ),
  holidays: z
    .array(
      z.object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
        hours: hours.optional(),
      }),
    )
    .default([]),
});

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Days walked at most when adding up working time: a year of closed days means a broken file. */
const MAX_DAYS = 400;

export class WorkingHours {
  private readonly holidays: Map<string, [string, string][]>;

  constructor(private readonly calendar: z.infer<typeof calendarSchema>) {
    this.holidays = new Map(calendar.holidays.map((h) => [h.date, h.hours ?? []]));
  }

  /** Validates a parsed calendar file; throws an Error naming every problem. */
  static parse(json: unknown): WorkingHours {
    const result = calendarSchema.safeParse(json);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`invalid business calendar: ${problems.join('; ')}`);
    }
    return new WorkingHours(result.data);
  }

  get timeZone(): string {
    return this.calendar.timeZone;
  }

  isOpen(atMs: number): boolean {
    const day = DateTime.fromMillis(atMs, { zone: this.timeZone }).startOf('day');
    return this.spans(day).some(([start, end]) => atMs >= start && atMs < end);
  }

  /**
   * Working milliseconds in [fromMs, toMs). Stops counting once `enoughMs` is reached, so an
   * account silent for weeks costs no more than one silent for an hour.
   */
  workingMsBetween(fromMs: number, toMs: number, enoughMs = Number.POSITIVE_INFINITY): number {
    let total = 0;
    let day = DateTime.fromMillis(fromMs, { zone: this.timeZone }).startOf('day');
    for (let i = 0; i < MAX_DAYS && day.toMillis() < toMs && total < enoughMs; i++) {
      for (const [start, end] of this.spans(day)) {
        total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
      }
      day = day.plus({ days: 1 });
    }
    return total;
  }

  /** The working intervals of one local day as epoch milliseconds. */
  private spans(day: DateTime): [number, number][] {
    const date = day.toISODate() ?? '';
    const intervals =
      this.holidays.get(date) ?? this.calendar.workingHours[WEEKDAYS[day.weekday - 1]];
    // Wall-clock times, so a day on which the clocks change still opens at 09:00 local time.
    const at = (time: string) => {
      const m = minutes(time);
      return m === 1440
        ? day.plus({ days: 1 }).toMillis()
        : day.set({ hour: Math.floor(m / 60), minute: m % 60 }).toMillis();
    };
    return intervals.map(([from, to]) => [at(from), at(to)]);
  }
}
