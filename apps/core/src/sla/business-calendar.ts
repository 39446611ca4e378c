import { DateTime, IANAZone } from 'luxon';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Monday first, as the week is counted in Türkiye (and ISO 8601). */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Opening hours of one day as wall-clock 'HH:mm' intervals: `[]` is closed, two intervals a lunch break. */
export type OpeningHours = Array<[string, string]>;

export interface BusinessHoliday {
  /** The local date, YYYY-MM-DD. */
  date: string;
  name: string;
  /** Present = a half day open with these hours instead of the weekday's; absent = closed all day. */
  hours?: OpeningHours;
}

export interface BusinessCalendarConfig {
  /** IANA zone the hours and dates are read in. */
  timeZone: string;
  workingHours: Record<Weekday, OpeningHours>;
  holidays: BusinessHoliday[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * A calendar with no open day for this long is almost certainly misconfigured (a holiday list
 * run wild); stop instead of walking towards the end of time.
 */
const MAX_CLOSED_DAYS = 731;

/**
 * Days already resolved to instants. Cases arrive around "now", so a few hundred days cover
 * nearly every computation; the map is cleared when full rather than managed as an LRU because
 * a refill costs some tens of microseconds per day.
 */
const DAY_CACHE_LIMIT = 4_096;

/** [start, end) of one working interval, in epoch milliseconds. */
type Span = readonly [number, number];

/** One local day resolved through the zone. */
interface ResolvedDay {
  /** The instant the local day begins (its 00:00, or the first instant after it if skipped). */
  readonly startsAt: number;
  readonly spans: readonly Span[];
}

/** [start, end) of one working interval, in minutes after local midnight (end may be 1440). */
type MinuteRange = readonly [number, number];

/**
 * Minutes after midnight of an 'HH:mm' wall-clock time, or undefined when it is not one.
 * '24:00' is accepted so a desk open until midnight (a call centre) can say so; the config
 * schema makes sure it is only ever the end of an interval.
 */
export function parseClockTime(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return undefined;
  if (hours < 24) return hours * 60 + minutes;
  return hours === 24 && minutes === 0 ? 1440 : undefined;
}

/**
 * Days since 1970-01-01 of a real calendar date 'YYYY-MM-DD', or undefined ('2025-02-29' is
 * not a date even though Date.UTC would quietly roll it over to March).
 */
export function parseCivilDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return undefined;
  if (check.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

/** Monday = 0 … Sunday = 6 of a day number; 1970-01-01 was a Thursday. */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function toMs(at: Date, what: string): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what} is an invalid Date`);
  return ms;
}

function parseHours(hours: OpeningHours, where: string): MinuteRange[] {
  return hours.map(([from, to]) => {
    const start = parseClockTime(from);
    const end = parseClockTime(to);
    if (start === undefined || end === undefined || start >= end) {
      throw new RangeError(`${where}: ${from}-${to} is not an interval of HH:mm times`);
    }
    return [start, end] as const;
  });
}

/**
 * Working time of a complaint desk: when the SLA clock runs.
 *
 * All methods take and return instants (Dates); wall-clock times and dates are only ever read in
 * the configured zone, so the result is right for any server time zone and across daylight
 * saving changes. Intervals are half-open: a desk open 09:00-18:00 is working at 09:00 and no
 * longer at 18:00, and a deadline that uses up the whole day lands on 18:00, not on the next
 * morning.
 *
 * Build it from a config that went through `loadBusinessCalendar`; the constructor repeats only
 * the checks without which it could not work at all.
 */
export class BusinessCalendar {
  readonly timeZone: string;
  private readonly zone: IANAZone;
  private readonly weekly: MinuteRange[][];
  /**
   * Holidays by day number (days since 1970-01-01), mapped to their hours: [] closed, or the
   * hours of a half day. Numbers rather than date strings because the walk moves by day numbers.
   */
  private readonly holidays = new Map<number, MinuteRange[]>();
  private readonly dayCache = new Map<number, ResolvedDay>();
  /**
   * The zone's offset at the last day boundary looked up: the first guess for the next lookup,
   * so finding an instant's local day is usually one cache hit and no time-zone computation.
   */
  private offsetGuessMs: number;

  constructor(config: BusinessCalendarConfig) {
    if (!IANAZone.isValidZone(config.timeZone)) {
      throw new RangeError(`timeZone: ${config.timeZone} is not an IANA time zone`);
    }
    this.timeZone = config.timeZone;
    this.zone = IANAZone.create(config.timeZone);
    this.offsetGuessMs = this.zone.offset(Date.now()) * MINUTE_MS;
    this.weekly = WEEKDAYS.map((weekday) =>
      parseHours(config.workingHours[weekday], `workingHours.${weekday}`),
    );
    if (this.weekly.every((hours) => hours.length === 0)) {
      throw new RangeError('workingHours: the desk is never open');
    }
    for (const holiday of config.holidays) {
      const day = parseCivilDate(holiday.date);
      if (day === undefined) throw new RangeError(`holidays: ${holiday.date} is not a date`);
      this.holidays.set(
        day,
        holiday.hours ? parseHours(holiday.hours, `holidays.${holiday.date}`) : [],
      );
    }
  }

  /** Whether the SLA clock runs at this instant. */
  isWorkingTime(at: Date): boolean {
    const ms = toMs(at, 'at');
    return this.spansOf(this.localDay(ms)).some(([start, end]) => start <= ms && ms < end);
  }

  /**
   * When the clock starts for feedback received at this instant: the instant itself during
   * working time, otherwise the opening of the next working interval (Friday 19:00 before a
   * Monday holiday starts on Tuesday morning).
   */
  clockStart(receivedAt: Date): Date {
    return new Date(this.clockStartMs(toMs(receivedAt, 'receivedAt')));
  }

  /**
   * The instant at which `millis` of working time have elapsed since `start`. Time before the
   * clock starts does not count; when the amount runs out exactly at a closing time the result
   * is that closing time (due Monday 18:00, not Tuesday 09:00).
   */
  addWorkingMillis(start: Date, millis: number): Date {
    if (!Number.isFinite(millis) || millis < 0) {
      throw new RangeError(`working time to add must be a finite number >= 0, got ${millis}`);
    }
    // Dates have millisecond resolution; rounding here keeps the walk exact.
    let remaining = Math.round(millis);
    for (const [from, to] of this.spansFrom(toMs(start, 'start'))) {
      if (remaining <= to - from) return new Date(from + remaining);
      remaining -= to - from;
    }
    throw new Error('unreachable: spansFrom never ends');
  }

  addWorkingHours(start: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`working hours to add must be a finite number >= 0, got ${hours}`);
    }
    return this.addWorkingMillis(start, hours * 60 * MINUTE_MS);
  }

  /**
   * "N working days" after `start`:
   *
   * 1. The clock starts at `c = clockStart(start)`; its local date is day 0 and its local
   *    wall-clock time is `T`.
   * 2. A working day is a local date with any working hours, so a half day (arife, 28 Ekim)
   *    counts as a whole working day, and so does a Saturday when the desk opens on Saturdays;
   *    closed weekdays and full holidays do not count.
   * 3. The deadline is on the N-th working day after day 0, at `T`, clamped into that day's
   *    working hours: before it opens, its opening time; after it closes (a half day closing
   *    at 13:00), its closing time; in a break, the start of the break.
   * 4. N = 0 is the clock start itself.
   *
   * Why this and not "N × a day's working hours": it is what a store manager expects to read
   * ("received Monday 10:00, register by Thursday 10:00"), it does not depend on how long the
   * days in between are (a half day or a lunch break does not move the deadline), and a half
   * day still counts as a day, as it does for the people working it. The clamping choices are
   * the same point in working time whichever side is picked, so warnings and reports that
   * measure working time are not affected by them; a deadline never lands after `T` except
   * when day N opens later than `T`.
   */
  addWorkingDays(start: Date, days: number): Date {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`working days to add must be a whole number >= 0, got ${days}`);
    }
    const begin = this.clockStartMs(toMs(start, 'start'));
    if (days === 0) return new Date(begin);
    const { day: startDay, msOfDay } = this.localPosition(begin);
    let day = startDay;
    let counted = 0;
    let closedRun = 0;
    while (counted < days) {
      day += 1;
      if (this.spansOf(day).length > 0) {
        counted += 1;
        closedRun = 0;
      } else if (++closedRun > MAX_CLOSED_DAYS) {
        throw this.neverOpen(begin);
      }
    }
    return new Date(clampIntoDay(this.spansOf(day), this.instantAt(day, msOfDay)));
  }

  /**
   * Working time between two instants in milliseconds; negative when `to` is before `from`, so
   * `workingMillisBetween(dueAt, resolvedAt)` is how late (positive) or early (negative) a case
   * was in working time. For any start, `workingMillisBetween(s, addWorkingMillis(s, x)) === x`.
   */
  workingMillisBetween(from: Date, to: Date): number {
    const fromMs = toMs(from, 'from');
    const toMsValue = toMs(to, 'to');
    if (toMsValue < fromMs) return -this.workingMillisBetween(to, from);
    let total = 0;
    for (const [start, end] of this.spansFrom(fromMs, toMsValue)) {
      if (start >= toMsValue) break;
      total += Math.min(end, toMsValue) - start;
    }
    return total;
  }

  private clockStartMs(at: number): number {
    for (const [start] of this.spansFrom(at)) return start;
    throw new Error('unreachable: spansFrom never ends');
  }

  /**
   * Working intervals that end after `at`, in order, the first one cut to begin at `at`. Walks
   * day by day (a day is a cache hit after its first use), so ten working days are some
   * fourteen steps. Without `until` it does not end while the calendar keeps opening.
   */
  private *spansFrom(at: number, until?: number): Generator<Span, void, undefined> {
    let day = this.localDay(at);
    const lastDay = until === undefined ? Infinity : this.localDay(until);
    let closedRun = 0;
    for (; day <= lastDay; day += 1) {
      const spans = this.spansOf(day);
      if (spans.length === 0 && ++closedRun > MAX_CLOSED_DAYS) throw this.neverOpen(at);
      if (spans.length > 0) closedRun = 0;
      for (const [start, end] of spans) {
        if (end > at) yield [Math.max(start, at), end];
      }
    }
  }

  private spansOf(day: number): readonly Span[] {
    return this.resolveDay(day).spans;
  }

  /** A local day's start and working intervals as instants, resolved through the zone once. */
  private resolveDay(day: number): ResolvedDay {
    const cached = this.dayCache.get(day);
    if (cached) return cached;
    const hours = this.holidays.get(day) ?? this.weekly[weekdayIndex(day)];
    const spans = hours
      .map(([start, end]): Span => [
        this.instantAt(day, start * MINUTE_MS),
        this.instantAt(day, end * MINUTE_MS),
      ])
      // An interval lying wholly in a daylight-saving gap has no instants at all.
      .filter(([start, end]) => end > start);
    const resolved = { startsAt: this.instantAt(day, 0), spans };
    if (this.dayCache.size >= DAY_CACHE_LIMIT) this.dayCache.clear();
    this.dayCache.set(day, resolved);
    return resolved;
  }

  /**
   * The instant of a local wall-clock time. A UTC Date is used as a plain date-time container so
   * that 24:00 rolls over to the next day; luxon then resolves it in the zone (a time skipped by
   * the spring change moves forward by the gap, as a wall clock does).
   */
  private instantAt(day: number, msOfDay: number): number {
    const civil = new Date(day * DAY_MS + msOfDay);
    return DateTime.fromObject(
      {
        year: civil.getUTCFullYear(),
        month: civil.getUTCMonth() + 1,
        day: civil.getUTCDate(),
        hour: civil.getUTCHours(),
        minute: civil.getUTCMinutes(),
        second: civil.getUTCSeconds(),
        millisecond: civil.getUTCMilliseconds(),
      },
      { zone: this.zone },
    ).toMillis();
  }

  /** Local date (as a day number) and wall-clock time of an instant. */
  private localPosition(at: number): { day: number; msOfDay: number } {
    const local = at + this.zone.offset(at) * MINUTE_MS;
    const day = Math.floor(local / DAY_MS);
    return { day, msOfDay: local - day * DAY_MS };
  }

  /**
   * The local day containing an instant, found between cached day starts rather than by asking
   * the zone for its offset (an Intl call, the slowest step of a deadline computation). Exact:
   * the guess is only where the search begins.
   */
  private localDay(at: number): number {
    let day = Math.floor((at + this.offsetGuessMs) / DAY_MS);
    while (at < this.resolveDay(day).startsAt) day -= 1;
    while (at >= this.resolveDay(day + 1).startsAt) day += 1;
    this.offsetGuessMs = day * DAY_MS - this.resolveDay(day).startsAt;
    return day;
  }

  private neverOpen(from: number): Error {
    return new Error(
      `business calendar: no working time within ${MAX_CLOSED_DAYS} days after ${new Date(from).toISOString()}`,
    );
  }
}

/**
 * `target` moved into the day's working hours: before opening → opening, after closing →
 * closing, in a break → the start of the break. `spans` is non-empty and ordered.
 */
function clampIntoDay(spans: readonly Span[], target: number): number {
  let latest = spans[0][0];
  for (const [start, end] of spans) {
    if (target < start) break;
    if (target <= end) return target;
    latest = end;
  }
  return latest;
}
