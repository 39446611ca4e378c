import { z } from 'zod';
import {
  blobConfig,
  blobEnvShape,
  commonConfig,
  commonEnvShape,
  type CommonConfig,
  ConfigException,
  env,
  parseEnv,
  type BlobConfig,
} from '@app/platform';
import { loadMailboxes, type MailboxConfig } from './mailbox-config';

const emailEnv = z.object({
  ...commonEnvShape,
  ...blobEnvShape,
  EMAIL_PORT: env.port(3005),
  EMAIL_HOST: env.string('0.0.0.0'),
  EMAIL_HEALTH_BEAT_MS: env.int(15_000, 1_000, 600_000),
  /** JSON file listing the mailboxes; without it, IMAP_* describe one mailbox. */
  EMAIL_ACCOUNTS_FILE: env.optionalString(),
  IMAP_HOST: env.optionalString(),
  IMAP_PORT: env.port(993),
  IMAP_SECURE: env.bool(true),
  IMAP_USER: env.optionalString(),
  IMAP_PASSWORD: env.optionalString(),
  IMAP_ACCESS_TOKEN: env.optionalString(),
  IMAP_ACCESS_TOKEN_FILE: env.optionalString(),
  IMAP_MAILBOX: env.string('INBOX'),
  IMAP_ADDRESS: env.optionalString(),
  IMAP_STORE_CODE: env.optionalString(),
  IMAP_REGION_CONTACT: env.optionalString(),
  IMAP_PROCESSED_FLAG: env.optionalString(),
  IMAP_MOVE_TO: env.optionalString(),
  EMAIL_INITIAL_SYNC: z.enum(['all', 'new']).default('all'),
  /** Safety net next to IDLE, and the polling interval of servers without IDLE. */
  EMAIL_POLL_INTERVAL_MS: env.int(60_000, 1_000, 3_600_000),
  EMAIL_FETCH_BATCH: env.int(25, 1, 500),
  EMAIL_LEASE_TTL_MS: env.int(60_000, 3_000, 3_600_000),
  EMAIL_RECONNECT_MAX_MS: env.int(120_000, 1_000, 3_600_000),
  /** Larger mails are not downloaded: their headers are dead-lettered with the reason. */
  EMAIL_RAW_MAX_BYTES: env.int(50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  EMAIL_PARSE_TIMEOUT_MS: env.int(30_000, 100, 600_000),
  /** Charset of 8-bit header bytes when the mail declares none that fits (Turkish legacy mail). */
  EMAIL_FALLBACK_CHARSET: env.string('windows-1254'),
  EMAIL_STRIP_QUOTED: env.bool(true),
  SMTP_HOST: env.optionalString(),
  SMTP_PORT: env.port(587),
  SMTP_SECURE: env.bool(false),
  SMTP_USER: env.optionalString(),
  SMTP_PASSWORD: env.optionalString(),
  SMTP_FROM: env.optionalString(),
  EMAIL_MESSAGE_ID_DOMAIN: env.optionalString(),
  EMAIL_REPLY_MAX_ATTEMPTS: env.int(8, 1, 100),
  EMAIL_REPLY_CONSUMER_GROUP: env.string('email-replies'),
});

/** Every variable the e-mail adapter reads: the README's configuration table must list them all. */
export const EMAIL_ENV_VARIABLES = Object.keys(emailEnv.shape);

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  /** The From header: `"Name" <address>` or an address. */
  from: string;
  /** Right-hand side of the Message-IDs we generate: `<replyId@domain>`. */
  messageIdDomain: string;
  maxAttempts: number;
  consumerGroup: string;
}

export interface EmailConfig extends CommonConfig {
  port: number;
  host: string;
  healthBeatMs: number;
  mailboxes: MailboxConfig[];
  intake: {
    pollIntervalMs: number;
    fetchBatch: number;
    leaseTtlMs: number;
    reconnectMaxMs: number;
    rawMaxBytes: number;
    parseTimeoutMs: number;
    fallbackCharset: string;
    stripQuoted: boolean;
  };
  /** Absent when SMTP_HOST is not set: the adapter then only reads mail. */
  smtp?: SmtpConfig;
  blob: BlobConfig;
}

export const EMAIL_CONFIG = Symbol('EMAIL_CONFIG');

/** The only place the e-mail adapter reads its environment. */
export function loadEmailConfig(source: Record<string, string | undefined>): EmailConfig {
  const e = parseEnv('email', emailEnv, source);
  const problems: string[] = [];
  const { mailboxes, problems: mailboxProblems } = loadMailboxes(e.EMAIL_ACCOUNTS_FILE, e, source);
  problems.push(...mailboxProblems);
  if (!isKnownCharset(e.EMAIL_FALLBACK_CHARSET)) {
    problems.push(`EMAIL_FALLBACK_CHARSET: unknown charset ${e.EMAIL_FALLBACK_CHARSET}`);
  }
  const smtp = smtpConfig(e, problems);
  if (problems.length > 0) throw new ConfigException('email', problems);
  return {
    port: e.EMAIL_PORT,
    host: e.EMAIL_HOST,
    healthBeatMs: e.EMAIL_HEALTH_BEAT_MS,
    mailboxes,
    intake: {
      pollIntervalMs: e.EMAIL_POLL_INTERVAL_MS,
      fetchBatch: e.EMAIL_FETCH_BATCH,
      leaseTtlMs: e.EMAIL_LEASE_TTL_MS,
      reconnectMaxMs: e.EMAIL_RECONNECT_MAX_MS,
      rawMaxBytes: e.EMAIL_RAW_MAX_BYTES,
      parseTimeoutMs: e.EMAIL_PARSE_TIMEOUT_MS,
      fallbackCharset: e.EMAIL_FALLBACK_CHARSET,
      stripQuoted: e.EMAIL_STRIP_QUOTED,
    },
    smtp,
    blob: blobConfig(e),
    ...commonConfig(e),
  };
}

type EmailEnv = z.infer<typeof emailEnv>;

function smtpConfig(e: EmailEnv, problems: string[]): SmtpConfig | undefined {
  if (!e.SMTP_HOST) return undefined;
  const fromAddress = e.SMTP_FROM ? addressIn(e.SMTP_FROM) : undefined;
  if (!e.SMTP_FROM) problems.push('SMTP_FROM: is required when SMTP_HOST is set');
  else if (!fromAddress) problems.push('SMTP_FROM: must be an address or "Name" <address>');
  if (Boolean(e.SMTP_USER) !== Boolean(e.SMTP_PASSWORD)) {
    problems.push('SMTP_USER and SMTP_PASSWORD: set both or neither');
  }
  const domain = e.EMAIL_MESSAGE_ID_DOMAIN ?? fromAddress?.split('@')[1];
  if (e.EMAIL_MESSAGE_ID_DOMAIN && !/^[A-Za-z0-9.-]+$/.test(e.EMAIL_MESSAGE_ID_DOMAIN)) {
    problems.push('EMAIL_MESSAGE_ID_DOMAIN: must be a domain name');
  }
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE,
    user: e.SMTP_USER,
    password: e.SMTP_PASSWORD,
    from: e.SMTP_FROM ?? '',
    messageIdDomain: domain ?? 'localhost',
    maxAttempts: e.EMAIL_REPLY_MAX_ATTEMPTS,
    consumerGroup: e.EMAIL_REPLY_CONSUMER_GROUP,
  };
}

/** The address of `a@b.c` or `"Name" <a@b.c>`, if it is one. */
function addressIn(from: string): string | undefined {
  const inner = /<([^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  return z.email().safeParse(inner).success ? inner.toLowerCase() : undefined;
}

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
