import 'reflect-metadata';
import { ConfigException } from '@app/platform';
import { loadXConfig } from './config/x.config';
import { startX } from './x.app';

async function main(): Promise<void> {
  await startX(loadXConfig(process.env));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
