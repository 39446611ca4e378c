import { AdapterKitTables1795500000000 } from '@app/adapter-kit';
import type { AppDatabaseOptions } from '@app/persistence';
import type { XConfig } from '../config/x.config';
import { XOAuth2Tokens1795800400000 } from './migrations/1795800400000-x-oauth2-tokens';

const X_SCHEMA = 'x';

/** The adapter kit's tables (leases, checkpoints, sent replies) and the rotated OAuth 2.0 tokens. */
export function xDatabaseOptions(config: XConfig): AppDatabaseOptions {
  return {
    url: config.database.url,
    schema: X_SCHEMA,
    poolSize: config.database.poolSize,
    applicationName: 'complaint-gateway-x',
    entities: [],
    migrations: [AdapterKitTables1795500000000, XOAuth2Tokens1795800400000],
  };
}
