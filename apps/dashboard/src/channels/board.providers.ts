import type { Provider } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { QuietPeriods } from '../calendar/quiet-periods';
import { WorkingHours } from '../calendar/working-hours';
import { DASHBOARD_CONFIG, type DashboardConfig } from '../config/dashboard.config';
import { ChannelBoard } from './channel-board';

export const boardProvider: Provider = {
  provide: ChannelBoard,
  inject: [DASHBOARD_CONFIG, QuietPeriods, WorkingHours],
  useFactory: (config: DashboardConfig, quiet: QuietPeriods, hours: WorkingHours) =>
    new ChannelBoard(
      { downAfterBeats: config.downAfterBeats, historyMs: config.historyMs },
      quiet,
      hours,
    ),
};

/** This process among the dashboard's instances: it names the instance's own consumer group. */
export interface DashboardInstance {
  /** Every instance reads every beat, so each has a consumer group of its own. */
  healthGroupId: string;
}

export const DASHBOARD_INSTANCE = Symbol('DASHBOARD_INSTANCE');

export const dashboardInstanceProvider: Provider = {
  provide: DASHBOARD_INSTANCE,
  useFactory: (): DashboardInstance => ({
    healthGroupId: `dashboard.${hostname()}.${process.pid}.${randomBytes(4).toString('hex')}`,
  }),
};
