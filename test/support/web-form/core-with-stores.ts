import { dataSourceOptions, migrateDatabase } from '@app/persistence';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { coreDatabaseOptions } from '../../../apps/core/src/database/core-database';
import { importStores } from '../../../apps/core/src/routing/import/import-stores';
import { formatProblem } from '../../../apps/core/src/routing/import/parse-stores-file';
import { startTestCore, type RunningApp } from '../apps';
import type { TestEnvironment } from '../test-environment';

/**
 * Core in this process with the seed's stores imported first (as `deploy` does), so that its
 * public store list, and the web form's store picker, have something to offer.
 */
export async function startCoreWithSeedStores(env: TestEnvironment): Promise<RunningApp> {
  const options = coreDatabaseOptions({ database: { url: env.databaseUrl, poolSize: 2 } });
  await migrateDatabase(options);
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  try {
    const seed = readFileSync(join(__dirname, '..', '..', '..', 'deploy', 'seed', 'stores.json'));
    const result = await importStores(dataSource, seed.toString('utf8'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  } finally {
    await dataSource.destroy();
  }
  return startTestCore(env);
}
