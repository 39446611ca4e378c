import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  TEST_ADMIN_TOKEN,
  TEST_KAFKA_BROKERS,
  TEST_METRICS_TOKEN,
  TEST_LOG_LEVEL,
  TEST_POSTGRES_URL,
} from './services';

/**
 * One isolated world per test file on the shared real services: its own PostgreSQL database and
 * its own topic prefix on the broker, so test files can run in parallel and leave nothing behind.
 */
export class TestEnvironment {
  readonly id = randomBytes(4).toString('hex');
  readonly databaseName: string;
  readonly databaseUrl: string;
  readonly topicPrefix: string;
  readonly kafka = new Kafka({
    clientId: 'tests',
    brokers: TEST_KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
  });

  constructor(name: string) {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
    this.databaseName = `cg_test_${slug}_${this.id}`;
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${this.databaseName}`;
    this.databaseUrl = url.toString();
    this.topicPrefix = `t-${slug}-${this.id}.`;
  }

  /** Environment variables for an app under test: the same ones a real deployment sets. */
  env(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: '5',
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      METRICS_TOKEN: TEST_METRICS_TOKEN,
      LOG_LEVEL: TEST_LOG_LEVEL,
      CORE_PORT: '0',
      WEB_FORM_PORT: '0',
      CORE_HOST: '127.0.0.1',
      WEB_FORM_HOST: '127.0.0.1',
      OUTBOX_POLL_MS: '50',
      ...overrides,
    };
  }

  topic(name: string): string {
    return `${this.topicPrefix}${name}`;
  }

  /** A query against this environment's database. */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async destroy(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(this.topicPrefix));
      if (mine.length > 0) await admin.deleteTopics({ topics: mine });
    } finally {
      await admin.disconnect();
    }
    const client = new Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${this.databaseName}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
}
