import { z } from 'zod';
import { env } from './env-schema';

/** Variables every app shares: where PostgreSQL and Kafka are, how to log. */
export const commonEnvShape = {
  DATABASE_URL: env.url('postgres://postgres@127.0.0.1:5432/complaints'),
  DATABASE_POOL_SIZE: env.int(10, 1, 200),
  KAFKA_BROKERS: env.list('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, underscore and dash only')
    .default(''),
  KAFKA_TOPIC_PARTITIONS: env.int(6, 1, 1000),
  KAFKA_REPLICATION_FACTOR: env.int(1, 1, 10),
  KAFKA_PUBLISH_TIMEOUT_MS: env.int(10_000, 100, 120_000),
  LOG_LEVEL: env.logLevel(),
  /** Bearer token of `GET /metrics`; Prometheus sends it. `npm start` generates one if unset. */
  METRICS_TOKEN: z
    .string({ error: 'is required: the bearer token of GET /metrics' })
    .min(16, 'must be at least 16 characters'),
};

export interface DatabaseConfig {
  url: string;
  poolSize: number;
}

export interface KafkaConfig {
  brokers: string[];
  topicPrefix: string;
  topicPartitions: number;
  replicationFactor: number;
  publishTimeoutMs: number;
}

export interface LogConfig {
  level: string;
}

export interface MetricsConfig {
  token: string;
}

export function metricsConfig(e: CommonEnv): MetricsConfig {
  return { token: e.METRICS_TOKEN };
}

type CommonEnv = z.infer<z.ZodObject<typeof commonEnvShape>>;

/** What every app's config holds from the common variables. */
export interface CommonConfig {
  database: DatabaseConfig;
  kafka: KafkaConfig;
  log: LogConfig;
  metrics: MetricsConfig;
}

export function commonConfig(e: CommonEnv): CommonConfig {
  return {
    database: databaseConfig(e),
    kafka: kafkaConfig(e),
    log: logConfig(e),
    metrics: metricsConfig(e),
  };
}

export function databaseConfig(e: CommonEnv): DatabaseConfig {
  return { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE };
}

export function kafkaConfig(e: CommonEnv): KafkaConfig {
  return {
    brokers: e.KAFKA_BROKERS,
    topicPrefix: e.KAFKA_TOPIC_PREFIX,
    topicPartitions: e.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: e.KAFKA_REPLICATION_FACTOR,
    publishTimeoutMs: e.KAFKA_PUBLISH_TIMEOUT_MS,
  };
}

export function logConfig(e: CommonEnv): LogConfig {
  return { level: e.LOG_LEVEL };
}

/** Variables of apps that keep attachments, media or raw messages (a claim-check blob store). */
export const blobEnvShape = {
  BLOB_STORE_DIR: env.string('data/blobs'),
  BLOB_MAX_BYTES: env.int(25 * 1024 * 1024, 1, 1024 * 1024 * 1024),
};

export interface BlobConfig {
  dir: string;
  maxBytes: number;
}

export function blobConfig(e: z.infer<z.ZodObject<typeof blobEnvShape>>): BlobConfig {
  return { dir: e.BLOB_STORE_DIR, maxBytes: e.BLOB_MAX_BYTES };
}
