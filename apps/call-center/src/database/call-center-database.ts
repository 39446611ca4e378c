import { AdapterKitTables1795500000000 } from '@app/adapter-kit';
import type { AppDatabaseOptions } from '@app/persistence';
import type { CallCenterConfig } from '../config/call-center.config';
import { Calls1795710000000 } from './migrations/1795710000000-calls';

export const CALL_CENTER_SCHEMA = 'call_center';

export function callCenterDatabaseOptions(config: CallCenterConfig): AppDatabaseOptions {
  return {
    url: config.database.url,
    schema: CALL_CENTER_SCHEMA,
    poolSize: config.database.poolSize,
    applicationName: 'complaint-gateway-call-center',
    entities: [],
    migrations: [AdapterKitTables1795500000000, Calls1795710000000],
  };
}
