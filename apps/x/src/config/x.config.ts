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

const xEnv = z
  .object({
    ...commonEnvShape,
    ...blobEnvShape,
    X_PORT: env.port(3004),
    X_HOST: env.string('0.0.0.0'),
    /** Where the X API answers; tests point it at a local fake. */
    X_API_URL: env
      .url('https://api.x.com')
      .refine(
        (v) => ['http:', 'https:'].includes(new URL(v).protocol),
        'must be an http or https URL',
      ),
    X_CONSUMER_KEY: env.string(),
    /** Signs OAuth 1.0a requests, and keys the webhook's CRC answer and signature check. */
    X_CONSUMER_SECRET: env.string(),
    X_ACCESS_TOKEN: env.optionalString(),
    X_ACCESS_SECRET: env.optionalString(),
    /** OAuth 2.0 user-context access token, instead of the OAuth 1.0a pair. */
    X_OAUTH2_ACCESS_TOKEN: env.optionalString(),
    /** With `offline.access`: renews the 2-hour access token; single-use, rotated in PostgreSQL. */
    X_OAUTH2_REFRESH_TOKEN: env.optionalString(),
    /** A JSON file with access_token / refresh_token, re-read while X refuses us. */
    X_OAUTH2_TOKEN_FILE: env.optionalString(),
    X_OAUTH2_CLIENT_ID: env.optionalString(),
    /** Confidential clients only: public clients refresh with the client id alone. */
    X_OAUTH2_CLIENT_SECRET: env.optionalString(),
    /** Our account's numeric user id: the channel account, and whose mentions and DMs are read. */
    X_USER_ID: z
      .string({ error: 'is required: the numeric id of our X account' })
      .regex(/^\d{1,25}$/, 'must be a numeric X user id'),
    X_POLLING_ENABLED: env.bool(true),
    X_WEBHOOK_ENABLED: env.bool(true),
    X_MENTIONS_POLL_MS: env.int(60_000, 1_000, 3_600_000),
    X_DM_POLL_MS: env.int(60_000, 1_000, 3_600_000),
    X_PAGE_SIZE: env.int(100, 5, 100),
    X_LEASE_TTL_MS: env.int(30_000, 3_000, 600_000),
    X_WEBHOOK_BODY_LIMIT: env.byteSize('1mb'),
    X_HEALTH_BEAT_MS: env.int(15_000, 1_000, 600_000),
    /** How often refused credentials are read again and tried, so `needs-auth` ends by itself. */
    X_AUTH_RETRY_MS: env.int(300_000, 1_000, 3_600_000),
  })
  .superRefine((e, ctx) => {
    const oauth1 = Boolean(e.X_ACCESS_TOKEN) || Boolean(e.X_ACCESS_SECRET);
    const oauth2 =
      Boolean(e.X_OAUTH2_ACCESS_TOKEN) ||
      Boolean(e.X_OAUTH2_REFRESH_TOKEN) ||
      Boolean(e.X_OAUTH2_TOKEN_FILE);
    if (oauth1 && !(e.X_ACCESS_TOKEN && e.X_ACCESS_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: [e.X_ACCESS_TOKEN ? 'X_ACCESS_SECRET' : 'X_ACCESS_TOKEN'],
        message: 'X_ACCESS_TOKEN and X_ACCESS_SECRET go together',
      });
    }
    if (oauth1 && oauth2) {
      ctx.addIssue({
        code: 'custom',
        path: ['X_OAUTH2_ACCESS_TOKEN'],
        message: 'set either the OAuth 1.0a pair or the OAuth 2.0 token, not both',
      });
    }
    if (!oauth1 && !oauth2) {
      ctx.addIssue({
        code: 'custom',
        path: ['X_ACCESS_TOKEN'],
        message:
          'user-context credentials are required: X_ACCESS_TOKEN + X_ACCESS_SECRET, or X_OAUTH2_ACCESS_TOKEN (X_OAUTH2_REFRESH_TOKEN, X_OAUTH2_TOKEN_FILE)',
      });
    }
    if (e.X_OAUTH2_TOKEN_FILE && (e.X_OAUTH2_ACCESS_TOKEN || e.X_OAUTH2_REFRESH_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: ['X_OAUTH2_TOKEN_FILE'],
        message: 'set either X_OAUTH2_TOKEN_FILE or the X_OAUTH2_*_TOKEN variables, not both',
      });
    }
    if (e.X_OAUTH2_REFRESH_TOKEN && !e.X_OAUTH2_CLIENT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['X_OAUTH2_CLIENT_ID'],
        message: 'is required to use X_OAUTH2_REFRESH_TOKEN: X refreshes tokens per client',
      });
    }
  });

