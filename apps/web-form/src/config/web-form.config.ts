import { z } from 'zod';
import {
  commonEnvShape,
  databaseConfig,
  env,
  kafkaConfig,
  logConfig,
  metricsConfig,
  parseEnv,
  type DatabaseConfig,
  type KafkaConfig,
  type LogConfig,
  type MetricsConfig,
} from '@app/platform';

const webFormEnv = z.object({
  ...commonEnvShape,
  WEB_FORM_PORT: env.port(3001),
  WEB_FORM_HOST: env.string('0.0.0.0'),
  /** How long a submission waits for core's reference number before answering without it. */
  WEB_FORM_REFERENCE_WAIT_MS: env.int(3_000, 0, 30_000),
  WEB_FORM_BODY_LIMIT: env.string('1mb'),
  /** The channel account named in envelopes: which site's form this is. */
  WEB_FORM_ACCOUNT: env.string('default'),
  /** Version of the KVKK/GDPR notice shown next to the consent box, stored with each consent. */
  WEB_FORM_CONSENT_NOTICE_VERSION: env.string('kvkk-2026-01'),
  WEB_FORM_IDEMPOTENCY_TTL_HOURS: env.int(24, 1, 24 * 30),
  /** Region assumed for phone numbers written without a country code. */
  /** How often the web form's health beat goes out on channels.health.v1. */
  WEB_FORM_HEALTH_BEAT_MS: env.int(15_000, 1_000, 600_000),
  PHONE_DEFAULT_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code')
    .default('TR'),
});

/** Every variable the web form reads: the README's configuration table must list them all. */
export const WEB_FORM_ENV_VARIABLES = Object.keys(webFormEnv.shape);

export interface WebFormConfig {
  port: number;
  host: string;
  referenceWaitMs: number;
  bodyLimit: string;
  account: string;
  consentNoticeVersion: string;
  idempotencyTtlHours: number;
  phoneDefaultRegion: string;
  healthBeatMs: number;
  database: DatabaseConfig;
  kafka: KafkaConfig;
  log: LogConfig;
  metrics: MetricsConfig;
}

export const WEB_FORM_CONFIG = Symbol('WEB_FORM_CONFIG');

/** The only place the web form reads its environment. */
export function loadWebFormConfig(source: Record<string, string | undefined>): WebFormConfig {
  const e = parseEnv('web-form', webFormEnv, source);
  return {
    port: e.WEB_FORM_PORT,
    host: e.WEB_FORM_HOST,
    referenceWaitMs: e.WEB_FORM_REFERENCE_WAIT_MS,
    bodyLimit: e.WEB_FORM_BODY_LIMIT,
    account: e.WEB_FORM_ACCOUNT,
    consentNoticeVersion: e.WEB_FORM_CONSENT_NOTICE_VERSION,
    idempotencyTtlHours: e.WEB_FORM_IDEMPOTENCY_TTL_HOURS,
    phoneDefaultRegion: e.PHONE_DEFAULT_REGION,
    healthBeatMs: e.WEB_FORM_HEALTH_BEAT_MS,
    database: databaseConfig(e),
    kafka: kafkaConfig(e),
    log: logConfig(e),
    metrics: metricsConfig(e),
  };
}
