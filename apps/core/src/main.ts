import 'reflect-metadata';
import { ConfigException } from '@app/platform';
import { loadCoreConfig } from './config/core.config';
import { startCore } from './core.app';

async function main(): Promise<void> {
  const config = loadCoreConfig(process.env);
  await startCore(config);
}

main().catch((error: unknown) => {
  // Before the logger exists: a plain line on stderr, and a non-zero exit for the supervisor.
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
