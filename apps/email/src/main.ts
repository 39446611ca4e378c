import 'reflect-metadata';
import { ConfigException } from '@app/platform';
import { loadEmailConfig } from './config/email.config';
import { startEmail } from './email.app';

async function main(): Promise<void> {
  await startEmail(loadEmailConfig(process.env));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
