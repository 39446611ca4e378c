import {
  Topics,
  type ChannelHealthV1,
  type DeadLetterV1,
  type InboundMessageV1,
  type OutboundReceiptV1,
} from '@app/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmailConfig } from '../../../apps/email/src/config/email.config';
import { startEmail } from '../../../apps/email/src/email.app';
import { eventually, readTopic } from '../kafka-helpers';
import { running, type RunningApp } from '../in-process-app';
import type { TestEnvironment } from '../test-environment';
import type { MailUser, TestDovecot } from './dovecot';
import type { SmtpSink } from './smtp-sink';

export const MAILBOX: MailUser = { user: 'sikayet@ornekmagaza.com.tr', password: 'imap-secret' };
export const SMTP_FROM = '"Örnek Mağaza Müşteri Hizmetleri" <yanit@ornekmagaza.com.tr>';

export type RunningEmail = RunningApp;

/** Variables of the e-mail adapter under test: one mailbox on the test Dovecot, SMTP to the sink. */
export function emailEnv(
  env: TestEnvironment,
  dovecot: TestDovecot,
  smtp: SmtpSink | undefined,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return env.env({
    EMAIL_PORT: '0',
    EMAIL_HOST: '127.0.0.1',
    EMAIL_HEALTH_BEAT_MS: '1000',
    IMAP_HOST: '127.0.0.1',
    IMAP_PORT: String(dovecot.port),
    IMAP_SECURE: 'false',
    IMAP_USER: MAILBOX.user,
    IMAP_PASSWORD: MAILBOX.password,
    EMAIL_POLL_INTERVAL_MS: '2000',
    EMAIL_LEASE_TTL_MS: '3000',
    EMAIL_RECONNECT_MAX_MS: '2000',
    BLOB_STORE_DIR: mkdtempSync(join(tmpdir(), 'email-blobs-')),
    ...(smtp
      ? {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(smtp.port),
          SMTP_SECURE: 'false',
          SMTP_FROM,
          EMAIL_REPLY_MAX_ATTEMPTS: '3',
        }
      : {}),
    ...overrides,
  });
}

/** Starts the adapter in this process, configured from variables as a deployment would be. */
export async function startTestEmail(
  env: TestEnvironment,
  dovecot: TestDovecot,
  smtp?: SmtpSink,
  overrides: Record<string, string> = {},
): Promise<RunningEmail> {
  return running(await startEmail(loadEmailConfig(emailEnv(env, dovecot, smtp, overrides))));
}

async function topicValues<T>(env: TestEnvironment, topic: string): Promise<T[]> {
  return (await readTopic(env.kafka, env.topic(topic)).catch(() => [])).map(
    (m) => JSON.parse(m.value) as T,
  );
}

export async function emailIntake(env: TestEnvironment): Promise<InboundMessageV1[]> {
  return (await topicValues<InboundMessageV1>(env, Topics.IntakeMessages)).filter(
    (m) => m.channel === 'email',
  );
}

export async function emailDeadLetters(env: TestEnvironment): Promise<DeadLetterV1[]> {
  return (await topicValues<DeadLetterV1>(env, Topics.DeadLetters)).filter(
    (d) => d.service === 'email',
  );
}

export async function emailReceipts(env: TestEnvironment): Promise<OutboundReceiptV1[]> {
  return (await topicValues<OutboundReceiptV1>(env, Topics.OutboundReceipts)).filter(
    (r) => r.channel === 'email',
  );
}

export async function emailBeats(env: TestEnvironment): Promise<ChannelHealthV1[]> {
  return (await topicValues<ChannelHealthV1>(env, Topics.ChannelHealth))
    .filter((b) => b.channel === 'email')
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** Waits until `read` yields at least `count` items matching `where`. */
export function until<T>(
  read: () => Promise<T[]>,
  count: number,
  where: (item: T) => boolean = () => true,
  timeoutMs = 30_000,
  what = 'items',
): Promise<T[]> {
  return eventually(
    async () => {
      const found = (await read()).filter(where);
      return found.length >= count ? found : undefined;
    },
    timeoutMs,
    `${count} ${what}`,
  );
}

let mailNumber = 0;

/** A plain customer mail, CRLF, with a distinct complaint so core does not link it as a repeat. */
export function customerMail(fields: {
  from: string;
  subject: string;
  text?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
}): string {
  const n = 100_000 + Math.floor(Math.random() * 800_000) + mailNumber++;
  const messageId = fields.messageId ?? `<complaint-${n}-${Date.now()}@customer.example>`;
  const headers = [
    `From: ${fields.from}`,
    `To: ${MAILBOX.user}`,
    `Subject: ${fields.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${messageId}`,
    ...(fields.inReplyTo ? [`In-Reply-To: ${fields.inReplyTo}`] : []),
    ...(fields.references ? [`References: ${fields.references}`] : []),
    ...Object.entries(fields.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const text =
    fields.text ??
    `Merhaba, Kadıköy şubesinden aldığım ${n} numaralı siparişteki ürün bozuk çıktı, iade istiyorum.`;
  return `${headers.join('\r\n')}\r\n\r\n${text}\r\n`;
}
