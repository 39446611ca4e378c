import 'reflect-metadata';
import { ConfigException } from '@app/platform';
import { loadCallCenterConfig } from './config/call-center.config';
import { startCallCenter } from './call-center.app';

async function main(): Promise<void> {
  await startCallCenter(loadCallCenterConfig(process.env));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
