import { AdapterKitTables1795500000000 } from '@app/adapter-kit';
import type { AppDatabaseOptions } from '@app/persistence';
import type { WebFormConfig } from '../config/web-form.config';
import { IdempotencyKeys1795310100000 } from './migrations/1795310100000-idempotency-keys';
import { RateLimitWindows1795710000000 } from './migrations/1795710000000-rate-limit-windows';

export const WEB_FORM_SCHEMA = 'web_form';

export function webFormDatabaseOptions(config: WebFormConfig): AppDatabaseOptions {
  return {
    url: config.database.url,
    schema: WEB_FORM_SCHEMA,
    poolSize: config.database.poolSize,
    applicationName: 'complaint-gateway-web-form',
    entities: [],
    migrations: [
      IdempotencyKeys1795310100000,
      AdapterKitTables1795500000000,
      RateLimitWindows1795710000000,
    ],
  };
}
