import 'reflect-metadata';
import { ConfigException } from '@app/platform';
import { loadWhatsAppConfig } from './config/whatsapp.config';
import { startWhatsApp } from './whatsapp.app';

async function main(): Promise<void> {
  await startWhatsApp(loadWhatsAppConfig(process.env));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
