import { z } from 'zod';
import {
  blobConfig,
  blobEnvShape,
  commonConfig,
  commonEnvShape,
  type CommonConfig,
  env,
  parseEnv,
  type BlobConfig,
} from '@app/platform';

export const CAPTCHA_PROVIDERS = ['off', 'hcaptcha', 'turnstile', 'recaptcha'] as const;
export type CaptchaProvider = (typeof CAPTCHA_PROVIDERS)[number];

/** Express's `trust proxy`: off, every hop, a number of hops, or the proxies' addresses/subnets. */
export type TrustProxy = boolean | number | string;

const origin = z.string().refine((v) => {
  if (!URL.canParse(v)) return false;
  const url = new URL(v);
  return ['http:', 'https:'].includes(url.protocol) && url.origin === v.replace(/\/$/, '');
}, 'every entry must be an origin such as https://www.example.com (no path)');

const webFormEnv = z
  .object({
    ...commonEnvShape,
    ...blobEnvShape,
    WEB_FORM_PORT: env.port(3001),
    WEB_FORM_HOST: env.string('0.0.0.0'),
    /** How long a submission waits for core's reference number before answering without it. */
    WEB_FORM_REFERENCE_WAIT_MS: env.int(3_000, 0, 30_000),
    WEB_FORM_BODY_LIMIT: env.byteSize('1mb'),
    /** The channel account named in envelopes: which site's form this is. */
    WEB_FORM_ACCOUNT: env.string('default'),
    /** Version of the KVKK/GDPR notice shown next to the consent box, stored with each consent. */
    WEB_FORM_CONSENT_NOTICE_VERSION: env.string('kvkk-2026-01'),
    /** The data controller named in the notice, and where customers send requests about their data. */
    WEB_FORM_DATA_CONTROLLER: env.string('Örnek Mağazacılık A.Ş.'),
    WEB_FORM_PRIVACY_CONTACT: env.string('kvkk@ornekmagaza.com.tr'),
    WEB_FORM_IDEMPOTENCY_TTL_HOURS: env.int(24, 1, 24 * 30),
    /** How often the web form's health beat goes out on channels.health.v1. */
    WEB_FORM_HEALTH_BEAT_MS: env.int(15_000, 1_000, 600_000),
    /** Region assumed for phone numbers written without a country code. */
    PHONE_DEFAULT_REGION: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code')
      .default('TR'),
    /** Core's HTTP API: the page's store list comes from its public GET /api/v1/stores. */
    WEB_FORM_CORE_URL: env.url('http://127.0.0.1:3000'),
    WEB_FORM_STORE_CACHE_MS: env.int(60_000, 0, 24 * 3_600_000),
    WEB_FORM_MAX_ATTACHMENTS: env.int(5, 0, 20),
    WEB_FORM_MAX_ATTACHMENT_BYTES: env.int(5 * 1024 * 1024, 1, 100 * 1024 * 1024),
    /** Submissions (page and API) per client address per window; 0 turns the limit off. */
    WEB_FORM_RATE_LIMIT: env.int(20, 0, 1_000_000),
    WEB_FORM_RATE_LIMIT_WINDOW_SECONDS: env.int(3_600, 1, 7 * 86_400),
    /** Status look-ups and answers on /track per client address per window; 0 turns it off. */
    WEB_FORM_TRACK_RATE_LIMIT: env.int(30, 0, 1_000_000),
    /** How long the page waits for core's tracking API before saying it cannot answer now. */
    WEB_FORM_CORE_TIMEOUT_MS: env.int(5_000, 100, 60_000),
    /** Time zone in which the tracking page shows dates (IANA name). */
    WEB_FORM_TIME_ZONE: z
      .string()
      .default('Europe/Istanbul')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Europe/Istanbul'),
    /** Whose X-Forwarded-For to believe: empty/false, true, a hop count, or proxy addresses/subnets. */
    WEB_FORM_TRUST_PROXY: z.string().default('false'),
    /** Origins of headless sites allowed to call the JSON API from a browser; empty: same origin only. */
    WEB_FORM_CORS_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin)),
    WEB_FORM_CAPTCHA_PROVIDER: z.enum(CAPTCHA_PROVIDERS).default('off'),
    WEB_FORM_CAPTCHA_SITE_KEY: env.optionalString(),
    WEB_FORM_CAPTCHA_SECRET: env.optionalString(),
    /** Overrides the provider's verify endpoint (a self-hosted or test verifier). */
    WEB_FORM_CAPTCHA_VERIFY_URL: env.optionalString().pipe(
      z
        .string()
        .refine((v) => URL.canParse(v), 'must be a URL')
        .optional(),
    ),
    /** Where the confirmation page sends customers to follow their case. */
    WEB_FORM_TRACKING_URL: env.string('/track'),
  })
  .superRefine((e, ctx) => {
    if (e.WEB_FORM_CAPTCHA_PROVIDER !== 'off') {
      for (const key of ['WEB_FORM_CAPTCHA_SITE_KEY', 'WEB_FORM_CAPTCHA_SECRET'] as const) {
        if (!e[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required' });
      }
    }
    if (e.WEB_FORM_MAX_ATTACHMENT_BYTES > e.BLOB_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEB_FORM_MAX_ATTACHMENT_BYTES'],
        message: 'must not exceed BLOB_MAX_BYTES',
      });
    }
  });

