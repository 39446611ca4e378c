import type { AppDatabaseOptions } from '@app/persistence';
import type { DashboardConfig } from '../config/dashboard.config';
import { Sessions1795700000100 } from './migrations/1795700000100-sessions';

export const DASHBOARD_SCHEMA = 'dashboard';

/**
 * Only sessions live here. The board itself is rebuilt from the health topic by every instance,
 * and the adapter kit's tables (leases, checkpoints, sent replies) have no use in an app that
 * is not a channel.
 */
export function dashboardDatabaseOptions(config: DashboardConfig): AppDatabaseOptions {
  return {
    url: config.database.url,
    schema: DASHBOARD_SCHEMA,
    poolSize: config.database.poolSize,
    applicationName: 'complaint-gateway-dashboard',
    entities: [],
    migrations: [Sessions1795700000100],
  };
}
