/**
 * Where the integration tests find their real services. The Kafka broker is the project's own,
 * started by global-setup on its own port so tests never touch a gateway running on 9092.
 * This file is the test suite's configuration: the one place it reads the environment.
 */
export const TEST_KAFKA_PORT = Number(process.env.TEST_KAFKA_PORT ?? 19092);
export const TEST_KAFKA_BROKERS = [`127.0.0.1:${TEST_KAFKA_PORT}`];
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';
export const TEST_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'warn';
