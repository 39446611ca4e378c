import { randomUUID } from 'node:crypto';
import type { InboundMessageV1 } from '@app/contracts';
import { loadCoreConfig } from '../../apps/core/src/config/core.config';
import { startCore } from '../../apps/core/src/core.app';
import { loadWebFormConfig } from '../../apps/web-form/src/config/web-form.config';
import { startWebForm } from '../../apps/web-form/src/web-form.app';
import { running, type RunningApp } from './in-process-app';
import { TEST_ADMIN_TOKEN } from './services';
import type { TestEnvironment } from './test-environment';

export type { RunningApp };

/** Starts core in this process, configured exactly as a deployment would be, from variables. */
export async function startTestCore(
  env: TestEnvironment,
  overrides: Record<string, string> = {},
): Promise<RunningApp> {
  return running(await startCore(loadCoreConfig(env.env(overrides))));
}

export async function startTestWebForm(
  env: TestEnvironment,
  overrides: Record<string, string> = {},
): Promise<RunningApp> {
  return running(await startWebForm(loadWebFormConfig(env.env(overrides))));
}

export function authHeaders(): Record<string, string> {
  return { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
}

let complaintNumber = 0;

/**
 * A valid envelope with a fresh id and a complaint of its own (a distinct order number): without
 * it, two test messages from the same sender would be the same complaint, which core links as a
 * repeated contact. Override what the test is about.
 */
export function envelope(overrides: Partial<InboundMessageV1> = {}): InboundMessageV1 {
  const messageId = randomUUID();
  const order = 100_000 + Math.floor(Math.random() * 800_000) + complaintNumber++;
  return {
    schemaVersion: 1,
    messageId,
    channel: 'web-form',
    channelAccount: 'default',
    sourceId: messageId,
    receivedAt: new Date().toISOString(),
    sender: { name: 'Ayşe', surname: 'Yılmaz', phone: '+905321234567' },
    text: `Kadıköy şubesinde ${order} numaralı siparişimin iade talebi reddedildi, fiş elimde.`,
    declaredType: 'complaint',
    attachments: [],
    ...overrides,
  };
}
