import { AdapterKitTables1795500000000 } from '@app/adapter-kit';
import type { AppDatabaseOptions } from '@app/persistence';
import type { EmailConfig } from '../config/email.config';
import { OutboundMails1795730000000 } from './migrations/1795730000000-outbound-mails';
import { FailedReplies1795740000000 } from './migrations/1795740000000-failed-replies';

const EMAIL_SCHEMA = 'email';

export function emailDatabaseOptions(config: EmailConfig): AppDatabaseOptions {
  return {
    url: config.database.url,
    schema: EMAIL_SCHEMA,
    poolSize: config.database.poolSize,
    applicationName: 'complaint-gateway-email',
    entities: [],
    migrations: [
      AdapterKitTables1795500000000,
      OutboundMails1795730000000,
      FailedReplies1795740000000,
    ],
  };
}
