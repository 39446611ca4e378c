import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_KAFKA_PORT, TEST_POSTGRES_URL } from './services';

const root = join(__dirname, '..', '..');

/**
 * Starts the test Kafka broker (deploy/kafka/start.sh: idempotent, leaves a running one alone)
 * and checks PostgreSQL answers, so a missing service fails the run at once with a clear message.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync(join(root, 'deploy/kafka/start.sh'), {
    env: { ...process.env, KAFKA_PORT: String(TEST_KAFKA_PORT) },
    stdio: 'inherit',
  });
  const client = new Client({
    connectionString: TEST_POSTGRES_URL,
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_POSTGRES_URL}: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
