import { Inject, Injectable } from '@nestjs/common';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';

/** Time as core sees it: now, and which calendar year that is in the organisation's time zone. */
@Injectable()
export class CaseClock {
  private readonly yearFormat: Intl.DateTimeFormat;

  constructor(@Inject(CORE_CONFIG) config: CoreConfig) {
    this.yearFormat = new Intl.DateTimeFormat('en', { timeZone: config.timeZone, year: 'numeric' });
  }

  now(): Date {
    return new Date();
  }

  /** The year a case opened at `at` is numbered in: New Year's Eve 23:30 UTC is already next year in Istanbul. */
  yearOf(at: Date): number {
    return Number(this.yearFormat.format(at));
  }
}
