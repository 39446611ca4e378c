import { z } from 'zod';
import { commonEnvShape, parseEnv, type DatabaseConfig } from '@app/platform';

/** The store import CLI needs only the database: it neither logs through pino nor uses Kafka. */
const READS = ['DATABASE_URL', 'DATABASE_POOL_SIZE'] as const;

/** Every variable the store import reads: the README's configuration table must list them all. */
export const IMPORT_STORES_ENV_VARIABLES: readonly string[] = READS;

export interface ImportStoresConfig {
  database: DatabaseConfig;
}

/**
 * The only place the store import reads its environment: the two database variables, checked by
 * the same rules as every app's, and nothing else, so a setting that does not concern this tool
 * (Kafka, tokens) can never make it refuse to run.
 */
export function loadImportStoresConfig(
  source: Record<string, string | undefined>,
): ImportStoresConfig {
  const schema = z.object({
    DATABASE_URL: commonEnvShape.DATABASE_URL,
    DATABASE_POOL_SIZE: commonEnvShape.DATABASE_POOL_SIZE,
  });
  const e = parseEnv('import-stores', schema, source);
  return { database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } };
}
