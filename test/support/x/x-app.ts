import type { ChannelHealthV1, InboundMessageV1, OutboundReceiptV1 } from '@app/contracts';
import { ADAPTER_KIT_OPTIONS, type AdapterKitOptions } from '@app/adapter-kit';
import { Topics } from '@app/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadXConfig } from '../../../apps/x/src/config/x.config';
import { startX } from '../../../apps/x/src/x.app';
import { running, type RunningApp } from '../in-process-app';
import { eventually } from '../kafka-helpers';
import type { TestEnvironment } from '../test-environment';
import type { TopicTap } from './topic-tap';

/** Our account in the tests: @XDevelopers, the account the documented mention names. */
export const X_ACCOUNT = '2244994945';
export const X_CONSUMER_SECRET = 'test-consumer-secret';

export type RunningX = RunningApp;

/** Variables of the X adapter under test, pointed at a fake X API. */
export function xEnv(env: TestEnvironment, apiUrl: string, overrides: Record<string, string> = {}) {
  return env.env({
    X_PORT: '0',
    X_HOST: '127.0.0.1',
    X_API_URL: apiUrl,
    X_CONSUMER_KEY: 'test-consumer-key',
    X_CONSUMER_SECRET,
    X_ACCESS_TOKEN: 'token-a',
    X_ACCESS_SECRET: 'token-a-secret',
    X_USER_ID: X_ACCOUNT,
    X_MENTIONS_POLL_MS: '1000',
    X_DM_POLL_MS: '1000',
    X_LEASE_TTL_MS: '3000',
    X_HEALTH_BEAT_MS: '1000',
    BLOB_STORE_DIR: mkdtempSync(join(tmpdir(), 'x-blobs-')),
    ...overrides,
  });
}

/** Starts the adapter in this process, configured from variables as a deployment would be. */
export async function startTestX(
  env: TestEnvironment,
  apiUrl: string,
  overrides: Record<string, string> = {},
  { waitHealthy = true } = {},
): Promise<RunningX> {
  return running(await startX(loadXConfig(xEnv(env, apiUrl, overrides))), { waitHealthy });
}

/** The X messages on the intake topic so far. */
export function intakeMessages(tap: TopicTap): InboundMessageV1[] {
  return tap.values<InboundMessageV1>(Topics.IntakeMessages).filter((m) => m.channel === 'x');
}

/** Waits until the intake topic holds at least `count` X messages matching `where`. */
export function intakeUntil(
  tap: TopicTap,
  count: number,
  where: (m: InboundMessageV1) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<InboundMessageV1[]> {
  return eventually(
    () => {
      const found = intakeMessages(tap).filter(where);
      return Promise.resolve(found.length >= count ? found : undefined);
    },
    timeoutMs,
    `${count} X messages on the intake topic`,
  );
}

/** Health beats of the X channel so far, oldest first. */
export function healthBeats(tap: TopicTap): ChannelHealthV1[] {
  return tap
    .values<ChannelHealthV1>(Topics.ChannelHealth)
    .filter((b) => b.channel === 'x')
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** Waits for a beat matching `where` (its state, detail, instance...). */
export function beat(
  tap: TopicTap,
  where: (b: ChannelHealthV1) => boolean,
  timeoutMs = 30_000,
): Promise<ChannelHealthV1> {
  return eventually(
    () => Promise.resolve(healthBeats(tap).find(where)),
    timeoutMs,
    'an X health beat',
  );
}

/** Receipts the adapter published, for `replyId`. */
export function receiptsOf(tap: TopicTap, replyId: string): OutboundReceiptV1[] {
  return tap
    .values<OutboundReceiptV1>(Topics.OutboundReceipts)
    .filter((r) => r.replyId === replyId);
}

/** Checkpoints the adapter keeps in its schema. */
export async function checkpoint<T>(env: TestEnvironment, key: string): Promise<T | undefined> {
  const rows = await env
    .sql<{ value: T }>(`SELECT value FROM x.checkpoints WHERE key = $1`, [key])
    .catch(() => []);
  return rows[0]?.value;
}

/** Waits until a synchronous condition on the fake or the tap holds. */
export function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<true> {
  return eventually(() => Promise.resolve(check() ? true : undefined), timeoutMs, what);
}

/** The instance id a running adapter names in its health beats and leases. */
export function instanceOf(x: RunningX): string {
  return x.app.get<symbol, AdapterKitOptions>(ADAPTER_KIT_OPTIONS).instanceId;
}
