import { Logger, type Provider } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { BusinessCalendar } from './business-calendar';
import { loadBusinessCalendar } from './business-calendar.config';

/**
 * The calendar is read and validated once at start-up: a broken file stops core with its problems
 * listed. Its zone must be the organisation's TIME_ZONE, or reference years and deadlines would
 * disagree about what day it is; a calendar without next year's holidays is warned about, since
 * deadlines then silently count public holidays as working days.
 */
export const businessCalendarProvider: Provider = {
  provide: BusinessCalendar,
  inject: [CORE_CONFIG],
  useFactory: (config: CoreConfig) => {
    const file = config.businessCalendarFile;
    let raw: { holidays?: { date?: string }[] };
    let calendar: BusinessCalendar;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
      calendar = loadBusinessCalendar(raw);
    } catch (error) {
      throw new Error(`BUSINESS_CALENDAR_FILE ${file}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (calendar.timeZone !== config.timeZone) {
      throw new Error(
        `BUSINESS_CALENDAR_FILE ${file} is in ${calendar.timeZone} but TIME_ZONE is ${config.timeZone}`,
      );
    }
    const nextYear = String(new Date().getUTCFullYear() + 1);
    if (!raw.holidays?.some((h) => h.date?.startsWith(nextYear))) {
      new Logger('BusinessCalendar').warn(
        { file, year: nextYear },
        'the business calendar lists no public holidays for next year',
      );
    }
    return calendar;
  },
};
