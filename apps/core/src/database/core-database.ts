import type { AppDatabaseOptions } from '@app/persistence';
import { CaseEntity } from '../cases/case.entity';
import type { CoreConfig } from '../config/core.config';
import { MessageEntity } from '../messages/message.entity';
import { InitialSchema1795310000000 } from './migrations/1795310000000-initial-schema';

export const CORE_SCHEMA = 'core';

export function coreDatabaseOptions(config: CoreConfig): AppDatabaseOptions {
  return {
    url: config.database.url,
    schema: CORE_SCHEMA,
    poolSize: config.database.poolSize,
    applicationName: 'complaint-gateway-core',
    entities: [CaseEntity, MessageEntity],
    migrations: [InitialSchema1795310000000],
  };
}
