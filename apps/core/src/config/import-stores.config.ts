import { z } from 'zod';
import { commonEnvShape, databaseConfig, parseEnv, type DatabaseConfig } from '@app/platform';

/** The store import CLI needs only the database: it neither logs through pino nor uses Kafka. */
const READS = ['DATABASE_URL', 'DATABASE_POOL_SIZE'] as const;

/** Every variable the store import reads: the README's configuration table must list them all. */
export const IMPORT_STORES_ENV_VARIABLES: readonly string[] = READS;

export interface ImportStoresConfig {
  database: DatabaseConfig;
}

/**
 * The only place the store import reads its environment. Only the two database variables are
 * handed to the shared schema; everything else takes its default there, so a Kafka setting that
 * does not concern this tool can never make it refuse to run.
 */
export function loadImportStoresConfig(
  source: Record<string, string | undefined>,
): ImportStoresConfig {
  const selected = Object.fromEntries(READS.map((name) => [name, source[name]]));
  const e = parseEnv('import-stores', z.object(commonEnvShape), selected);
  return { database: databaseConfig(e) };
}
