import { z } from 'zod';
import { commonConfig, commonEnvShape, type CommonConfig, env, parseEnv } from '@app/platform';

const secret = z
  .string({ error: 'is required: the shared secret the telephony system signs requests with' })
  .min(32, 'must be at least 32 characters (a random 256-bit key, e.g. openssl rand -hex 32)');

const callCenterEnv = z.object({
  ...commonEnvShape,
  CALL_CENTER_PORT: env.port(3002),
  CALL_CENTER_HOST: env.string('0.0.0.0'),
  CALL_CENTER_WEBHOOK_SECRET: secret,
  /** The secret being replaced while a rotation is under way; requests signed with either pass. */
  CALL_CENTER_WEBHOOK_SECRET_PREVIOUS: env.optionalString().pipe(secret.optional()),
  /** Requests signed longer ago than this are refused as replays. */
  CALL_CENTER_SIGNATURE_TOLERANCE_SECONDS: env.int(300, 30, 3_600),
  /** How far ahead of our clock a sender's timestamp may be (its clock may run fast). */
  CALL_CENTER_CLOCK_SKEW_SECONDS: env.int(30, 0, 300),
  CALL_CENTER_BODY_LIMIT: env
    .byteSize('256kb')
    .refine((n) => n >= 1_024 && n <= 10 * 1_024 * 1_024, 'must be between 1kb and 10mb'),
  CALL_CENTER_REFERENCE_WAIT_MS: env.int(2_000, 0, 30_000),
  /** The channel account named in envelopes: which telephony or CCaaS system this instance serves. */
  CALL_CENTER_ACCOUNT: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{1,200}$/, 'letters, digits, dot, underscore, @ and dash only')
    .default('default'),
  /** How long a call id is remembered with its content hash, to tell redeliveries from conflicts. */
  CALL_CENTER_CALL_RETENTION_DAYS: env.int(30, 1, 3_650),
  CALL_CENTER_HEALTH_BEAT_MS: env.int(15_000, 1_000, 600_000),
  /**
   * The public status tracking page (the web form's /track): the agent reads or texts it to the
   * caller, so it must be absolute, unlike the web form's own link.
   */
  CALL_CENTER_TRACKING_URL: env
    .url('http://localhost:3001/track')
    .refine((v) => /^https?:$/.test(URL.parse(v)?.protocol ?? ''), 'must be an http(s) URL'),
  PHONE_DEFAULT_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code')
    .default('TR'),
});

/** Every variable the call centre reads: the README's configuration table must list them all. */
export const CALL_CENTER_ENV_VARIABLES = Object.keys(callCenterEnv.shape);

export interface CallCenterConfig extends CommonConfig {
  port: number;
  host: string;
  /** Current secret first; the previous one only during a rotation. */
  webhookSecrets: { current: string; previous?: string };
  signatureToleranceSeconds: number;
  clockSkewSeconds: number;
  bodyLimitBytes: number;
  referenceWaitMs: number;
  account: string;
  callRetentionDays: number;
  healthBeatMs: number;
  trackingUrl: string;
  phoneDefaultRegion: string;
}

export const CALL_CENTER_CONFIG = Symbol('CALL_CENTER_CONFIG');

/** The only place the call centre reads its environment. */
export function loadCallCenterConfig(source: Record<string, string | undefined>): CallCenterConfig {
  const e = parseEnv('call-center', callCenterEnv, source);
  return {
    port: e.CALL_CENTER_PORT,
    host: e.CALL_CENTER_HOST,
    webhookSecrets: {
      current: e.CALL_CENTER_WEBHOOK_SECRET,
      ...(e.CALL_CENTER_WEBHOOK_SECRET_PREVIOUS
        ? { previous: e.CALL_CENTER_WEBHOOK_SECRET_PREVIOUS }
        : {}),
    },
    signatureToleranceSeconds: e.CALL_CENTER_SIGNATURE_TOLERANCE_SECONDS,
    clockSkewSeconds: e.CALL_CENTER_CLOCK_SKEW_SECONDS,
    bodyLimitBytes: e.CALL_CENTER_BODY_LIMIT,
    referenceWaitMs: e.CALL_CENTER_REFERENCE_WAIT_MS,
    account: e.CALL_CENTER_ACCOUNT,
    callRetentionDays: e.CALL_CENTER_CALL_RETENTION_DAYS,
    healthBeatMs: e.CALL_CENTER_HEALTH_BEAT_MS,
    trackingUrl: e.CALL_CENTER_TRACKING_URL,
    phoneDefaultRegion: e.PHONE_DEFAULT_REGION,
    ...commonConfig(e),
  };
}
