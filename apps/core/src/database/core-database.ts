import type { AppDatabaseOptions } from '@app/persistence';
import { CaseEntity } from '../cases/case.entity';
import type { CoreConfig } from '../config/core.config';
import { MessageEntity } from '../messages/message.entity';
import { InitialSchema1795310000000 } from './migrations/1795310000000-initial-schema';
import { CaseEngine1795400000000 } from './migrations/1795400000000-case-engine';
import { CaseReplies1795600000000 } from './migrations/1795600000000-case-replies';
import { OpsApi1795700000000 } from './migrations/1795700000000-ops-api';
import { CustomerSide1795800000000 } from './migrations/1795800000000-customer-side';

export const CORE_SCHEMA = 'core';

export function coreDatabaseOptions(config: Pick<CoreConfig, 'database'>): AppDatabaseOptions {
  return {
    url: config.database.url,
    schema: CORE_SCHEMA,
    poolSize: config.database.poolSize,
    applicationName: 'complaint-gateway-core',
    entities: [CaseEntity, MessageEntity],
    migrations: [
      InitialSchema1795310000000,
      CaseEngine1795400000000,
      CaseReplies1795600000000,
      OpsApi1795700000000,
      CustomerSide1795800000000,
    ],
  };
}
