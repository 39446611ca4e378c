import 'reflect-metadata';
import { ConfigException } from '@app/platform';
import { loadDashboardConfig } from './config/dashboard.config';
import { startDashboard } from './dashboard.app';

async function main(): Promise<void> {
  await startDashboard(loadDashboardConfig(process.env));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
