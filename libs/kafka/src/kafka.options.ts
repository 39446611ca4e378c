import type { KafkaConfig } from '@app/platform';
import type { TopicName } from '@app/contracts';

export interface KafkaModuleOptions extends KafkaConfig {
  /** Kafka client id and the `service` named in dead letters: `core`, `web-form`... */
  serviceName: string;
  /** Topics this app publishes to: created at start-up if missing, in the background. */
  topics: TopicName[];
}

export const KAFKA_OPTIONS = Symbol('KAFKA_OPTIONS');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

/** Per-topic settings that differ from the broker defaults. */
export const TOPIC_CONFIG: Partial<Record<TopicName, Record<string, string>>> = {
  // Dead letters wait for a person to look at them; a week's retention is not enough.
  'intake.dlq.v1': { 'retention.ms': String(90 * 24 * 3600 * 1000) },
  // Health beats matter for minutes; a day is plenty to look back on an incident.
  'channels.health.v1': { 'retention.ms': String(24 * 3600 * 1000) },
};
