import { createHmac } from 'node:crypto';
import { loadCallCenterConfig } from '../../../apps/call-center/src/config/call-center.config';
import { startCallCenter } from '../../../apps/call-center/src/call-center.app';
import { running, startCoreWithOwnGroup, type RunningApp } from '../in-process-app';
import type { TestEnvironment } from '../test-environment';

export type { RunningApp };

export const TEST_CALL_CENTER_SECRET = 'test-call-center-secret-0123456789abcdef';

/** Starts the call centre in this process, configured from variables as a deployment would be. */
export async function startTestCallCenter(
  env: TestEnvironment,
  overrides: Record<string, string> = {},
): Promise<RunningApp> {
  const config = loadCallCenterConfig(
    env.env({
      CALL_CENTER_PORT: '0',
      CALL_CENTER_HOST: '127.0.0.1',
      CALL_CENTER_WEBHOOK_SECRET: TEST_CALL_CENTER_SECRET,
      ...overrides,
    }),
  );
  return running(await startCallCenter(config));
}

/** Core for the call-centre tests, with their own consumer group (see startCoreWithOwnGroup). */
export const startCoreForCalls = startCoreWithOwnGroup;

/** What a telephony system does: `sha256=` + hex HMAC-SHA256 of "<timestamp>.<raw body>". */
export function sign(body: string | Buffer, timestamp: string, secret = TEST_CALL_CENTER_SECRET) {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `sha256=${mac}`;
}

export function nowSeconds(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds);
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

/**
 * Posts a call, signed properly unless the test says otherwise: `timestamp`/`signature` replace
 * the headers (null leaves one out), `headers` adds or overrides anything else.
 */
export async function postCall(
  url: string,
  payload: unknown,
  options: {
    timestamp?: string | null;
    signature?: string | null;
    secret?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const timestamp = options.timestamp === undefined ? nowSeconds() : options.timestamp;
  const signature =
    options.signature === undefined
      ? sign(body, timestamp ?? nowSeconds(), options.secret)
      : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (timestamp !== null) headers['x-timestamp'] = timestamp;
  if (signature !== null) headers['x-signature'] = signature;
  const response = await fetch(`${url}/api/v1/call-center/events`, {
    method: 'POST',
    headers: { ...headers, ...options.headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, any>) : {},
  };
}

let calls = 0;

/**
 * A valid call with an id and a complaint of its own (a distinct order number): two calls with
 * the same words from the same number would be the same complaint to core, which links them.
 */
export function aCall(overrides: Record<string, unknown> = {}): Record<string, any> {
  const n = 100_000 + Math.floor(Math.random() * 800_000) + calls++;
  const started = new Date(Date.now() - 10 * 60_000);
  return {
    callId: `CC-${Date.now()}-${n}`,
    callerNumber: '0532 123 45 67',
    calledLine: '0850 222 00 00',
    agent: { id: 'A-1042', name: 'Zeynep Kaya' },
    storeCode: 'ist-kdk-01',
    notes: `Müşteri Kadıköy şubesinde ${n} numaralı siparişinin iadesinin reddedildiğini söylüyor.`,
    startedAt: started.toISOString(),
    endedAt: new Date(started.getTime() + 7 * 60_000 + 42_000).toISOString(),
    recordingUrl: `https://recordings.example.com/calls/${n}.mp3`,
    type: 'complaint',
    ...overrides,
  };
}
