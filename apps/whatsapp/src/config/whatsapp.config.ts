import { E164Schema } from '@app/contracts';
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
import { z } from 'zod';
import {
  readAccountsFile,
  resolveAccounts,
  type AccountsFile,
  type WhatsAppAccount,
} from './whatsapp-accounts';

const optionalList = () =>
  env.optionalString().transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const whatsappEnv = z.object({
  ...commonEnvShape,
  ...blobEnvShape,
  WHATSAPP_PORT: env.port(3003),
  WHATSAPP_HOST: env.string('0.0.0.0'),
  /** Largest webhook body accepted; Meta's are a few kilobytes. */
  WHATSAPP_BODY_LIMIT: env.byteSize('1mb'),
  /** JSON file listing the accounts and their modes; without it the two lists below are used. */
  WHATSAPP_ACCOUNTS_FILE: env.optionalString(),
  WHATSAPP_PHONE_NUMBER_IDS: optionalList(),
  WHATSAPP_SESSION_NUMBERS: optionalList(),
  WHATSAPP_APP_SECRET: env.optionalString(),
  WHATSAPP_VERIFY_TOKEN: env.optionalString(),
  WHATSAPP_ACCESS_TOKEN: env.optionalString(),
  /** Graph API base, version included; tests point it at a local fake. */
  WHATSAPP_GRAPH_URL: env.url('https://graph.facebook.com/v23.0'),
  WHATSAPP_GRAPH_TIMEOUT_MS: env.int(10_000, 100, 120_000),
  WHATSAPP_HEALTH_BEAT_MS: env.int(15_000, 1_000, 600_000),
  WHATSAPP_REPLY_MAX_ATTEMPTS: env.int(5, 1, 100),
  /** Consumer group of the reply sender: every instance of one deployment shares it. */
  WHATSAPP_REPLIES_GROUP: env.string('whatsapp-replies'),
  WHATSAPP_CHROMIUM_PATH: env.string('/usr/bin/chromium'),
  WHATSAPP_SESSION_AUTH: z.enum(['remote', 'local']).default('remote'),
  WHATSAPP_SESSION_DATA_DIR: env.string('data/whatsapp-sessions'),
  WHATSAPP_SESSION_BACKUP_MS: env.int(300_000, 60_000, 86_400_000),
  WHATSAPP_SESSION_QR_MAX_RETRIES: env.int(30, 0, 10_000),
  WHATSAPP_RECONNECT_MAX_MS: env.int(300_000, 1_000, 3_600_000),
  WHATSAPP_SESSION_ACCEPT_GROUPS: env.bool(false),
  WHATSAPP_SESSION_ACCEPT_OWN: env.bool(false),
  /** Token of the ops endpoints (session QR code, relink); required when a session account exists. */
  ADMIN_TOKEN: env.optionalString(),
});

/** Every variable the WhatsApp adapter reads: the README's configuration table must list them all. */
export const WHATSAPP_ENV_VARIABLES = Object.keys(whatsappEnv.shape);

export interface SessionSettings {
  chromiumPath: string;
  dataDir: string;
  backupSyncMs: number;
  qrMaxRetries: number;
  reconnectMaxMs: number;
}

export interface WhatsAppConfig extends CommonConfig {
  port: number;
  host: string;
  bodyLimit: number;
  accounts: WhatsAppAccount[];
  graphUrl: string;
  graphTimeoutMs: number;
  healthBeatMs: number;
  replyMaxAttempts: number;
  repliesGroup: string;
  session: SessionSettings;
  adminToken?: string;
  blob: BlobConfig;
}

export const WHATSAPP_CONFIG = Symbol('WHATSAPP_CONFIG');

type WhatsAppEnv = z.infer<typeof whatsappEnv>;

function accountsFromEnv(e: WhatsAppEnv): { file?: AccountsFile; problems: string[] } {
  if (e.WHATSAPP_ACCOUNTS_FILE) return readAccountsFile(e.WHATSAPP_ACCOUNTS_FILE);
  const problems: string[] = [];
  const sessions = e.WHATSAPP_SESSION_NUMBERS.filter((n) => {
    const ok = E164Schema.safeParse(n).success;
    if (!ok) problems.push(`WHATSAPP_SESSION_NUMBERS: ${n} is not an E.164 number (+905...)`);
    return ok;
  });
  const clouds = e.WHATSAPP_PHONE_NUMBER_IDS.filter((id) => {
    const ok = /^\d{5,30}$/.test(id);
    if (!ok) problems.push(`WHATSAPP_PHONE_NUMBER_IDS: ${id} is not a phone number id`);
    return ok;
  });
  if (sessions.length + clouds.length === 0 && problems.length === 0) {
    problems.push(
      'no account: set WHATSAPP_ACCOUNTS_FILE, WHATSAPP_PHONE_NUMBER_IDS or WHATSAPP_SESSION_NUMBERS',
    );
  }
  const file: AccountsFile = {
    accounts: [
      ...clouds.map((phoneNumberId) => ({ mode: 'cloud' as const, phoneNumberId })),
      ...sessions.map((phoneNumber) => ({ mode: 'session' as const, phoneNumber })),
    ],
  };
  return { file, problems };
}

/** The only place the WhatsApp adapter reads its environment. Lists every problem at once. */
export function loadWhatsAppConfig(source: Record<string, string | undefined>): WhatsAppConfig {
  const e = parseEnv('whatsapp', whatsappEnv, source);
  const read = accountsFromEnv(e);
  const resolved = read.file
    ? resolveAccounts(read.file, {
        appSecret: e.WHATSAPP_APP_SECRET,
        verifyToken: e.WHATSAPP_VERIFY_TOKEN,
        accessToken: e.WHATSAPP_ACCESS_TOKEN,
        sessionAuth: e.WHATSAPP_SESSION_AUTH,
        acceptGroups: e.WHATSAPP_SESSION_ACCEPT_GROUPS,
        acceptOwn: e.WHATSAPP_SESSION_ACCEPT_OWN,
      })
    : { accounts: [], problems: [] };
  const problems = [...read.problems, ...resolved.problems];
  const hasSession = resolved.accounts.some((a) => a.mode === 'session');
  if (hasSession && (e.ADMIN_TOKEN ?? '').length < 16) {
    problems.push(
      'ADMIN_TOKEN: is required (at least 16 characters) for the session QR code and relink endpoints',
    );
  }
  if (problems.length > 0) throw new ConfigException('whatsapp', problems);
  return {
    port: e.WHATSAPP_PORT,
    host: e.WHATSAPP_HOST,
    bodyLimit: e.WHATSAPP_BODY_LIMIT,
    accounts: resolved.accounts,
    graphUrl: e.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''),
    graphTimeoutMs: e.WHATSAPP_GRAPH_TIMEOUT_MS,
    healthBeatMs: e.WHATSAPP_HEALTH_BEAT_MS,
    replyMaxAttempts: e.WHATSAPP_REPLY_MAX_ATTEMPTS,
    repliesGroup: e.WHATSAPP_REPLIES_GROUP,
    session: {
      chromiumPath: e.WHATSAPP_CHROMIUM_PATH,
      dataDir: e.WHATSAPP_SESSION_DATA_DIR,
      backupSyncMs: e.WHATSAPP_SESSION_BACKUP_MS,
      qrMaxRetries: e.WHATSAPP_SESSION_QR_MAX_RETRIES,
      reconnectMaxMs: e.WHATSAPP_RECONNECT_MAX_MS,
    },
    adminToken: e.ADMIN_TOKEN,
    blob: blobConfig(e),
    ...commonConfig(e),
  };
}
