import 'reflect-metadata';
import { ConfigException } from '@app/platform';
import { loadWebFormConfig } from './config/web-form.config';
import { startWebForm } from './web-form.app';

async function main(): Promise<void> {
  await startWebForm(loadWebFormConfig(process.env));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
