import { AdapterKitTables1795500000000 } from '@app/adapter-kit';
import type { AppDatabaseOptions } from '@app/persistence';
import type { WhatsAppConfig } from '../config/whatsapp.config';
import { WhatsAppTables1795700300000 } from './migrations/1795700300000-whatsapp-tables';

export const WHATSAPP_SCHEMA = 'whatsapp';

export function whatsappDatabaseOptions(config: WhatsAppConfig): AppDatabaseOptions {
  return {
    url: config.database.url,
    schema: WHATSAPP_SCHEMA,
    poolSize: config.database.poolSize,
    applicationName: 'complaint-gateway-whatsapp',
    entities: [],
    migrations: [AdapterKitTables1795500000000, WhatsAppTables1795700300000],
  };
}
