import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWhatsAppConfig } from '../../../apps/whatsapp/src/config/whatsapp.config';
import { startWhatsApp } from '../../../apps/whatsapp/src/whatsapp.app';
import type { WhatsAppModuleOptions } from '../../../apps/whatsapp/src/whatsapp.module';
import { running, startCoreWithOwnGroup, type RunningApp } from '../in-process-app';
import type { TestEnvironment } from '../test-environment';

export type { RunningApp };

export const TEST_APP_SECRET = 'test-whatsapp-app-secret-0123456789';
export const TEST_VERIFY_TOKEN = 'test-verify-token-0123456789';
export const TEST_ACCESS_TOKEN = 'test-access-token-0123456789';
/** Meta's example phone number id in the documented samples, and pywa's in its captures. */
export const META_PHONE_NUMBER_ID = '106540352242922';
export const PYWA_PHONE_NUMBER_ID = '1122334455667';

export const CORPUS_DIR = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'whatsapp-cloud',
);

/**
 * The WhatsApp adapter in this process, configured from variables as a deployment would be:
 * the two sample numbers in Cloud API mode, the Graph API at `graphUrl`, a blob store of its own.
 */
export async function startTestWhatsApp(
  env: TestEnvironment,
  overrides: Record<string, string> = {},
  options: WhatsAppModuleOptions = {},
): Promise<RunningApp> {
  const config = loadWhatsAppConfig(
    env.env({
      WHATSAPP_PORT: '0',
      WHATSAPP_HOST: '127.0.0.1',
      WHATSAPP_PHONE_NUMBER_IDS: `${META_PHONE_NUMBER_ID},${PYWA_PHONE_NUMBER_ID}`,
      WHATSAPP_APP_SECRET: TEST_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: TEST_VERIFY_TOKEN,
      WHATSAPP_ACCESS_TOKEN: TEST_ACCESS_TOKEN,
      WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9/v23.0',
      WHATSAPP_HEALTH_BEAT_MS: '1000',
      // Test files share the broker: a consumer group of their own, or they steal partitions.
      WHATSAPP_REPLIES_GROUP: `whatsapp-replies-${env.id}`,
      BLOB_STORE_DIR: mkdtempSync(join(tmpdir(), 'wa-blobs-')),
      ...overrides,
    }),
  );
  return running(await startWhatsApp(config, options));
}

/** Core for the WhatsApp tests, with their own consumer group (see startCoreWithOwnGroup). */
export const startCoreForWhatsApp = startCoreWithOwnGroup;

/** What Meta does: `sha256=` + hex HMAC-SHA256 of the raw body with the app secret. */
export function signBody(body: string | Buffer, secret = TEST_APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Posts a webhook body signed as Meta signs it, unless `signature` says otherwise (null: none). */
export async function postWebhook(
  url: string,
  body: string | Buffer,
  signature: string | null = signBody(body),
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
    },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not every answer is JSON (the handshake is plain text).
  }
  return { status: response.status, body: parsed };
}

/** Every sample of the corpus, as Meta sent it (bytes untouched: one is not even valid JSON). */
export function corpusSamples(): { file: string; raw: string }[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, raw: readFileSync(join(CORPUS_DIR, file), 'utf8') }));
}

/** A documented text sample with its wamid and text replaced, for a message of the test's own. */
export function textWebhook(wamid: string, text: string, from = '16505551234'): string {
  const sample = JSON.parse(readFileSync(join(CORPUS_DIR, 'text.json'), 'utf8'));
  const value = sample.entry[0].changes[0].value;
  value.contacts[0].wa_id = from;
  value.messages[0] = { ...value.messages[0], id: wamid, from, text: { body: text } };
  value.messages[0].timestamp = String(Math.floor(Date.now() / 1000));
  return JSON.stringify(sample);
}

/** A documented status sample naming our message `wamid`, with the status of the test's choice. */
export function statusWebhook(wamid: string, status: string, recipient = '16505551234'): string {
  const sample = JSON.parse(readFileSync(join(CORPUS_DIR, 'status-sent.json'), 'utf8'));
  const entry = sample.entry[0].changes[0].value.statuses[0];
  Object.assign(entry, { id: wamid, status, recipient_id: recipient });
  entry.timestamp = String(Math.floor(Date.now() / 1000));
  return JSON.stringify(sample);
}