/** Every variable the web form reads: the README's configuration table must list them all. */
export const WEB_FORM_ENV_VARIABLES = Object.keys(webFormEnv.shape);

export interface CaptchaConfig {
  provider: CaptchaProvider;
  siteKey?: string;
  secret?: string;
  verifyUrl?: string;
}

export interface WebFormConfig extends CommonConfig {
  port: number;
  host: string;
  referenceWaitMs: number;
  bodyLimit: number;
  account: string;
  consentNoticeVersion: string;
  dataController: string;
  privacyContact: string;
  idempotencyTtlHours: number;
  phoneDefaultRegion: string;
  healthBeatMs: number;
  coreUrl: string;
  storeCacheMs: number;
  attachments: { maxFiles: number; maxBytes: number };
  rateLimit: { max: number; windowSeconds: number };
  trackRateLimit: { max: number; windowSeconds: number };
  coreTimeoutMs: number;
  timeZone: string;
  trustProxy: TrustProxy;
  corsOrigins: string[];
  captcha: CaptchaConfig;
  trackingUrl: string;
  blob: BlobConfig;
}

export const WEB_FORM_CONFIG = Symbol('WEB_FORM_CONFIG');

export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return value.trim();
}

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
    dataController: e.WEB_FORM_DATA_CONTROLLER,
    privacyContact: e.WEB_FORM_PRIVACY_CONTACT,
    idempotencyTtlHours: e.WEB_FORM_IDEMPOTENCY_TTL_HOURS,
    phoneDefaultRegion: e.PHONE_DEFAULT_REGION,
    healthBeatMs: e.WEB_FORM_HEALTH_BEAT_MS,
    coreUrl: e.WEB_FORM_CORE_URL.replace(/\/+$/, ''),
    storeCacheMs: e.WEB_FORM_STORE_CACHE_MS,
    attachments: {
      maxFiles: e.WEB_FORM_MAX_ATTACHMENTS,
      maxBytes: e.WEB_FORM_MAX_ATTACHMENT_BYTES,
    },
    rateLimit: { max: e.WEB_FORM_RATE_LIMIT, windowSeconds: e.WEB_FORM_RATE_LIMIT_WINDOW_SECONDS },
    trackRateLimit: {
      max: e.WEB_FORM_TRACK_RATE_LIMIT,
      windowSeconds: e.WEB_FORM_RATE_LIMIT_WINDOW_SECONDS,
    },
    coreTimeoutMs: e.WEB_FORM_CORE_TIMEOUT_MS,
    timeZone: e.WEB_FORM_TIME_ZONE,
    trustProxy: parseTrustProxy(e.WEB_FORM_TRUST_PROXY),
    corsOrigins: e.WEB_FORM_CORS_ORIGINS.map((o) => new URL(o).origin),
    captcha: {
      provider: e.WEB_FORM_CAPTCHA_PROVIDER,
      siteKey: e.WEB_FORM_CAPTCHA_SITE_KEY,
      secret: e.WEB_FORM_CAPTCHA_SECRET,
      verifyUrl: e.WEB_FORM_CAPTCHA_VERIFY_URL,
    },
    trackingUrl: e.WEB_FORM_TRACKING_URL,
    blob: blobConfig(e),
    ...commonConfig(e),
  };
}
