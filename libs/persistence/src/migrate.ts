import { DataSource } from 'typeorm';
import { dataSourceOptions, type AppDatabaseOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';

/**
 * Creates the database and the app's schema if missing, then applies pending migrations, each in
 * its own transaction. An advisory lock makes concurrent starts of the same app wait for each
 * other instead of racing on the same migration. Returns the names of the migrations applied.
 */
export async function migrateDatabase(options: AppDatabaseOptions): Promise<string[]> {
  await ensureDatabase(options.url, options.schema);
  // One connection, so the session-level advisory lock covers every statement that follows.
  const dataSource = new DataSource(dataSourceOptions({ ...options, poolSize: 1 }));
  await dataSource.initialize();
  const lockKey = `migrations:${options.schema}`;
  try {
    await dataSource.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource
      .query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey])
      .catch(() => undefined);
    await dataSource.destroy();
  }
}