/** Every variable the X adapter reads: the README's configuration table must list them all. */
export const X_ENV_VARIABLES = Object.keys(xEnv.shape);

export type XCredentials =
  | {
      kind: 'oauth1';
      consumerKey: string;
      consumerSecret: string;
      accessToken: string;
      accessSecret: string;
    }
  | {
      kind: 'oauth2';
      consumerKey: string;
      consumerSecret: string;
      /** Where the tokens come from: the variables, or a file an operator may rewrite. */
      seed: { accessToken?: string; refreshToken?: string } | { file: string };
      client?: { id: string; secret?: string };
    };

export interface XConfig extends CommonConfig {
  port: number;
  host: string;
  apiUrl: string;
  credentials: XCredentials;
  /** Our account's user id, the channelAccount of everything this adapter publishes. */
  userId: string;
  polling: {
    enabled: boolean;
    mentionsIntervalMs: number;
    dmIntervalMs: number;
    pageSize: number;
    leaseTtlMs: number;
  };
  webhook: { enabled: boolean; bodyLimit: number };
  healthBeatMs: number;
  authRetryMs: number;
  blob: BlobConfig;
}

export const X_CONFIG = Symbol('X_CONFIG');

/** The only place the X adapter reads its environment. */
export function loadXConfig(source: Record<string, string | undefined>): XConfig {
  const e = parseEnv('x', xEnv, source);
  const oauth2 = e.X_OAUTH2_ACCESS_TOKEN || e.X_OAUTH2_REFRESH_TOKEN || e.X_OAUTH2_TOKEN_FILE;
  const credentials: XCredentials = oauth2
    ? {
        kind: 'oauth2',
        consumerKey: e.X_CONSUMER_KEY,
        consumerSecret: e.X_CONSUMER_SECRET,
        seed: e.X_OAUTH2_TOKEN_FILE
          ? { file: e.X_OAUTH2_TOKEN_FILE }
          : {
              ...(e.X_OAUTH2_ACCESS_TOKEN ? { accessToken: e.X_OAUTH2_ACCESS_TOKEN } : {}),
              ...(e.X_OAUTH2_REFRESH_TOKEN ? { refreshToken: e.X_OAUTH2_REFRESH_TOKEN } : {}),
            },
        ...(e.X_OAUTH2_CLIENT_ID
          ? {
              client: {
                id: e.X_OAUTH2_CLIENT_ID,
                ...(e.X_OAUTH2_CLIENT_SECRET ? { secret: e.X_OAUTH2_CLIENT_SECRET } : {}),
              },
            }
          : {}),
      }
    : {
        kind: 'oauth1',
        consumerKey: e.X_CONSUMER_KEY,
        consumerSecret: e.X_CONSUMER_SECRET,
        accessToken: e.X_ACCESS_TOKEN!,
        accessSecret: e.X_ACCESS_SECRET!,
      };
  return {
    port: e.X_PORT,
    host: e.X_HOST,
    apiUrl: e.X_API_URL.replace(/\/+$/, ''),
    credentials,
    userId: e.X_USER_ID,
    polling: {
      enabled: e.X_POLLING_ENABLED,
      mentionsIntervalMs: e.X_MENTIONS_POLL_MS,
      dmIntervalMs: e.X_DM_POLL_MS,
      pageSize: e.X_PAGE_SIZE,
      leaseTtlMs: e.X_LEASE_TTL_MS,
    },
    webhook: { enabled: e.X_WEBHOOK_ENABLED, bodyLimit: e.X_WEBHOOK_BODY_LIMIT },
    healthBeatMs: e.X_HEALTH_BEAT_MS,
    authRetryMs: e.X_AUTH_RETRY_MS,
    ...commonConfig(e),
    blob: blobConfig(e),
  };
}
