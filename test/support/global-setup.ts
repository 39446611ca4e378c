import { execFileSync } from 'node:child_process';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_KAFKA_PORT, TEST_POSTGRES_URL } from './services';

const root = join(__dirname, '..', '..');

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const answer = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => answer(true)).once('error', () => answer(false));
    socket.connect(port, '127.0.0.1');
  });
}

/**
 * Uses the broker already listening on TEST_KAFKA_PORT (test/run-all.sh starts one), or starts
 * the project's own (deploy/kafka/start.sh), and checks PostgreSQL answers, so a missing service
 * fails the run at once with a clear message.
 */
export default async function globalSetup(): Promise<void> {
  if (!(await listening(TEST_KAFKA_PORT))) {
    execFileSync(join(root, 'deploy/kafka/start.sh'), {
      env: { ...process.env, KAFKA_PORT: String(TEST_KAFKA_PORT) },
      stdio: 'inherit',
    });
  }
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
