import type { Provider } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DASHBOARD_CONFIG, type DashboardConfig } from '../config/dashboard.config';
import { QuietPeriods } from './quiet-periods';
import { WorkingHours } from './working-hours';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Read and checked once at start-up: a broken file stops the dashboard with its problems listed. */
export const workingHoursProvider: Provider = {
  provide: WorkingHours,
  inject: [DASHBOARD_CONFIG],
  useFactory: (config: DashboardConfig) => {
    try {
      return WorkingHours.parse(readJson(config.businessCalendarFile));
    } catch (error) {
      throw new Error(
        `DASHBOARD_BUSINESS_CALENDAR_FILE ${config.businessCalendarFile}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  },
};

export const quietPeriodsProvider: Provider = {
  provide: QuietPeriods,
  inject: [DASHBOARD_CONFIG],
  useFactory: (config: DashboardConfig) => {
    const source = config.quietPeriods?.trim();
    if (!source) return new QuietPeriods();
    try {
      return QuietPeriods.parse(source.startsWith('{') ? JSON.parse(source) : readJson(source));
    } catch (error) {
      throw new Error(`DASHBOARD_QUIET_PERIODS: ${(error as Error).message}`, { cause: error });
    }
  },
};
