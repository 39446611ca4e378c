import type { INestApplication } from '@nestjs/common';
import { Topics, type ChannelHealthV1 } from '@app/contracts';
import { Partitioners } from 'kafkajs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDashboardConfig } from '../../../apps/dashboard/src/config/dashboard.config';
import { startDashboard } from '../../../apps/dashboard/src/dashboard.app';
import { eventually, produceRaw } from '../kafka-helpers';
import type { TestEnvironment } from '../test-environment';

export interface RunningDashboard {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

const open = [['00:00', '24:00']];

/**
 * A business calendar open around the clock, so the silent-channel alarm can be seen whatever
 * time the tests run (its working-hours rules are covered by the unit specs).
 */
export function alwaysOpenCalendarFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dashboard-calendar-')), 'calendar.json');
  writeFileSync(
    file,
    JSON.stringify({
      timeZone: 'Europe/Istanbul',
      workingHours: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open, sun: open },
      holidays: [],
    }),
  );
  return file;
}

export function dashboardEnv(
  env: TestEnvironment,
  coreUrl: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return env.env({
    DASHBOARD_PORT: '0',
    DASHBOARD_HOST: '127.0.0.1',
    DASHBOARD_CORE_URL: coreUrl,
    DASHBOARD_PUSH_INTERVAL_MS: '1000',
    DASHBOARD_LAG_INTERVAL_MS: '1000',
    DASHBOARD_CORE_POLL_MS: '1000',
    ...overrides,
  });
}

/** Starts the dashboard in this process, configured from variables as a deployment would be. */
export async function startTestDashboard(
  env: TestEnvironment,
  coreUrl: string,
  overrides: Record<string, string> = {},
): Promise<RunningDashboard> {
  const app = await startDashboard(loadDashboardConfig(dashboardEnv(env, coreUrl, overrides)));
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  await eventually(
    async () => ((await fetch(`${url}/health`)).ok ? true : undefined),
    30_000,
    `${url}/health`,
  );
  return { app, url, close: () => app.close() };
}

/** A health beat as an adapter's ChannelHealthReporter sends it, sent now unless `at` says. */
export function healthBeat(overrides: Partial<ChannelHealthV1> = {}): ChannelHealthV1 {
  return {
    schemaVersion: 1,
    channel: 'email',
    channelAccount: 'destek@ornek.com.tr',
    instanceId: 'email-test-1',
    at: new Date().toISOString(),
    state: 'up',
    detail: 'idle',
    intervalMs: 1_000,
    lastMessageAt: new Date().toISOString(),
    lastSuccessAt: new Date().toISOString(),
    counters: { received: 0, errors: 0, sent: 0 },
    ...overrides,
  };
}

export async function publishBeats(
  env: TestEnvironment,
  beats: readonly ChannelHealthV1[],
): Promise<void> {
  await produceRaw(
    env.kafka,
    env.topic(Topics.ChannelHealth),
    beats.map((b) => ({ key: `${b.channel}:${b.channelAccount}`, value: JSON.stringify(b) })),
  );
}

/**
 * Keeps an adapter's beat going every `intervalMs` until stopped, with the state and figures
 * `next` gives each time, over one producer as a running adapter would.
 */
export async function keepBeating(
  env: TestEnvironment,
  next: () => ChannelHealthV1,
  intervalMs = 1_000,
): Promise<{ stop(): Promise<void> }> {
  const producer = env.kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const send = async () => {
    const beat = next();
    await producer.send({
      topic: env.topic(Topics.ChannelHealth),
      acks: -1,
      messages: [{ key: `${beat.channel}:${beat.channelAccount}`, value: JSON.stringify(beat) }],
    });
  };
  let sending = send();
  const timer = setInterval(() => {
    sending = sending.catch(() => undefined).then(send);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await sending.catch(() => undefined);
      await producer.disconnect();
    },
  };
}

export async function getJson(url: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Signs in through the form as a person would; returns the session cookie as `name=value`. */
export async function signIn(url: string, token: string): Promise<string> {
  const form = await fetch(`${url}/login`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
  const csrfCookie = form.headers.getSetCookie().find((c) => c.startsWith('dashboard_signin='))!;
  const signedIn = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: csrfCookie.split(';')[0],
    },
    body: new URLSearchParams({ csrf, token }).toString(),
  });
  const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('dashboard_session='));
  if (signedIn.status !== 303 || !session) throw new Error(`not signed in: ${signedIn.status}`);
  return session.split(';')[0];
}

/** `getJson` as a signed-in person: with the session cookie, not a bearer token. */
export async function getJsonAs(
  url: string,
  cookie: string,
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers: { Cookie: cookie } });
  return { status: response.status, body: await response.json().catch(() => null) };
}
